// The decider specification on a small decider of its own: whole events compared field by field, rejections by
// kind and rule ids, and a decider that changes its state while rejecting is caught.
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { DeciderSpecification } from "../src/index.js"

type Command = { readonly _tag: "Add"; readonly amount: number }
type Event = { readonly _tag: "Added"; readonly amount: number; readonly total: number }
type State = { total: number; readonly seen: Set<number> }
type Rejection = { readonly _tag: "TooMuch"; readonly ruleIds: ReadonlyArray<string> }

const decider = (leaky: boolean) => ({
  initialState: { total: 0, seen: new Set<number>() } as State,
  decide: (c: Command, s: State): Either.Either<ReadonlyArray<Event>, Rejection> => {
    if (s.total + c.amount > 10) {
      if (leaky) s.seen.add(c.amount) // a decider that is not pure
      return Either.left({ _tag: "TooMuch", ruleIds: ["total.at-most-ten"] })
    }
    return Either.right([{ _tag: "Added", amount: c.amount, total: s.total + c.amount }])
  },
  evolve: (s: State, e: Event): State => ({ total: e.total, seen: new Set([...s.seen, e.amount]) })
})
const spec = DeciderSpecification.make(decider(false), { ruleIdsOf: (r) => r.ruleIds })
const added = (amount: number, total: number): Event => ({ _tag: "Added", amount, total })

describe("DeciderSpecification", () => {
  it("given events, when a command, then the whole events", () => {
    spec.given([added(4, 4)]).when({ _tag: "Add", amount: 3 }).then([added(3, 7)])
    // a field that differs fails, not only a tag
    expect(() => spec.given([added(4, 4)]).when({ _tag: "Add", amount: 3 }).then([added(3, 8)])).toThrow()
    expect(spec.given([added(4, 4)]).when({ _tag: "Add", amount: 3 }).stateAfter().total).toBe(7)
  })

  it("a rejection by kind and rule ids, which changes nothing", () => {
    const r = spec.given([added(9, 9)]).when({ _tag: "Add", amount: 2 }).thenRejected({
      _tag: "TooMuch",
      ruleIds: ["total.at-most-ten"],
      exactly: true
    })
    expect(r.ruleIds).toEqual(["total.at-most-ten"])
    expect(() => spec.given([added(9, 9)]).when({ _tag: "Add", amount: 2 }).thenRejected({ ruleIds: ["other"] }))
      .toThrow()
    // the command was accepted, so a rejection is not what happened
    expect(() => spec.given([]).when({ _tag: "Add", amount: 2 }).thenRejected({ _tag: "TooMuch" })).toThrow(
      /expected a rejection/
    )
  })

  it("catches a decider whose rejection changes the state it was given", () => {
    const leaky = DeciderSpecification.make(decider(true), { ruleIdsOf: (r) => r.ruleIds })
    expect(() => leaky.given([added(9, 9)]).when({ _tag: "Add", amount: 5 }).thenRejected({ _tag: "TooMuch" }))
      .toThrow(/the state a rejected command was decided on/)
  })

  it("writes a short history as commands", () => {
    const events = spec.eventsOf([{ _tag: "Add", amount: 1 }, { _tag: "Add", amount: 2 }])
    expect(events).toEqual([added(1, 1), added(2, 3)])
    expect(() => spec.eventsOf([{ _tag: "Add", amount: 11 }])).toThrow(/rejected/)
  })

  it("snapshots maps, sets and values with toJSON structurally", () => {
    expect(DeciderSpecification.snapshot({ b: new Set([1]), a: new Map([["k", 2n]]) })).toEqual({
      a: [["k", "2n"]],
      b: [1]
    })
  })
})
