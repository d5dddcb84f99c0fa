import { describe, expect, it } from "@effect/vitest"
import { Money, type ProjectEvent } from "@gsyf/core"
import { Ocds } from "@gsyf/ocds"
import { Either } from "effect"
import * as fc from "fast-check"
import { amountNumber, instant, maxSafeFen } from "../src/internal/format.js"
import { seedEvents, seedParameters } from "./fixtures/lifecycle.js"

describe("amounts at the boundary", () => {
  it("convert exactly from Money for every amount of at most 15 digits (below 10^15 fen)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), (fen) => {
        const m = Money.fromFen(fen)
        const n = amountNumber(m)
        expect(new Money.Decimal(String(n)).eq(m.yuan)).toBe(true)
        expect(Money.toFen(Money.unsafeYuan(String(Math.abs(n)))) * (n < 0 ? -1n : 1n)).toBe(fen)
      }),
      { numRuns: 2000 }
    )
  })

  it("between 10^15 and 2^53 fen give the exact number or refuse, never a rounded one", () => {
    // 2^53 fen is not enough: a double near 7e13 yuan is spaced 1/64 yuan apart, so not every fen has its own number
    expect(() => amountNumber(Money.fromFen(7248291605808735n))).toThrow()
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 15n, max: maxSafeFen }), (fen) => {
        const m = Money.fromFen(fen)
        let n: number | undefined
        try {
          n = amountNumber(m)
        } catch {
          n = undefined
        }
        if (n !== undefined) expect(new Money.Decimal(String(n)).eq(m.yuan)).toBe(true)
      }),
      { numRuns: 2000 }
    )
  })

  it("refuse 2^53 fen and more with UnsafeAmount", () => {
    const { events } = seedEvents()
    const huge = Money.fromFen(maxSafeFen + 1n)
    const altered = events.map((
      e
    ) => (e._tag === "BudgetSubmitted" ? ({ ...e, total: huge } as ProjectEvent.Event) : e))
    const result = Ocds.releases(altered, { projectId: "p1", parameters: seedParameters() })
    expect(Either.isLeft(result) && result.left._tag).toBe("UnsafeAmount")
    expect(Either.isLeft(result) && result.left.message).toContain(huge.toString())
  })

  it("accept events in their encoded JSON form and give the same releases", () => {
    const { events } = seedEvents()
    const options = { projectId: "p1", parameters: seedParameters() }
    const fromJson = Ocds.releases(JSON.parse(JSON.stringify(events)), options)
    expect(fromJson).toEqual(Ocds.releases(events, options))
    const broken = Ocds.releases([{ _tag: "PaymentMade", id: "x" }], options)
    expect(Either.isLeft(broken) && broken.left._tag).toBe("InvalidInput")
  })
})

describe("dates at the boundary", () => {
  it("write instants as RFC 3339 in +08:00", () => {
    expect(instant("2026-03-01T18:00:00Z")).toBe("2026-03-02T02:00:00+08:00")
    expect(instant("2026-03-02T09:30:00+08:00")).toBe("2026-03-02T09:30:00+08:00")
    expect(instant("2026-12-31T16:00:00.250Z")).toBe("2027-01-01T00:00:00.250+08:00")
    expect(instant("2026-03-02T09:30:00+09:00")).toBe("2026-03-02T08:30:00+08:00")
  })
})

const r = (ocid: string, id: string, date: string, body: Record<string, unknown>) => ({
  ocid,
  id,
  date,
  tag: ["tender"],
  initiationType: "tender",
  ...body
})

describe("the merge routine", () => {
  it("applies releases in date order: latest value wins, arrays with ids merge by id, others are replaced, null removes", () => {
    const compiled = Either.getOrThrow(
      Ocds.compile([
        r("ocds-x-1", "b", "2026-02-01T00:00:00+08:00", {
          tender: {
            id: "t",
            status: "complete",
            milestones: [{ id: "m2", status: "met" }, { id: "m1", dueDate: "2026-03-01T00:00:00+08:00" }]
          },
          language: null,
          submissionMethod: ["electronicSubmission"]
        }),
        r("ocds-x-1", "a", "2026-01-01T00:00:00+08:00", {
          language: "zh",
          tender: {
            id: "t",
            title: "T",
            status: "active",
            milestones: [{ id: "m1", title: "one", status: "scheduled" }]
          },
          submissionMethod: ["written", "inPerson"]
        }),
        r("ocds-x-2", "c", "2026-01-05T00:00:00+08:00", { tender: { id: "u" } })
      ])
    ) as ReadonlyArray<any>
    expect(compiled.map((c) => c.ocid)).toEqual(["ocds-x-1", "ocds-x-2"])
    const [one] = compiled
    expect(one.tag).toEqual(["compiled"])
    expect(one.date).toBe("2026-02-01T00:00:00+08:00")
    expect(one.id).toBe("ocds-x-1-2026-02-01T00:00:00+08:00")
    expect(one.tender.title).toBe("T")
    expect(one.tender.status).toBe("complete")
    expect(one.tender.milestones).toEqual([
      { id: "m1", title: "one", status: "scheduled", dueDate: "2026-03-01T00:00:00+08:00" },
      { id: "m2", status: "met" }
    ])
    expect(one.submissionMethod).toEqual(["electronicSubmission"])
    expect("language" in one).toBe(false)
  })

  it("keeps a field named __proto__ as data: no prototype changes, reported as undeclared", () => {
    const text = (date: string, value: number) =>
      `{"ocid":"ocds-abc123-1","id":"${date}","date":"${date}","tag":["tender"],"initiationType":"tender",` +
      `"tender":{"id":"t","__proto__":{"polluted":${value}}}}`
    const releases = [JSON.parse(text("2026-01-01T00:00:00Z", 1)), JSON.parse(text("2026-01-02T00:00:00Z", 2))]
    const [compiled] = Either.getOrThrow(Ocds.compile(releases)) as ReadonlyArray<any>
    expect(Object.getPrototypeOf(compiled.tender)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(compiled.tender, "__proto__")?.value).toEqual({ polluted: 2 })
    expect(({} as any).polluted).toBeUndefined()
    const pkg = Either.getOrThrow(
      Ocds.releasePackage(releases, {
        uri: "https://x.org/p",
        publishedDate: "2026-01-03T00:00:00Z",
        publisher: { name: "p" }
      })
    )
    const issues = Either.getOrThrow(Ocds.validate(pkg)).issues
    expect(issues.some((i) => i.check === "undeclared-field" && i.path === "/tender/__proto__")).toBe(true)
  })

  it("rejects input that is not releases", () => {
    const bad = Ocds.compile([{ ocid: "x", id: "y", tag: ["tender"], initiationType: "tender" }])
    expect(Either.isLeft(bad) && bad.left.issues[0]!.path).toBe("[0].date")
  })
})
