// Quota progress read from the counters the folds keep (`State.evidenceIndex`) equals the quota items' own
// counts over the evidence list, at every event of the seed lifecycle and through corrections that withdraw
// and replace evidence of every kind.
import { describe, expect, it } from "@effect/vitest"
import { EventStore, IsoDate, Lifecycle, Parameter, ProjectEvent, Quota, ReadModels } from "@gsyf/core"
import { Effect, Option, Schema } from "effect"
import { seedWithCorrections } from "./fixtures/gwt.js"
import { fullLifecycle, runCommands } from "./fixtures/seed.js"

const on = IsoDate.unsafeFromString("2026-10-20")

const byCounting = (config: ReturnType<typeof runCommands>["config"], s: Lifecycle.State) => {
  const ctx: Quota.Context = { read: (name) => Parameter.resolve(config.parameters, name, on)?.value }
  return Quota.progress(config.quotaItems, Lifecycle.evidenceOf(s), ctx)
}

const withCorrections = () => {
  const { base, corrections } = seedWithCorrections()
  return [...base, ...corrections]
}

const encodeEvent = Schema.encodeSync(ProjectEvent.Event)

/** The quota-progress documents of both sub-projects after each event, stored one by one in a memory store. */
const readModelAlong = (config: ReturnType<typeof runCommands>["config"], events: ReadonlyArray<ProjectEvent.Event>) =>
  Effect.gen(function*() {
    const store = yield* EventStore.makeMemory({ projections: ReadModels.projections(config) })
    const docs: Array<ReadonlyArray<ReadModels.QuotaDoc | undefined>> = []
    for (const [i, e] of events.entries()) {
      const event = { type: e._tag, schemaVersion: ProjectEvent.currentVersion, data: encodeEvent(e) }
      yield* store.append("p", i, e.commandId, [event])
      const read = (sub: string) => store.readModel("gsyf.quota-progress", `p/${sub}`)
      const both = [yield* read("hazchem"), yield* read("keyAreas")]
      docs.push(both.map((d) => Option.getOrUndefined(Option.map(d, (x) => x.doc as ReadModels.QuotaDoc))))
    }
    return docs
  })

/** What the read model's items were before counters: every item counted over the evidence in force. */
const countedItems = (
  config: ReturnType<typeof runCommands>["config"],
  s: Lifecycle.State,
  doc: ReadModels.QuotaDoc
) => {
  const at = IsoDate.unsafeFromString(doc.asOf)
  const ctx: Quota.Context = { read: (name) => Parameter.resolve(config.parameters, name, at)?.value }
  const sub = doc.subProject as Lifecycle.SubProjectKey
  const items = config.quotaItems.filter((i) => i.subProject === sub)
  return Quota.progress(items, Lifecycle.evidenceOf(s, sub), ctx).map((p) => ({
    itemId: p.itemId,
    title: p.title.zh,
    unit: p.unit,
    required: p.required,
    done: p.done,
    met: p.met
  }))
}

describe("the quota-progress read model", () => {
  it("keeps counters that give the items counting the evidence gives, at every event and through corrections", () =>
    Effect.gen(function*() {
      const { config, events } = runCommands(withCorrections())
      // the same items as new objects: counted over the evidence list
      const listed = { ...config, quotaItems: config.quotaItems.map((i) => ({ ...i })) }
      const counted = yield* readModelAlong(config, events)
      const overList = yield* readModelAlong(listed, events)
      let s = Lifecycle.initialState
      for (const [i, e] of events.entries()) {
        s = Lifecycle.evolve(s, e)
        for (const [k, doc] of counted[i]!.entries()) {
          if (doc === undefined) continue
          expect(doc.items).toEqual(countedItems(config, s, doc))
          expect(overList[i]![k]!.items).toEqual(doc.items)
          expect(doc.evidence.length).toBe(Lifecycle.evidenceOf(s, doc.subProject as Lifecycle.SubProjectKey).length)
        }
      }
      const last = counted[counted.length - 1]!
      expect(last[1]!.items.find((p) => p.itemId === "parks")!.done).toBe(4)
      expect(last.every((d) => d!.items.length > 0)).toBe(true)
    }).pipe(Effect.runPromise))
})

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
    const { config, state } = runCommands(withCorrections())
    const progress = Lifecycle.quotaProgress(config, state, on)
    expect(progress).toEqual(byCounting(config, state))
    expect(progress.find((p) => p.itemId === "parks")!.done).toBe(4)
    expect(progress.find((p) => p.itemId === "key-enterprises")!.done).toBe(0)
    expect(progress.find((p) => p.itemId === "portal-articles")!.done).toBe(0)
  })
})
