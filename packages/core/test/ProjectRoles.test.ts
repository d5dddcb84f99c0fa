/**
 * Who may give each command (ProjectCommand.allowedRoles), table-driven over
 * every command and every role, and idempotency by command id.
 */
import { describe, expect, it } from "@effect/vitest"
import { Actor, Lifecycle, ProjectCommand, type ProjectEvent } from "@gsyf/core"
import { Either } from "effect"
import { command, fingerprint, given } from "./fixtures/gwt.js"
import { actors, fullLifecycle, seedConfig } from "./fixtures/seed.js"

type Raw = Record<string, unknown>

const config = seedConfig()
const decide = Lifecycle.decide(config)

/** The seed lifecycle with the state each command met, plus samples of the commands it never gives. */
const samples = (() => {
  const out = new Map<string, { readonly raw: Raw; readonly state: Lifecycle.State }>()
  let state = Lifecycle.initialState
  let beforeApprove: Lifecycle.State | undefined
  let beforeAcceptance: Lifecycle.State | undefined
  let beforeSigning: Lifecycle.State | undefined
  let beforePanel: Lifecycle.State | undefined
  let firstArticle: string | undefined
  let afterSigning: Lifecycle.State | undefined
  let afterFailure: Lifecycle.State | undefined
  for (const raw of fullLifecycle()) {
    if (!out.has(raw._tag as string)) out.set(raw._tag as string, { raw, state })
    if (raw._tag === "ApproveBudget") beforeApprove = state
    if (raw._tag === "PublishContract" && afterSigning === undefined) afterSigning = state
    if (raw._tag === "ApplyForAcceptance" && state.subProjects.keyAreas.acceptance.status === "failed") {
      afterFailure = state
    }
    if (raw._tag === "SignContract" && beforeSigning === undefined) beforeSigning = state
    if (raw._tag === "AppointPanel" && beforePanel === undefined) beforePanel = state
    if (raw._tag === "ApplyForAcceptance" && beforeAcceptance === undefined) beforeAcceptance = state
    const events = Either.getOrThrow(Lifecycle.handle(config)(raw, state))
    for (const e of events) {
      if (firstArticle === undefined && e._tag === "DeliverableRecorded" && e.evidence._tag === "portal-article") {
        firstArticle = e.id
      }
      state = Lifecycle.evolve(state, e)
    }
  }
  out.set("ReturnBudget", {
    raw: command("ReturnBudget", actors.finance, "2026-03-05", { reasons: ["测算依据不足"] }),
    state: beforeApprove!
  })
  out.set("CorrectDeliverable", {
    raw: command("CorrectDeliverable", actors.agency, "2026-10-15", {
      correctsEventId: firstArticle!,
      reason: "重复登记"
    }),
    state: beforeAcceptance!
  })
  out.set("AmendContract", {
    raw: command("AmendContract", actors.agency, "2026-04-21", {
      subProject: "keyAreas",
      supplementId: "BC-1",
      amount: "10000.00",
      reason: "增加宣传折页印量",
      items: ["宣传折页"]
    }),
    state: afterSigning!
  })
  // a second failed acceptance, as the sample's state (the seed's key areas fail once, then pass)
  const failed = afterFailure!
  const twice = {
    ...failed,
    subProjects: {
      ...failed.subProjects,
      keyAreas: {
        ...failed.subProjects.keyAreas,
        acceptance: { ...failed.subProjects.keyAreas.acceptance, attempts: 2 }
      }
    }
  }
  out.set("TerminateContract", {
    raw: command("TerminateContract", actors.agency, "2026-11-20", {
      subProject: "keyAreas",
      reason: "整改后再次验收仍不合格",
      workValue: "1900000.00"
    }),
    state: twice
  })
  // the ways back of a procurement, met after the awards and before the contracts
  const sub = { subProject: "keyAreas" }
  const recovery: ReadonlyArray<readonly [string, Raw]> = [
    ["ClarifyDocuments", { ...sub, summary: "补充说明" }],
    ["RejectBid", { ...sub, supplierId: "sup-c", reason: "non-conforming", note: "未实质性响应" }],
    ["TerminateProcurement", { ...sub, reason: "other", note: "终止", noticePublishedOn: "2026-04-13" }],
    ["DeclineAward", { ...sub, supplierId: "sup-a", reason: "放弃成交" }],
    ["AwardNextRanked", sub],
    ["RaiseChallenge", {
      ...sub,
      challengeId: "Q-1",
      supplierId: "sup-b",
      supplierName: "示例明安培训中心",
      receivedOn: "2026-04-13",
      grounds: "质疑",
      suspendsSigning: false
    }],
    ["AnswerChallenge", { ...sub, challengeId: "Q-1", answer: "答复", upheld: false }]
  ]
  const after = (state: Lifecycle.State, raw: Raw) =>
    Either.getOrThrow(Lifecycle.handle(config)(raw, state)).reduce(Lifecycle.evolve, state)
  const at = (tag: string) =>
    tag === "ClarifyDocuments" || tag === "RejectBid" ? { date: "2026-04-06", state: beforePanel! } : {
      date: "2026-04-13",
      state: tag === "AwardNextRanked"
        ? after(beforeSigning!, command("DeclineAward", actors.agency, "2026-04-13", recovery[3]![1]))
        : tag === "AnswerChallenge"
        ? after(beforeSigning!, command("RaiseChallenge", actors.agency, "2026-04-13", recovery[5]![1]))
        : beforeSigning!
    }
  for (const [tag, input] of recovery) {
    const { date, state } = at(tag)
    out.set(tag, { raw: command(tag, actors.agency, date, input), state })
  }
  return out
})()

const roles = Actor.Role.literals
const asRole = (raw: Raw, role: string): Raw => ({
  ...raw,
  commandId: `${raw.commandId as string}-as-${role}`,
  actor: { ...(raw.actor as Raw), role, ...(role === "member-unit" ? { unit: "hr" } : {}) }
})

describe("roles", () => {
  it("every command has a sample and a role list", () => {
    expect([...samples.keys()].sort()).toEqual([...ProjectCommand.names].sort())
    expect(ProjectCommand.names).toHaveLength(42)
  })

  const cases = ProjectCommand.names.flatMap((name) =>
    roles.filter((r) => !ProjectCommand.allowedRoles[name].includes(r)).map((role) => [name, role] as const)
  )

  it.each(cases)("%s given by %s is Unauthorized, at its own point of the lifecycle and at the start", (name, role) => {
    const { raw, state } = samples.get(name)!
    for (const s of [state, Lifecycle.initialState]) {
      const before = fingerprint(s)
      const result = Lifecycle.handle(config)(asRole(raw, role), s)
      expect(Either.isLeft(result)).toBe(true)
      const rejection = Either.getLeft(result).pipe((o) => (o._tag === "Some" ? o.value : undefined))!
      expect(rejection._tag).toBe("Unauthorized")
      expect(Lifecycle.ruleIdsOf(rejection)).toEqual(["roles.allowed"])
      if (rejection._tag === "Unauthorized") {
        expect(rejection.role).toBe(role)
        expect(rejection.allowed).toEqual(ProjectCommand.allowedRoles[name])
      }
      expect(fingerprint(s)).toEqual(before)
    }
  })

  it.each(ProjectCommand.names)("%s given by an allowed role passes the role check", (name) => {
    const { raw, state } = samples.get(name)!
    for (const role of ProjectCommand.allowedRoles[name]) {
      const result = Lifecycle.handle(config)(asRole(raw, role), state)
      // the role passes; an actor binding (another party than the contracted provider …) may still refuse it
      if (Either.isLeft(result)) expect(Lifecycle.ruleIdsOf(result.left)).not.toContain("roles.allowed")
    }
    // and the seed's own actor is accepted there
    expect(Either.isRight(Lifecycle.handle(config)(raw, state))).toBe(true)
  })
})

describe("idempotency", () => {
  it("the same commandId twice gives no new events, at every step of the seed lifecycle", () => {
    let state = Lifecycle.initialState
    let checked = 0
    for (const raw of fullLifecycle()) {
      const decoded = Either.getOrThrow(Lifecycle.decodeCommandInput(raw))
      const first = Either.getOrThrow(decide(decoded, state))
      expect(first.length).toBeGreaterThan(0)
      const after = first.reduce(Lifecycle.evolve, state)
      const retry = decide(decoded, after)
      expect(Either.isRight(retry) && retry.right).toEqual([])
      checked++
      state = after
    }
    expect(checked).toBe(fullLifecycle().length)
  })

  it("a retry with the same id is a no-op even if its payload changed", () => {
    const g = given(fullLifecycle().slice(0, 1))
    const first = fullLifecycle()[0]!
    expect(g.when({ ...first, top: 1 }).thenEvents()).toEqual([])
  })

  it("a rejected command id is not remembered: the corrected command with the same id is applied", () => {
    const g = given(fullLifecycle().slice(0, 9))
    const issue = command(
      "IssuePlan",
      actors.committee,
      "2026-02-10",
      { documentNumber: "示工伤预防委〔2026〕1号" },
      "issue-once"
    )
    g.when({ ...issue, actor: actors.bureau }).thenRejected("Unauthorized", "roles.allowed")
    const events: ReadonlyArray<ProjectEvent.Event> = g.when(issue).thenEvents("PlanIssued")
    expect(events[0]!.id).toBe("issue-once/0")
  })
})
