import { describe, expect, it } from "@effect/vitest"
import { Lifecycle, Money, ProjectEvent } from "@gsyf/core"
import { Schema } from "effect"
import { fullLifecycle, runCommands } from "./fixtures/seed.js"

const run = (commands: ReadonlyArray<unknown>) => runCommands(commands)

describe("the seed plan's full lifecycle", () => {
  it("runs from key areas to filing for both sub-projects", () => {
    const { state, events } = run(fullLifecycle())
    expect(Lifecycle.status(state)).toBe("filed")
    const types = events.map((e) => e._tag)
    expect(types[0]).toBe("KeyAreasSelected")
    expect(types.filter((t) => t === "AcceptanceFailed")).toHaveLength(1)
    expect(types.filter((t) => t === "AcceptancePassed")).toHaveLength(2)
    expect(types.filter((t) => t === "AcceptanceReportFiled")).toHaveLength(2)

    const keyAreas = state.subProjects.keyAreas
    expect(keyAreas.contract!.supplierId).toBe("sup-a")
    expect(keyAreas.contract!.advance.toString()).toBe("872000.00")
    expect(keyAreas.contract!.balance.toString()).toBe("1308000.00")
    expect(Money.sum(keyAreas.payments.map((p) => p.amount)).toString()).toBe("2180000.00")
    expect(keyAreas.acceptance.attempts).toBe(2)
    const hazchem = state.subProjects.hazchem
    expect(hazchem.contract!.supplierId).toBe("sup-h1")
    expect(Money.sum(hazchem.payments.map((p) => p.amount)).toString()).toBe("780000.00")
    // publicity of 5 working days from Monday 2026-03-16 ends on Monday 2026-03-23
    const publicity = events.find((e): e is Extract<ProjectEvent.Event, { _tag: "PublicityStarted" }> =>
      e._tag === "PublicityStarted"
    )!
    expect(publicity.endsOn).toBe("2026-03-23")
    // the hazchem acceptance on 2026-10-23 makes the balance due 30 days later, moved off the weekend
    const passed = events.find(
      (e): e is Extract<ProjectEvent.Event, { _tag: "AcceptancePassed" }> =>
        e._tag === "AcceptancePassed" && e.subProject === "hazchem"
    )!
    expect(passed.dueDate).toBe("2026-11-23")
    const failed = events.find((e): e is Extract<ProjectEvent.Event, { _tag: "AcceptanceFailed" }> =>
      e._tag === "AcceptanceFailed"
    )!
    expect(failed.rectification.items.join()).toContain("门户网站")
  })

  it("replays to the same state and every event round-trips through its schema", () => {
    const { state, events } = run(fullLifecycle())
    const codec = Schema.Array(ProjectEvent.Event)
    const encoded = Schema.encodeSync(codec)(events)
    const decoded = Schema.decodeUnknownSync(codec)(JSON.parse(JSON.stringify(encoded)))
    let replayed = Lifecycle.initialState
    for (const e of decoded) replayed = Lifecycle.evolve(replayed, e)
    expect(replayed.version).toBe(state.version)
    expect(Lifecycle.status(replayed)).toBe(Lifecycle.status(state))
    expect(replayed.subProjects.keyAreas.payments.map((p) => p.amount.toString())).toEqual(
      state.subProjects.keyAreas.payments.map((p) => p.amount.toString())
    )
  })
})
