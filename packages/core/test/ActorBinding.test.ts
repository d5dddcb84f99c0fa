// Actor binding: a command acts for one party, and gsyf refuses it in another party's name. Each case replays an
// attack that 0.1 let through (see the comments) and shows it refused, with nothing written.
import { describe, expect, it } from "@effect/vitest"
import { ActorBinding, EventStore, Lifecycle, ProjectService, ReadModels, SecurityLog } from "@gsyf/core"
import { Effect, Either, Layer } from "effect"
import { command, given, seedCommand, tagIs, until, variant } from "./fixtures/gwt.js"
import { actors, expert, fullLifecycle, planningToAward, seedConfig } from "./fixtures/seed.js"

const outsider = actors.providerB // bid for keyAreas, was not awarded the contract

describe("bindings on the command's content (decider)", () => {
  it("a supplier bids only for itself: sup-b bidding as sup-a is refused, and sup-a can still bid", () => {
    const g = given(until(tagIs("SubmitBid")))
    const asA = variant(seedCommand(tagIs("SubmitBid")), { actor: outsider })
    // 0.1 accepted this bid, and the real sup-a was then refused by procurement.one-bid.
    const r = g.when(asA).thenRejected("Unauthorized", "actors.own-bid")
    expect(r.message).toContain("sup-b")
    expect(r.message).toContain("sup-a")
    g.when(variant(seedCommand(tagIs("SubmitBid")))).thenEvents("BidSubmitted")
  })

  it("only the contracted provider gives its contract's steps (plan, briefing, design, deliverable, acceptance)", () => {
    const all = fullLifecycle()
    const steps = [
      all.findIndex(tagIs("SubmitImplementationPlan", "keyAreas")),
      all.findIndex(tagIs("SubmitMonthlyBriefing", "keyAreas")),
      all.findIndex(tagIs("SubmitMaterialDesign")),
      all.findIndex(tagIs("RecordDeliverable")),
      all.findIndex(tagIs("ApplyForAcceptance", "keyAreas"))
    ]
    for (const i of steps) {
      const g = given(all.slice(0, i))
      // 0.1 accepted each of these from a provider that was not the one the contract was signed with.
      const r = g.when(variant(all[i]!, { actor: outsider })).thenRejected("Unauthorized", "actors.contracted-provider")
      expect(r.message).toContain("sup-a")
      // the contracted provider's own command goes through
      expect(Either.isRight(g.when(variant(all[i]!)).result)).toBe(true)
    }
  })

  it("another provider cannot correct the contracted provider's deliverable; the agency can", () => {
    const all = fullLifecycle()
    const first = all.findIndex(tagIs("RecordDeliverable"))
    const g = given(all.slice(0, first + 1))
    const eventId = g.events[g.events.length - 1]!.id
    const correction = (actor: typeof outsider) =>
      command("CorrectDeliverable", actor, "2026-05-20", { correctsEventId: eventId, reason: "地点有误" })
    g.when(correction(outsider)).thenRejected("Unauthorized", "actors.contracted-provider")
    g.when(correction(actors.providerA)).thenEvents("DeliverableCorrected")
    g.when(correction(actors.agency)).thenEvents("DeliverableCorrected")
  })

  it("an expert scores only on a panel it sits on", () => {
    const scores = seedCommand(tagIs("SubmitScores"))
    const g = given(until(tagIs("SubmitScores")))
    g.when(variant(scores, { actor: expert(99) })).thenRejected("Unauthorized", "roles.allowed")
  })

  it("a binding is checked before a resent command id is answered: sup-b learns nothing of sup-a's bid", () => {
    const bid = seedCommand(tagIs("SubmitBid"))
    const g = given([...until(tagIs("SubmitBid")), bid])
    // the stored command's id and content, sent by another supplier
    g.when({ ...bid, actor: outsider }).thenRejected("Unauthorized", "actors.own-bid")
    // the real supplier's retry is still a retry
    g.when(bid).thenEvents()
  })
})

describe("ActorBinding.bind: the host's authenticated party", () => {
  const opinion = seedCommand(tagIs("RecordMemberOpinion")) as { readonly actor: Record<string, unknown> }
  const decode = Either.getOrThrow(Lifecycle.decodeCommandInput(opinion))
  const hr = { id: "unit-hr", role: "member-unit", unit: "hr" } as const

  it("a member unit gives only its own opinion", () => {
    expect(Either.isRight(ActorBinding.bind(hr, decode))).toBe(true)
    // 0.1 let one member unit record all eight opinions by changing actor.unit (and actor.id).
    for (const unit of ["health", "transport"] as const) {
      const forged = Either.getOrThrow(
        Lifecycle.decodeCommandInput({ ...opinion, actor: { ...opinion.actor, id: `unit-${unit}`, unit } })
      )
      const r = ActorBinding.bind(hr, forged)
      expect(Either.isLeft(r) && r.left.ruleIds).toEqual(["actors.authenticated"])
      expect(Either.isLeft(r) && r.left.message).toContain("member-unit:unit-hr:hr")
    }
  })

  it("an expert scores only as itself: an agency employee giving expert-1's scores is refused", () => {
    const scores = Either.getOrThrow(Lifecycle.decodeCommandInput(seedCommand(tagIs("SubmitScores"))))
    expect(Either.isRight(ActorBinding.bind({ id: scores.actor.id, role: "expert" }, scores))).toBe(true)
    const r = ActorBinding.bind({ id: actors.agency.id, role: "agency" }, scores)
    expect(Either.isLeft(r) && r.left.ruleIds).toEqual(["actors.authenticated"])
  })
})

describe("ProjectService with principals and a security log", () => {
  const config = seedConfig()
  const log = SecurityLog.memory()
  const live = (options: ProjectService.Options = {}) =>
    ProjectService.layer(config, { securityLog: log, ...options }).pipe(
      Layer.provideMerge(EventStore.layerMemory({ projections: ReadModels.projections(config) }))
    )
  const toBids = planningToAward().filter((c) => c["_tag"] !== "SubmitBid" || c["supplierId"] === "sup-a")
  const bidAt = toBids.findIndex((c) => c["_tag"] === "SubmitBid")
  const principalOf = (c: Record<string, unknown>) => {
    const a = c["actor"] as { id: string; role: string; unit?: string }
    return { id: a.id, role: a.role, unit: a.unit } as ActorBinding.Principal
  }

  it.effect("refuses a command in another party's name, writes nothing to the project and logs the attempt", () =>
    Effect.gen(function*() {
      const service = yield* ProjectService.ProjectService
      for (const c of toBids.slice(0, bidAt)) yield* service.execute("p", c, { principal: principalOf(c) })
      const before = (yield* service.load("p")).stored.length
      // sup-b, authenticated as itself, sends sup-a's bid with sup-a as the actor
      const bid = toBids[bidAt]!
      const r = yield* Effect.flip(service.execute("p", bid, { principal: { id: "sup-b", role: "provider" } }))
      expect(r._tag).toBe("Unauthorized")
      expect(Lifecycle.ruleIdsOf(r as Lifecycle.Rejection)).toEqual(["actors.authenticated"])
      expect((yield* service.load("p")).stored.length).toBe(before)
      const entry = log.entries().at(-1)!
      expect(entry).toMatchObject({
        kind: "unauthorized",
        projectId: "p",
        command: "SubmitBid",
        actor: { id: "sup-a", role: "provider" },
        principal: { id: "sup-b", role: "provider" },
        ruleIds: ["actors.authenticated"]
      })
      expect(entry.zh).toContain("sup-b")
      expect(entry.en).toContain("authenticated")
      // the log is not the project's chain: no event of the project mentions the attempt
      expect((yield* service.load("p")).stored.some((e) => JSON.stringify(e.data).includes(bid["commandId"] as string)))
        .toBe(false)
      // the real sup-a goes through
      const ok = yield* service.execute("p", bid, { principal: principalOf(bid) })
      expect(ok.events.map((e) => e._tag)).toEqual(["BidSubmitted"])
    }).pipe(Effect.provide(live())))

  it.effect("requirePrincipal refuses a command given without one", () =>
    Effect.gen(function*() {
      const service = yield* ProjectService.ProjectService
      const first = toBids[0]!
      const r = yield* Effect.flip(service.execute("q", first))
      expect(r._tag).toBe("Unauthorized")
      expect((yield* service.load("q")).stored.length).toBe(0)
      const ok = yield* service.execute("q", first, { principal: principalOf(first) })
      expect(ok.events.length).toBeGreaterThan(0)
    }).pipe(Effect.provide(live({ requirePrincipal: true }))))

  it.effect("a principal that does not decode is InvalidInput naming its field", () =>
    Effect.gen(function*() {
      const service = yield* ProjectService.ProjectService
      const r = yield* Effect.flip(
        service.execute("r", toBids[0]!, { principal: { id: "x", role: "root" } as unknown as ActorBinding.Principal })
      )
      expect(r._tag).toBe("InvalidInput")
      expect(r.message).toContain("role")
    }).pipe(Effect.provide(live())))
})
