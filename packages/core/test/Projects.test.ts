import { describe, expect, it } from "@effect/vitest"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Client, EventStore, ProjectService, ReadModels } from "@gsyf/core"
import { Effect, Layer, Option } from "effect"
import { contracting, fullLifecycle, planningToAward, seedConfig, seedParameterFile } from "./fixtures/seed.js"

const projectId = "sample-city-2026"

describe("Projects over the memory store", () => {
  const config = seedConfig()
  const live = ProjectService.layer(config).pipe(
    Layer.provide(EventStore.layerMemory({ projections: ReadModels.projections(config) }))
  )

  it.effect("runs the seed lifecycle, keeps the read models and verifies the trail", () =>
    Effect.gen(function*() {
      const projects = yield* ProjectService.ProjectService
      for (const command of fullLifecycle()) yield* projects.execute(projectId, command)
      const { state, stored } = yield* projects.load(projectId)
      expect(state.version).toBe(stored.length)

      const list = yield* projects.list()
      expect(list).toHaveLength(1)
      expect(list[0]!.status).toBe("filed")
      expect(list[0]!.nextDeadline).toBeNull()

      const ledger = Option.getOrThrow(
        yield* projects.readModel("gsyf.payment-ledger", `${projectId}/keyAreas`)
      ) as ReadModels.LedgerDoc
      expect(ledger.amount).toBe("2180000.00")
      expect(ledger.payments.map((p) => [p.kind, p.amount])).toEqual([
        ["advance", "872000.00"],
        ["balance", "1308000.00"]
      ])
      expect(ledger.outstanding).toBe("0.00")

      const quota = Option.getOrThrow(
        yield* projects.readModel("gsyf.quota-progress", `${projectId}/keyAreas`)
      ) as ReadModels.QuotaDoc
      const portal = quota.items.find((i) => i.itemId === "portal-articles")!
      expect([portal.done, portal.required, portal.met]).toEqual([20, 20, true])

      const briefings = Option.getOrThrow(
        yield* projects.readModel("gsyf.briefings", `${projectId}/hazchem`)
      ) as ReadModels.BriefingDoc
      expect(Object.keys(briefings.months)).toHaveLength(6)

      const verified = yield* projects.verify(projectId)
      expect(verified.ok).toBe(true)
      const audit = Option.getOrThrow(yield* projects.readModel("gsyf.audit", projectId)) as ReadModels.AuditDoc
      expect(audit.length).toBe(stored.length)
      expect(audit.head).toBe(stored[stored.length - 1]!.hash)
      const reports = Option.getOrThrow(
        yield* projects.readModel("gsyf.acceptance-reports", projectId)
      ) as ReadModels.AcceptanceReportsDoc
      expect([reports.city, reports.fiscalYear]).toEqual(["示例市", 2026])
      expect(reports.reports["keyAreas"]!.attempts).toBe(2)
      expect(reports.reports["keyAreas"]!.reportNumber).toBe("示社保验〔2026〕2号")
      expect(reports.reports["hazchem"]!.items.every((i) => i.met)).toBe(true)
      const jsonl = yield* projects.exportTrail(projectId)
      expect(jsonl.trim().split("\n")).toHaveLength(stored.length)
    }).pipe(Effect.provide(live)))

  it.effect("shows the next deadline while a project is under way", () =>
    Effect.gen(function*() {
      const projects = yield* ProjectService.ProjectService
      for (const command of [...planningToAward(), ...contracting()]) yield* projects.execute(projectId, command)
      const [doc] = yield* projects.list()
      expect(doc!.status).toBe("implementation")
      // both contracts signed 2026-04-20 for 6 months
      expect(doc!.nextDeadline).toEqual({ what: "work-ends", subProject: "hazchem", date: "2026-10-20" })
    }).pipe(Effect.provide(live)))

  it.effect("an award's result notice is due within 2 working days, and stays the next deadline until published", () =>
    Effect.gen(function*() {
      const projects = yield* ProjectService.ProjectService
      const withoutNotices = planningToAward().filter((c) => c._tag !== "PublishResult")
      for (const command of withoutNotices) yield* projects.execute(projectId, command)
      const [doc] = yield* projects.list()
      // both awards of Thursday 2026-04-09: the notices are due by Monday 2026-04-13 (实施条例 第四十三条)
      expect(doc!.deadlines["result:keyAreas"]).toEqual({
        what: "result-notice-due",
        subProject: "keyAreas",
        date: "2026-04-13"
      })
      expect(doc!.nextDeadline).toMatchObject({ what: "result-notice-due", date: "2026-04-13" })
      for (const command of planningToAward().filter((c) => c._tag === "PublishResult")) {
        yield* projects.execute(projectId, command)
      }
      const [after] = yield* projects.list()
      expect(Object.keys(after!.deadlines).filter((k) => k.startsWith("result:"))).toEqual([])
      expect(after!.nextDeadline).toMatchObject({ what: "contract-due", date: "2026-05-09" })
    }).pipe(Effect.provide(live)))
})

describe("Client (Promise API)", () => {
  it("executes commands and reports rejections as values", async () => {
    const client = await Client.make({
      parameters: seedParameterFile(),
      calendar: ChinaHolidays.calendar,
      store: (projections) => EventStore.layerMemory({ projections })
    })
    const [first, second] = planningToAward()
    const ok = await client.execute(projectId, first)
    expect(ok.ok).toBe(true)
    // a member unit's opinion given by the bureau: unauthorized, nothing written
    const wrong = await client.execute(projectId, {
      ...second,
      actor: { ...(second!.actor as object), role: "hrss-bureau" }
    })
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(wrong.rejection.ruleIds).toEqual(["roles.allowed"])
    const bad = await client.execute(projectId, { ...second, commandId: "x", at: "yesterday" })
    expect(bad.ok === false && bad.rejection.issues.map((i) => i.path)).toEqual(["at"])
    expect((await client.events(projectId)).length).toBe(1)
    expect((await client.verify(projectId)).ok).toBe(true)
    await client.close()
  })

  it("refuses a parameter file with problems, naming them", async () => {
    await expect(
      Client.make({
        parameters: { parameters: { "budget.total": "abc" } },
        calendar: ChinaHolidays.calendar,
        store: (p) => EventStore.layerMemory({ projections: p })
      })
    ).rejects.toMatchObject({ name: "ConfigurationError" })
  })
})
