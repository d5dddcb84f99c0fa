// The quota-progress read model (version 3) keeps each piece of evidence as a row of its own: its documents, as
// readers get them, equal a recount of the events at every event (through corrections), documents written by
// versions 1 and 2 (the list in the document, without or with counters) go on from where they are, and a
// deliverable at 10,000 events loads and writes its document and its one row, never the evidence list.
import { describe, expect, it } from "@effect/vitest"
import {
  Deliverable,
  EventStore,
  IsoDate,
  Lifecycle,
  Parameter,
  ProjectEvent,
  Projection,
  Quota,
  ReadModels
} from "@gsyf/core"
import { Chunk, Effect, Option, Schema } from "effect"
import { seedWithCorrections } from "./fixtures/gwt.js"
import { contracting, delivery, planningToAward, runCommands } from "./fixtures/seed.js"

type Config = ReturnType<typeof runCommands>["config"]
type Doc = ReadModels.QuotaDoc

const encodeEvent = Schema.encodeSync(ProjectEvent.Event)
const encodeEvidence = Schema.encodeSync(Deliverable.Evidence)
const subs = ["hazchem", "keyAreas"] as const

const stored = (e: ProjectEvent.Event, position: number): EventStore.StoredEvent => ({
  streamId: "p",
  position,
  globalPosition: position,
  type: e._tag,
  schemaVersion: ProjectEvent.currentVersion,
  data: encodeEvent(e),
  commandId: e.commandId,
  recordedAt: e.at,
  prevHash: "",
  hash: ""
})

/** A store's documents in memory (place and key → entry), with what `Projection.run` loads from it. */
const memory = () => {
  const docs = new Map<string, Projection.ReadModelEntry>()
  const id = (projection: string, key: string) => `${projection}\u0000${key}`
  const loaded: Array<string> = []
  return {
    docs,
    loaded,
    load: (projection: string, key: string) =>
      Effect.sync(() => {
        loaded.push(id(projection, key))
        const e = docs.get(id(projection, key))
        return e === undefined ? undefined : JSON.stringify(e.doc)
      }),
    apply: (changes: ReadonlyArray<Projection.ReadModelChange>) => {
      for (const c of changes) {
        if (c.doc === null) docs.delete(id(c.projection, c.key))
        else docs.set(id(c.projection, c.key), { ...c, doc: JSON.parse(c.doc) })
      }
    },
    /** The document as a store's `readModel` gives it. */
    read: (projection: Projection.Any, key: string): Doc | undefined => {
      const head = docs.get(id(projection.name, key))
      if (head === undefined) return undefined
      const place = Projection.rowsOf(projection.name, key)
      const rows = [...docs.entries()].filter(([k]) => k.startsWith(`${place}\u0000`)).map(([, e]) => e)
      return Projection.assemble(projection, head, rows).doc as Doc
    }
  }
}

const project = (projection: Projection.Any, events: ReadonlyArray<EventStore.StoredEvent>, m = memory()) => {
  m.apply(Effect.runSync(Projection.run([projection], events, m.load)))
  return m
}

const withCorrections = () => {
  const { base, corrections } = seedWithCorrections()
  return { base: base.length, run: runCommands([...base, ...corrections]) }
}

/** The evidence in force of a sub-project of a state, as the read model lists it. */
const evidenceIn = (s: Lifecycle.State, sub: Lifecycle.SubProjectKey) =>
  Chunk.toReadonlyArray(s.subProjects[sub].evidence).map((x) => ({
    eventId: x.eventId,
    evidence: encodeEvidence(x.evidence)
  }))

/** The items counted over the evidence in force (no counters). */
const countedItems = (config: Config, s: Lifecycle.State, doc: Doc) => {
  const at = IsoDate.unsafeFromString(doc.asOf)
  const ctx: Quota.Context = { read: (name) => Parameter.resolve(config.parameters, name, at)?.value }
  const sub = doc.subProject as Lifecycle.SubProjectKey
  return Quota.progress(config.quotaItems.filter((i) => i.subProject === sub), Lifecycle.evidenceOf(s, sub), ctx)
    .map((p) => ({ itemId: p.itemId, title: p.title.zh, unit: p.unit, required: p.required, done: p.done, met: p.met }))
}

describe("the quota-progress read model, version 3", () => {
  it(
    "equals a recount of the events at every event of the lifecycle, through corrections",
    () =>
      Effect.gen(function*() {
        const { run } = withCorrections()
        const { config, events } = run
        const quota = ReadModels.quotaProgress(config)
        const store = yield* EventStore.makeMemory({ projections: [quota] })
        let s = Lifecycle.initialState
        let compared = 0
        for (const [i, e] of events.entries()) {
          yield* store.append("p", i, e.commandId, [{
            type: e._tag,
            schemaVersion: ProjectEvent.currentVersion,
            data: encodeEvent(e)
          }])
          s = Lifecycle.evolve(s, e)
          if (e._tag !== "DeliverableRecorded" && e._tag !== "DeliverableCorrected" && e._tag !== "ContractSigned") {
            continue
          }
          // every event from the start, in one run (at every fifth event: the whole of it grows with the square)
          const recount = i % 5 === 0 || i === events.length - 1
            ? project(quota, events.slice(0, i + 1).map((x, k) => stored(x, k + 1)))
            : undefined
          for (const sub of subs) {
            const doc = Option.getOrUndefined(yield* store.readModel(quota.name, `p/${sub}`))?.doc as Doc | undefined
            if (recount !== undefined) expect(doc).toEqual(recount.read(quota, `p/${sub}`))
            if (doc === undefined) continue
            // the evidence the fold keeps, and the items counted over it
            expect(doc.evidence).toEqual(evidenceIn(s, sub))
            expect(doc.items).toEqual(countedItems(config, s, doc))
            compared++
          }
        }
        expect(compared).toBeGreaterThan(200)
        // the documents as stored hold no list: every piece of evidence is a row of its own
        const heads = yield* store.listReadModel(quota.name)
        expect(heads.map((h) => h.key)).toEqual(["p/hazchem", "p/keyAreas"])
        const final = project(quota, events.map((x, k) => stored(x, k + 1)))
        for (const sub of subs) {
          expect([...final.docs.values()].find((d) => d.key === `p/${sub}`)?.doc).not.toHaveProperty("evidence")
        }
      }).pipe(Effect.runPromise),
    120_000
  )

  it("a sub-project with a plugin's item that counts over the list keeps the list in its document", () => {
    const { config, events } = withCorrections().run
    // the same items as new objects: every one counts over the list
    const listed: Config = { ...config, quotaItems: config.quotaItems.map((i) => ({ ...i })) }
    const rows = project(ReadModels.quotaProgress(config), events.map((x, k) => stored(x, k + 1)))
    const inline = project(ReadModels.quotaProgress(listed), events.map((x, k) => stored(x, k + 1)))
    const quota = ReadModels.quotaProgress(config)
    for (const sub of subs) {
      const head = [...inline.docs.values()].find((d) => d.key === `p/${sub}`)!.doc as Doc
      expect(head.evidence).toEqual(rows.read(quota, `p/${sub}`)!.evidence)
      expect(inline.read(quota, `p/${sub}`)).toEqual(rows.read(quota, `p/${sub}`))
    }
    expect([...inline.docs.keys()].every((k) => !k.includes(Projection.rowSeparator))).toBe(true)
  })

  // Versions 1 and 2 kept the list in the document (version 1 without counters). A document of theirs that a store
  // did not rebuild goes on: its list stays, later evidence goes to rows, and corrections withdraw from either.
  it.each([
    ["version 2 (list and counters)", (d: Doc) => d],
    ["version 1 (list only)", ({ counters: _, ...d }: Doc) => d]
  ])("a document written by %s goes on to the documents a rebuild gives", (_name, old) => {
    const { base, run } = withCorrections()
    const { config, events } = run
    const quota = ReadModels.quotaProgress(config)
    const all = events.map((x, k) => stored(x, k + 1))
    const fresh = project(quota, all)
    // upgraded in the middle of the deliverables, and just before the corrections
    for (const cut of [Math.floor(base * 0.8), base]) {
      const before = project(quota, all.slice(0, cut))
      const legacy = memory()
      for (const sub of subs) {
        const doc = before.read(quota, `p/${sub}`)
        if (doc === undefined) continue
        legacy.docs.set(`${quota.name}\u0000p/${sub}`, {
          projection: quota.name,
          key: `p/${sub}`,
          doc: old(doc),
          position: cut
        })
      }
      for (let from = cut; from < all.length; from += 7) project(quota, all.slice(from, from + 7), legacy)
      for (const sub of subs) expect(legacy.read(quota, `p/${sub}`)).toEqual(fresh.read(quota, `p/${sub}`))
    }
  })

  it("a deliverable at 10,000 events loads and writes its document and its own row only", { timeout: 120_000 }, () => {
    const { config, events } = runCommands([
      ...planningToAward(),
      ...contracting(),
      ...delivery({ portalArticles: 18 })
    ])
    const quota = ReadModels.quotaProgress(config)
    const models = events.filter((e) => e._tag === "DeliverableRecorded")
    // the decided deliverables again with fresh ids, up to 10,000 events
    const all = [...events]
    for (let i = 0; all.length < 10_001; i++) {
      const model = models[i % models.length]!
      all.push({ ...model, id: `bulk-${i}/0`, commandId: `bulk-${i}` } as ProjectEvent.Event)
    }
    const m = memory()
    const size = (sub: string) => JSON.stringify(m.docs.get(`${quota.name}\u0000p/${sub}`)!.doc).length
    project(quota, all.slice(0, 1000).map((x, k) => stored(x, k + 1)), m)
    const small = { hazchem: size("hazchem"), keyAreas: size("keyAreas") }
    for (let from = 1000; from < 10_000; from += 1000) {
      project(quota, all.slice(from, from + 1000).map((x, k) => stored(x, from + k + 1)), m)
    }
    const last = all[10_000]!
    const sub = (last as Extract<ProjectEvent.Event, { _tag: "DeliverableRecorded" }>).subProject
    m.loaded.length = 0
    const changes = Effect.runSync(Projection.run([quota], [stored(last, 10_001)], m.load))
    const place = Projection.rowsOf(quota.name, `p/${sub}`)
    expect(m.loaded).toEqual([`${quota.name}\u0000p/${sub}`, `${place}\u0000${last.id}`])
    expect(changes.map((c) => [c.projection, c.key])).toEqual([[quota.name, `p/${sub}`], [place, last.id]])
    const head = JSON.parse(changes[0]!.doc!) as Doc
    expect(head).not.toHaveProperty("evidence")
    // the document is as small as at 1,000 events (its counters hold the same kinds of evidence)
    expect(changes[0]!.doc!.length).toBeLessThanOrEqual(small[sub] + 200)
    m.apply(changes)
    const read = m.read(quota, `p/${sub}`)!
    expect(read.evidence.length).toBe(
      all.filter((e) => e._tag === "DeliverableRecorded" && e.subProject === sub).length
    )
    expect(read.evidence[read.evidence.length - 1]!.eventId).toBe(last.id)
  })
})
