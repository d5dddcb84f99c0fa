// Quota progress read from the counters the folds keep (`State.evidenceIndex`) equals the quota items' own
// counts over the evidence list, at every event of the seed lifecycle and through corrections that withdraw
// and replace evidence of every kind.
import { describe, expect, it } from "@effect/vitest"
import { IsoDate, Lifecycle, Parameter, Quota } from "@gsyf/core"
import { command } from "./fixtures/gwt.js"
import { actors, contracting, delivery, fullLifecycle, planningToAward, runCommands } from "./fixtures/seed.js"

const on = IsoDate.unsafeFromString("2026-10-20")

const byCounting = (config: ReturnType<typeof runCommands>["config"], s: Lifecycle.State) => {
  const ctx: Quota.Context = { read: (name) => Parameter.resolve(config.parameters, name, on)?.value }
  return Quota.progress(config.quotaItems, Lifecycle.evidenceOf(s), ctx)
}

describe("quota counters", () => {
  it("agree with counting the evidence at every event of the seed lifecycle", () => {
    const { config, events } = runCommands(fullLifecycle())
    let s = Lifecycle.initialState
    let compared = 0
    for (const e of events) {
      s = Lifecycle.evolve(s, e)
      if (e._tag !== "DeliverableRecorded" && e._tag !== "DeliverableCorrected") continue
      expect(Lifecycle.quotaProgress(config, s, on)).toEqual(byCounting(config, s))
      compared++
    }
    expect(compared).toBeGreaterThan(90)
    // and the seed's final figures are not all zero
    expect(Lifecycle.quotaProgress(config, s, on).filter((p) => p.done > 0).length).toBe(config.quotaItems.length)
  })

  it("agree after every piece of evidence is withdrawn, some replaced by another kind", () => {
    const base = runCommands([...planningToAward(), ...contracting(), ...delivery({ portalArticles: 18 })])
    const recorded = base.events.filter((e) => e._tag === "DeliverableRecorded")
    // withdraw in reverse order (key-enterprise steps may only be withdrawn last step first)
    const corrections = [...recorded].reverse().map((e, i) =>
      command("CorrectDeliverable", actors.agency, "2026-10-15", {
        correctsEventId: e.id,
        reason: "更正",
        ...(i % 3 === 0
          ? { replacement: { _tag: "park-event", date: "2026-10-15", park: `更正园区${i % 4}`, attendance: 50 } }
          : {})
      }, `fix-${i}`)
    )
    const { config, state } = runCommands([
      ...planningToAward(),
      ...contracting(),
      ...delivery({ portalArticles: 18 }),
      ...corrections
    ])
    const progress = Lifecycle.quotaProgress(config, state, on)
    expect(progress).toEqual(byCounting(config, state))
    expect(progress.find((p) => p.itemId === "parks")!.done).toBe(4)
    expect(progress.find((p) => p.itemId === "key-enterprises")!.done).toBe(0)
    expect(progress.find((p) => p.itemId === "portal-articles")!.done).toBe(0)
  })
})
