// Command ids belong to their project, authorization comes before idempotency, and a reused id for another
// command is a typed conflict. Each case replays an attack that 0.1 let through (see the comments) and shows
// it refused.
import { describe, expect, it } from "@effect/vitest"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Client, EventStore, ProjectService, ReadModels } from "@gsyf/core"
import { Effect, Layer } from "effect"
import { contracting, planningToAward, seedConfig, seedParameterFile } from "./fixtures/seed.js"

const config = seedConfig()
const live = () =>
  ProjectService.layer(config).pipe(
    Layer.provideMerge(EventStore.layerMemory({ projections: ReadModels.projections(config) }))
  )
const commands = [...planningToAward(), ...contracting()]
const payment = commands.find((c) => c["_tag"] === "MakePayment")!
const account = "6222 0210 0000 1234"

/** Project A has gone from planning to its first payments. */
const projectA = Effect.gen(function*() {
  const service = yield* ProjectService.ProjectService
  for (const c of commands) yield* service.execute("project-a", c)
  return service
})

describe("command ids (ProjectService)", () => {
  it.effect("an id used in project A, sent to project X, is X's own command and answers nothing of A's", () =>
    Effect.gen(function*() {
      const service = yield* projectA
      const before = (yield* service.load("project-a")).stored.length
      // 0.1 answered `duplicate: true` with A's events, and X got nothing.
      const r = yield* service.execute("project-x", commands[0])
      expect(r.duplicate).toBe(false)
      expect(r.version).toBe(r.events.length)
      const x = yield* service.load("project-x")
      expect(x.stored.map((e) => e.streamId)).toEqual(x.stored.map(() => "project-x"))
      expect(x.stored.length).toBe(r.events.length)
      expect((yield* service.load("project-a")).stored.length).toBe(before)
    }).pipe(Effect.provide(live())))

  it.effect("a stored payment resent by the public role is refused without revealing it", () =>
    Effect.gen(function*() {
      const service = yield* projectA
      // 0.1 checked the id before the role and returned the payment, payee account included.
      const resent = { ...payment, actor: { ...(payment["actor"] as object), role: "public" } }
      const e = yield* Effect.flip(service.execute("project-a", resent))
      expect(e._tag).toBe("Unauthorized")
      expect(JSON.stringify(e)).not.toContain(account)
      expect(e.message).not.toContain(account)
    }).pipe(Effect.provide(live())))

  it.effect("the same id with another amount is a CommandIdConflict; the same command is still a retry", () =>
    Effect.gen(function*() {
      const service = yield* projectA
      const version = (yield* service.load("project-a")).stored.length
      // 0.1 silently answered with the original payment.
      const e = yield* Effect.flip(service.execute("project-a", { ...payment, amount: "900000.00" }))
      expect(e).toMatchObject({ _tag: "CommandIdConflict", streamId: "project-a", commandId: payment["commandId"] })
      expect(e.message).toContain("命令标识")
      expect(JSON.stringify(e)).not.toContain(account)
      // The original command again (its fields in another order): the stored outcome.
      const reordered = Object.fromEntries(Object.entries(payment).reverse())
      const again = yield* service.execute("project-a", reordered)
      expect(again.duplicate).toBe(true)
      expect(again.events.map((ev) => ev._tag)).toEqual(["PaymentMade"])
      expect((yield* service.load("project-a")).stored.length).toBe(version)
    }).pipe(Effect.provide(live())))
})

describe("command ids (Promise client)", () => {
  it("keeps projects apart, refuses the wrong role first and reports a reused id", async () => {
    const client = await Client.make({
      parameters: seedParameterFile(),
      calendar: ChinaHolidays.calendar,
      store: (projections) => EventStore.layerMemory({ projections })
    })
    for (const c of commands) expect((await client.execute("project-a", c)).ok).toBe(true)
    const elsewhere = await client.execute("project-x", commands[0])
    expect(elsewhere).toMatchObject({ ok: true, duplicate: false })
    const publicResend = await client.execute("project-a", {
      ...payment,
      actor: { ...(payment["actor"] as object), role: "public" }
    })
    expect(publicResend.ok).toBe(false)
    if (!publicResend.ok) expect(publicResend.rejection.ruleIds).toEqual(["roles.allowed"])
    expect(JSON.stringify(publicResend)).not.toContain(account)
    await expect(client.execute("project-a", { ...payment, amount: "900000.00" })).rejects.toMatchObject({
      _tag: "CommandIdConflict"
    })
    await client.close()
  })
})
