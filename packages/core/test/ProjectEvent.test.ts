/**
 * Event schema versions: upcasting an older stored version of one event type,
 * leaving the others alone, refusing versions from the future — directly,
 * through `CommandHandler.decodeEvents`, and through a command handled against
 * a store holding old events. The versions here are a hypothetical version 4
 * after the library's current 3 (the library's own steps from 1 to 2 and to 3
 * are tested in StoredForm.test.ts and StoredRecords.test.ts).
 */
import { describe, expect, it } from "@effect/vitest"
import { CommandHandler, EventStore, IsoDate, Lifecycle, ProjectEvent } from "@gsyf/core"
import { Effect, Either, Schema } from "effect"
import { fullLifecycle, seedConfig } from "./fixtures/seed.js"

type Raw = Record<string, unknown>
const encode = Schema.encodeSync(ProjectEvent.Stored)
const decode = Schema.decodeUnknownEither(ProjectEvent.Stored)

/** Events of the seed up to the budget submission, stored; PlanIssued as a hypothetical v3 without `issuedOn`. */
const history = (() => {
  const handle = Lifecycle.handle(seedConfig())
  let state = Lifecycle.initialState
  const events: Array<ProjectEvent.Event> = []
  for (const raw of fullLifecycle().slice(0, 11)) {
    for (const e of Either.getOrThrow(handle(raw, state))) {
      state = Lifecycle.evolve(state, e)
      events.push(e)
    }
  }
  return events
})()
const encoded = history.map((e) => JSON.parse(JSON.stringify(encode(e))) as Raw)
const withoutIssuedOn = (data: Raw): Raw => {
  if (data._tag !== "PlanIssued") return data
  const { issuedOn: _dropped, ...rest } = data
  return rest
}

/** v3 → v4: PlanIssued gained `issuedOn`, the date of the act in China Standard Time. */
const planIssuedUpcaster: ProjectEvent.Upcaster = {
  type: "PlanIssued",
  fromVersion: 3,
  upcast: (data) => ({ ...data, issuedOn: IsoDate.dateOf(data.at as IsoDate.IsoDateTime) })
}
const codecNext = ProjectEvent.makeCodec({ version: 4, upcasters: [planIssuedUpcaster] })

const stored = (data: Raw, position: number, schemaVersion: number): EventStore.StoredEvent => ({
  streamId: "project-2026",
  position,
  globalPosition: position,
  type: data._tag as string,
  schemaVersion,
  data,
  commandId: data.commandId as string,
  recordedAt: "2026-01-01T00:00:00.000Z",
  prevHash: "",
  hash: ""
})

describe("event versions", () => {
  it("the seed history has the event the upcaster is for", () => {
    expect(history.map((e) => e._tag)).toContain("PlanIssued")
    expect(ProjectEvent.currentVersion).toBe(3)
  })

  it("upcasts an old PlanIssued and decodes it to the event it was", () => {
    const original = history.find((e) => e._tag === "PlanIssued")!
    const v2 = withoutIssuedOn(encoded[history.indexOf(original)]!)
    expect("issuedOn" in v2).toBe(false)
    // without the upcaster the old shape does not decode
    expect(Either.isLeft(decode(v2))).toBe(true)
    const upcast = codecNext.upcast("PlanIssued", 3, v2)
    const decoded = Either.getOrThrow(decode(upcast))
    expect(decoded).toEqual(original)
  })

  it("leaves other event types alone", () => {
    for (const data of encoded.filter((d) => d._tag !== "PlanIssued")) {
      expect(codecNext.upcast(data._tag as string, 3, data)).toBe(data)
    }
    // and a current-version PlanIssued is not touched
    const current = encoded.find((d) => d._tag === "PlanIssued")!
    expect(codecNext.upcast("PlanIssued", 4, current)).toBe(current)
  })

  it("refuses a version from the future or below 1 with UnknownEventVersion", () => {
    const data = encoded[0]!
    for (const version of [5, 0, 1.5]) {
      let thrown: unknown
      try {
        codecNext.upcast("KeyAreasSelected", version, data)
      } catch (e) {
        thrown = e
      }
      expect(thrown).toBeInstanceOf(ProjectEvent.UnknownEventVersion)
      expect(thrown).toMatchObject({
        _tag: "UnknownEventVersion",
        type: "KeyAreasSelected",
        schemaVersion: version,
        known: 4
      })
    }
    expect(() => ProjectEvent.codec.upcast("PlanIssued", 4, data)).toThrow(/unknown schema version 4/)
  })

  it("CommandHandler.decodeEvents upcasts v3 events and refuses v5", () => {
    const mixed = encoded.map((
      d,
      i
    ) => (d._tag === "PlanIssued" ? stored(withoutIssuedOn(d), i + 1, 3) : stored(d, i + 1, i % 2 === 0 ? 3 : 4)))
    const decoded = Either.getOrThrow(CommandHandler.decodeEvents(codecNext, mixed))
    expect(decoded).toEqual(history)
    const future = [...mixed.slice(0, 3), stored(encoded[3]!, 4, 5)]
    const failed = CommandHandler.decodeEvents(codecNext, future)
    expect(Either.isLeft(failed)).toBe(true)
    if (Either.isLeft(failed)) {
      expect(failed.left).toMatchObject({
        _tag: "EventCodecError",
        direction: "decode",
        position: 4,
        type: encoded[3]!._tag
      })
      expect(failed.left.reason).toContain("schema version 5")
    }
    // an upcaster missing for a changed type is a decode error, not a crash
    const noUpcaster = ProjectEvent.makeCodec({ version: 4 })
    const broken = CommandHandler.decodeEvents(noUpcaster, mixed)
    expect(Either.isLeft(broken) && broken.left.type).toBe("PlanIssued")
  })

  it.effect("a command handled against a store of v3 events sees the upcast history and writes v4", () =>
    Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      // the old library wrote the first ten events at version 3, PlanIssued without issuedOn
      const old = encoded.slice(0, 10)
      yield* store.append(
        "project-2026",
        0,
        "migration",
        old.map((d) => ({ type: d._tag as string, schemaVersion: 3, data: withoutIssuedOn(d) }))
      )
      const submit = Either.getOrThrow(Lifecycle.decodeCommandInput(fullLifecycle()[13]!))
      expect(submit._tag).toBe("SubmitBudget")
      const handled = yield* CommandHandler.handle(
        Lifecycle.decider(seedConfig()),
        codecNext,
        "project-2026",
        submit,
        submit.commandId
      )
      expect(handled.events.map((e) => e._tag)).toEqual(["BudgetSubmitted"])
      expect(handled.state.plan?.issuedOn).toBe("2026-02-10")
      expect(Lifecycle.status(handled.state)).toBe("budget-submitted")
      const all = yield* store.readStream("project-2026")
      expect(all.map((s) => s.schemaVersion)).toEqual([...old.map(() => 3), 4])
      // the old codec cannot read the new event
      expect(Either.isLeft(CommandHandler.decodeEvents(ProjectEvent.codec, all))).toBe(true)
    }).pipe(Effect.provide(EventStore.layerMemory())))
})
