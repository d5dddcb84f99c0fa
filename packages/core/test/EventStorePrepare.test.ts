import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as EventStore from "../src/runtime/EventStore.js"

const ok = (streamId: string, expectedVersion: number, commandId: string, events: ReadonlyArray<EventStore.NewEvent>) =>
  Either.getOrThrowWith(
    EventStore.prepareAppend(streamId, expectedVersion, commandId, events),
    (e) => new Error(e.message)
  )

const issuesOf = (streamId: unknown, expectedVersion: unknown, commandId: unknown, events: unknown) => {
  const r = EventStore.prepareAppend(
    streamId as string,
    expectedVersion as number,
    commandId as string,
    events as ReadonlyArray<EventStore.NewEvent>
  )
  if (Either.isRight(r)) throw new Error("expected InvalidInput")
  return r.left.issues.map((i) => i.path)
}

describe("EventStore.prepareAppend", () => {
  it("holds each event's data as canonical JSON text", () => {
    const events = [
      { type: "Added", schemaVersion: 2, data: { z: [1, -0, 1e21], a: "工伤预防", m: { b: null, a: true } } },
      { type: "Noted", schemaVersion: 1, data: "text" }
    ]
    const prepared = ok("流-1", 3, "cmd-1", events)
    // Without a fingerprint of the command, the events' canonical JSON is fingerprinted.
    const { commandHash, ...rest } = prepared
    expect(commandHash).toBe(Either.getOrThrow(EventStore.fingerprint(events)))
    expect(rest).toEqual({
      streamId: "流-1",
      expectedVersion: 3,
      commandId: "cmd-1",
      events: [
        { type: "Added", schemaVersion: 2, dataJson: `{"a":"工伤预防","m":{"a":true,"b":null},"z":[1,0,1e+21]}` },
        { type: "Noted", schemaVersion: 1, dataJson: `"text"` }
      ]
    })
    expect(ok("s", 0, "c", [])).toMatchObject({ streamId: "s", expectedVersion: 0, commandId: "c", events: [] })
    expect(ok("x".repeat(200), 0, "c", []).streamId).toHaveLength(200)
  })

  it("keeps a command fingerprint given by the caller and refuses a malformed one", () => {
    const hash = "0123456789abcdef".repeat(4)
    const given = EventStore.prepareAppend("s", 0, "c", [{ type: "X", schemaVersion: 1, data: 1 }], {
      commandHash: hash
    })
    expect(Either.getOrThrow(given).commandHash).toBe(hash)
    for (const bad of ["ABC", hash.toUpperCase(), hash + "0"]) {
      const r = EventStore.prepareAppend("s", 0, "c", [], { commandHash: bad })
      expect(Either.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual(["commandHash"])
    }
    expect(EventStore.fingerprint({ b: 1, a: [2] })).toEqual(EventStore.fingerprint({ a: [2], b: 1 }))
    expect(Either.isLeft(EventStore.fingerprint({ a: undefined }))).toBe(true)
  })

  it("names every bad field, in the limits the schema sets", () => {
    expect(issuesOf("x".repeat(201), 0, "c", [])).toEqual(["streamId"])
    expect(issuesOf("s\u007f", 0, "c\u001f", [])).toEqual(["streamId", "commandId"])
    expect(issuesOf("s", 2 ** 53, "c", [])).toEqual(["expectedVersion"])
    expect(issuesOf("s", "1", "c", [])).toEqual(["expectedVersion"])
    expect(issuesOf("s", 0, "c", [{ type: "X", schemaVersion: 1.5, data: {} }])).toEqual(["events[0].schemaVersion"])
    expect(issuesOf("s", 0, "c", [{ type: "X", schemaVersion: 1, data: {} }, null])).toEqual(["events[1]"])
    expect(issuesOf("s", 0, "c", [{ type: "X", schemaVersion: 1, data: { at: new Date(0) } }])).toEqual([
      "events[0].data"
    ])
    expect(issuesOf("s", 0, "c", "not a list")).toEqual(["events"])
    const many = Array.from({ length: 10_001 }, () => ({ type: "X", schemaVersion: 1, data: 1 }))
    expect(issuesOf("s", 0, "c", many)).toEqual(["events"])
    expect(ok("s", 0, "c", many.slice(1)).events).toHaveLength(10_000)
  })
})
