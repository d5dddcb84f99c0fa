import { describe, expect, it } from "@effect/vitest"
import { Ocds } from "@gsyf/ocds"
import { Either } from "effect"
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { releaseSchema } from "../src/internal/embedded.js"
import { compile, mergeRules } from "../src/internal/merge.js"
import { full } from "../src/internal/profile.js"

const dir = (p: string) => fileURLToPath(new URL(`./fixtures/merging/${p}`, import.meta.url))
const read = (p: string): any => JSON.parse(readFileSync(dir(p), "utf8"))
const core = mergeRules(releaseSchema)

describe("merge rules read from the OCDS 1.1 release schema", () => {
  it("discard id, date and tag; replace wholeListMerge arrays and arrays of non-objects whole", () => {
    expect(core.get("id")).toBe("omitWhenMerged")
    expect(core.get("date")).toBe("omitWhenMerged")
    expect(core.get("tag")).toBe("omitWhenMerged")
    expect(core.get("awards/items/additionalClassifications")).toBe("wholeListMerge")
    expect(core.get("parties/additionalIdentifiers")).toBe("wholeListMerge")
    expect(core.get("parties/roles")).toBe("wholeListMerge")
    expect(core.get("tender/submissionMethod")).toBe("wholeListMerge")
    // arrays of objects with an id merge by id: no rule
    expect(core.has("awards")).toBe(false)
    expect(core.has("contracts/implementation/transactions")).toBe(false)
  })

  it("include the extensions' fields: industries of a key area are replaced whole", () => {
    const withExtensions = full().rules
    expect(withExtensions.get("planning/keyAreas/classifications")).toBe("wholeListMerge")
    expect(withExtensions.get("contracts/implementation/rectifications/order")).toBe("wholeListMerge")
    expect(withExtensions.has("planning/budget/budgetBreakdown")).toBe(false)
  })
})

describe("the worked example and the deletion examples of the OCDS 1.1 documentation", () => {
  const releasesOf = (...files: ReadonlyArray<string>) => files.flatMap((f) => read(`standard/${f}.json`).releases)
  const expected = (f: string) => read(`standard/${f}.json`).records[0].compiledRelease

  it.each(
    [
      [
        "updates",
        ["updates/tender1", "updates/tender2", "updates/tender3", "updates/award1", "updates/award2"],
        "updates/merged"
      ],
      ["a field set to null", ["deletions/field_tender", "deletions/field_tenderUpdate"], "deletions/field_record"],
      [
        "an object's fields set to null",
        ["deletions/object_tender", "deletions/object_tenderAmendment"],
        "deletions/object_record"
      ],
      [
        "an array item's fields set to null",
        ["deletions/array_award", "deletions/array_awardAmendment"],
        "deletions/array_record"
      ]
    ] as const
  )("%s", (_, inputs, output) => {
    expect(compile(core, releasesOf(...inputs))).toEqual(expected(output))
    // the order of the input does not matter: releases are merged in date order
    expect(compile(core, releasesOf(...inputs).reverse())).toEqual(expected(output))
  })
})

describe("the test cases of the reference implementation (ocds-merge)", () => {
  const cases = (folder: string) =>
    readdirSync(dir(`ocds-merge/${folder}`))
      .filter((f) => f.endsWith("-compiled.json"))
      .map((f) => f.slice(0, -"-compiled.json".length))
  const fixtureRules = mergeRules(read("ocds-merge/schema.json"))

  it.each(cases("1.1"))("1.1/%s", (name) => {
    expect(compile(core, read(`ocds-merge/1.1/${name}.json`))).toEqual(read(`ocds-merge/1.1/${name}-compiled.json`))
  })

  it.each(cases("schema"))("schema/%s", (name) => {
    expect(compile(fixtureRules, read(`ocds-merge/schema/${name}.json`))).toEqual(
      read(`ocds-merge/schema/${name}-compiled.json`)
    )
  })

  it("cover every kind of case the reference implementation lists", () => {
    expect(cases("1.1")).toHaveLength(17)
    expect(cases("schema")).toHaveLength(13)
  })
})

describe("where the routine's text and the reference implementation differ", () => {
  it("a whole object set to null is removed, as the routine says", () => {
    const r = (id: string, date: string, body: Record<string, unknown>) => ({ ocid: "ocds-x", id, date, ...body })
    const compiled = compile(core, [
      r("1", "2024-01-01T00:00:00Z", { tender: { id: "A", title: "T" } }),
      r("2", "2024-01-02T00:00:00Z", { tender: null })
    ])
    expect(compiled).toEqual({
      ocid: "ocds-x",
      id: "ocds-x-2024-01-02T00:00:00Z",
      date: "2024-01-02T00:00:00Z",
      tag: ["compiled"]
    })
  })
})

describe("Ocds.compile", () => {
  it("replaces a wholeListMerge array: [A, B] then [C] gives [C]", () => {
    const item = (classes: ReadonlyArray<string>) => ({
      id: "i1",
      additionalClassifications: classes.map((id) => ({ scheme: "CPV", id }))
    })
    const release = (id: string, date: string, classes: ReadonlyArray<string>) => ({
      ocid: "ocds-abc123-1",
      id,
      date,
      tag: ["tender"],
      initiationType: "tender",
      tender: { id: "t", items: [item(classes)] }
    })
    const [compiled] = Either.getOrThrow(
      Ocds.compile([
        release("1", "2026-01-01T00:00:00+08:00", ["A", "B"]),
        release("2", "2026-01-02T00:00:00+08:00", ["C"])
      ])
    ) as ReadonlyArray<any>
    expect(compiled.tender.items[0].additionalClassifications).toEqual([{ scheme: "CPV", id: "C" }])
    expect(compiled.tag).toEqual(["compiled"])
    expect(compiled.date).toBe("2026-01-02T00:00:00+08:00")
    expect(compiled.id).toBe("ocds-abc123-1-2026-01-02T00:00:00+08:00")
  })
})
