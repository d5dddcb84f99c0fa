import { describe, expect, it } from "@effect/vitest"
import { publisher, type Release, type Stage } from "../src/internal/releases/publish.js"
import { emptyState, type Event, ocids } from "../src/internal/releases/state.js"
import { seedParameters } from "./fixtures/lifecycle.js"

const settings = { projectId: "p", ocidPrefix: "ocds-abc123", parameters: seedParameters(), methods: {} }

/** A publisher, and a function publishing a release of the keyAreas process for an event at `at`. */
const setup = () => {
  const out: Array<Release> = []
  const ctx = publisher(settings, ocids(settings), emptyState(), out)
  let n = 0
  const publish = (
    at: string,
    stages: ReadonlyArray<Stage>,
    body: Record<string, any>,
    roles: Array<[string, string]> = []
  ) => {
    const e = { id: `e${++n}`, at } as unknown as Event
    const d = ctx.draft("keyAreas", e)
    const refs = roles.map(([id, role]) => d.ref({ id, name: id.toUpperCase() }, role))
    d.publish(stages, { ...body, ...(refs.length === 0 ? {} : { refs }) })
    return out[out.length - 1]!
  }
  return { publish, out }
}

const contract = (impl: Record<string, unknown> = {}, id = "c1") => ({
  contracts: [{ id, awardID: "a1", implementation: impl }]
})

describe("tags by what a release adds or changes", () => {
  it("a stage's first release, then its updates", () => {
    const { publish } = setup()
    expect(publish("2026-01-01T00:00:00Z", ["planning"], {}).tag).toEqual(["planning"])
    expect(publish("2026-01-02T00:00:00Z", ["planning"], {}).tag).toEqual(["planningUpdate"])
    expect(publish("2026-01-03T00:00:00Z", ["tender"], {}).tag).toEqual(["tender"])
    expect(publish("2026-01-04T00:00:00Z", ["tender", "planning"], {}).tag).toEqual(["tenderUpdate", "planningUpdate"])
  })

  it("a new award or contract is award or contract; a change to a published one is its update", () => {
    const { publish } = setup()
    expect(publish("2026-01-01T00:00:00Z", ["award"], { awards: [{ id: "a1" }] }).tag).toEqual(["award"])
    expect(publish("2026-01-02T00:00:00Z", ["award"], { awards: [{ id: "a1", status: "cancelled" }] }).tag)
      .toEqual(["awardUpdate"])
    // the award to the next-ranked supplier is a new award
    expect(publish("2026-01-03T00:00:00Z", ["award"], { awards: [{ id: "a2" }] }).tag).toEqual(["award"])
    expect(publish("2026-01-04T00:00:00Z", ["contract"], contract()).tag).toEqual(["contract"])
    expect(publish("2026-01-05T00:00:00Z", ["contract"], contract()).tag).toEqual(["contractUpdate"])
    expect(publish("2026-01-06T00:00:00Z", ["contractAmendment"], contract()).tag).toEqual(["contractAmendment"])
  })

  it("implementation when it adds an entry, implementationUpdate when it only changes published ones", () => {
    const { publish } = setup()
    const m = (id: string, status: string) => ({ milestones: [{ id, status }] })
    expect(publish("2026-01-01T00:00:00Z", ["implementation"], contract(m("plan", "met"))).tag).toEqual([
      "implementation"
    ])
    expect(publish("2026-01-02T00:00:00Z", ["implementation"], contract(m("plan", "notMet"))).tag)
      .toEqual(["implementationUpdate"])
    expect(publish("2026-01-03T00:00:00Z", ["implementation"], contract({ transactions: [{ id: "plan" }] })).tag)
      .toEqual(["implementation"])
    // the same milestone id in another contract is another entry
    expect(publish("2026-01-04T00:00:00Z", ["implementation"], contract(m("plan", "met"), "c2")).tag)
      .toEqual(["implementation"])
  })
})

describe("parties and dates", () => {
  it("a party carries every role it has taken in the process so far", () => {
    const { publish } = setup()
    expect(publish("2026-01-01T00:00:00Z", ["award"], {}, [["s", "tenderer"], ["s", "supplier"]]).parties).toEqual([
      { id: "s", name: "S", roles: ["tenderer", "supplier"] }
    ])
    const later = publish("2026-01-02T00:00:00Z", ["implementation"], {}, [["s", "payee"], ["b", "payer"]])
    expect(later.parties).toEqual([
      { id: "s", name: "S", roles: ["tenderer", "supplier", "payee"] },
      { id: "b", name: "B", roles: ["payer"] }
    ])
    expect(later.refs).toEqual([{ id: "s", name: "S" }, { id: "b", name: "B" }])
  })

  it("a release recorded after a later-dated one of its process takes that date", () => {
    const { publish } = setup()
    expect(publish("2026-03-01T02:00:00Z", ["planning"], {}).date).toBe("2026-03-01T10:00:00+08:00")
    expect(publish("2026-02-01T00:00:00Z", ["planning"], {}).date).toBe("2026-03-01T10:00:00+08:00")
    expect(publish("2026-04-01T00:00:00Z", ["planning"], {}).date).toBe("2026-04-01T08:00:00+08:00")
  })
})
