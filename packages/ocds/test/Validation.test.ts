import { describe, expect, it } from "@effect/vitest"
import { Ocds } from "@gsyf/ocds"
import { Either } from "effect"
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import * as embedded from "../src/internal/embedded.js"
import { seedEvents, seedParameters } from "./fixtures/lifecycle.js"

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url))
const text = (p: string) => readFileSync(root(p), "utf8")
const json = (p: string) => JSON.parse(text(p))
const csvs = (dir: string) =>
  Object.fromEntries(readdirSync(root(dir)).filter((f) => f.endsWith(".csv")).map((f) => [f, text(`${dir}/${f}`)]))

const exported = Either.getOrThrowWith(
  Ocds.fromStream(seedEvents().events, {
    projectId: "sample-2026",
    parameters: seedParameters(),
    ocidPrefix: "ocds-abc123",
    uri: "https://data.example.gov.cn/ocds/sample-2026.json",
    publishedDate: "2026-12-01T09:00:00+08:00",
    publisher: { name: "示例市社会保险事业服务中心" }
  }),
  (e) => new Error(e.message)
)
const ocid = Ocds.ocids("sample-2026", "ocds-abc123")

const report = (input: unknown, options?: unknown) =>
  Either.getOrThrowWith(Ocds.validate(input, options), (e) => new Error(e.message))
const errors = (input: unknown, options?: unknown) =>
  report(input, options).issues.filter((i) => i.severity === "error").map((i) => `${i.check} ${i.document} ${i.path}`)

/** A copy of the export with `f` applied to its release package (compiled releases recomputed unless `keep`). */
const altered = (f: (pkg: any) => void, keep = false): unknown => {
  const copy = structuredClone(exported) as any
  f(copy.releasePackage)
  return keep ? copy : copy.releasePackage
}
const releaseOf = (pkg: any, o: string, test: (r: any) => boolean) =>
  pkg.releases.find((r: any) => r.ocid === o && test(r))

describe("the files embedded for offline validation", () => {
  it("are the official files of schema/ and the extension of extension/", () => {
    expect(embedded.releaseSchema).toEqual(json("schema/release-schema.json"))
    expect(embedded.releasePackageSchema).toEqual(json("schema/release-package-schema.json"))
    expect(embedded.codelists).toEqual(csvs("schema/codelists"))
    expect(embedded.budgetBreakdown.metadata).toEqual(json("schema/budget-breakdown/extension.json"))
    expect(embedded.budgetBreakdown.releaseSchema).toEqual(json("schema/budget-breakdown/release-schema.json"))
    expect(embedded.budgetBreakdown.codelists).toEqual(csvs("schema/budget-breakdown/codelists"))
    expect(embedded.metaschemas.extension).toEqual(json("schema/metaschema/extension-schema.json"))
    expect(embedded.metaschemas.codelist).toEqual(json("schema/metaschema/codelist-schema.json"))
    expect(embedded.gsyf.metadata).toEqual(json("extension/extension.json"))
    expect(embedded.gsyf.releaseSchema).toEqual(json("extension/release-schema.json"))
    expect(embedded.gsyf.codelists).toEqual(csvs("extension/codelists"))
    expect(embedded.gsyf.readme).toBe(text("extension/README.md"))
    expect(embedded.packageVersion).toBe(json("package.json").version)
  })
})

describe("the gsyf extension", () => {
  const files = (): Record<string, string> => ({
    "extension.json": text("extension/extension.json"),
    "release-schema.json": text("extension/release-schema.json"),
    ...Object.fromEntries(Object.entries(csvs("extension/codelists")).map(([f, t]) => [`codelists/${f}`, t])),
    "README.md": text("extension/README.md")
  })
  const found = (fs: Record<string, string>) =>
    Either.getOrThrow(Ocds.validateExtension(fs)).issues.map((i) => `${i.path}: ${i.en}`)

  it("follows the extension rules: metaschema, codelists, documented and strict fields, README", () => {
    expect(found(files())).toEqual([])
    const metadata = json("extension/extension.json")
    expect(Object.keys(metadata.name)).toEqual(["en"])
    expect(metadata.codelists).toEqual(["costCategory.csv", "rectificationStatus.csv"])
  })

  it("as a publisher serves it, with its own contact point, is as valid", () => {
    const served = Either.getOrThrow(
      Ocds.extensionFiles({
        contactPoint: { name: "示例市社会保险事业服务中心", email: "ocds@example.gov.cn" },
        documentationUrl: "https://data.example.gov.cn/ocds/extension/README.md"
      })
    )
    expect(found({ ...served })).toEqual([])
    expect(JSON.parse(served["extension.json"]!).contactPoint.email).toBe("ocds@example.gov.cn")
    expect(Object.keys(served).sort()).toEqual(Object.keys(files()).sort())
    expect(Either.isLeft(Ocds.extensionFiles({ contactPoint: { name: "x", email: "not an address" } }))).toBe(true)
  })

  it("fails the metaschema with Chinese metadata, or without a contact point", () => {
    const metadata = json("extension/extension.json")
    const { contactPoint: _, ...noContact } = metadata
    const zh = { ...metadata, name: { en: metadata.name.en, zh: "工伤预防" } }
    expect(found({ ...files(), "extension.json": JSON.stringify(noContact) }).join()).toContain("contactPoint")
    expect(found({ ...files(), "extension.json": JSON.stringify(zh) }).join()).toContain("/extension.json/name")
  })

  it("fails without its codelists, with an undocumented field or a closed codelist that does not match", () => {
    const noCodelist = files()
    delete noCodelist["codelists/costCategory.csv"]
    expect(found(noCodelist).join("\n")).toContain("costCategory.csv")
    const patch = json("extension/release-schema.json")
    patch.definitions.QuotaResult.properties.extra = { type: "string" }
    patch.definitions.Rectification.properties.status.enum = ["ordered", null]
    const messages = found({ ...files(), "release-schema.json": JSON.stringify(patch) }).join("\n")
    expect(messages).toContain("QuotaResult/properties/extra: the new field has no title")
    expect(messages).toContain("missing the strict validation property minLength 1")
    expect(messages).toContain("Rectification/properties/status: the enum of a closed codelist")
  })
})

describe("a release package with its compiled releases", () => {
  it("validates with no error: no undeclared field, English companions declared, every reference with its role", () => {
    const r = report(exported)
    expect(r.issues).toEqual([])
    expect(r.valid).toBe(true)
    expect(r.releases).toBeGreaterThan(140)
    expect(r.compiledReleases).toBe(3)
  })

  it("validates from its own JSON text too", () => {
    expect(report(JSON.parse(JSON.stringify(exported))).issues).toEqual([])
  })
})

describe("validation is real", () => {
  it("the package schema: a package without a publisher", () => {
    expect(errors(altered((p) => delete p.publisher))).toContain("json-schema package ")
  })

  it("the release schema: a string amount, an unknown procurement method", () => {
    const bad = altered((p) => {
      releaseOf(p, ocid.keyAreas, (r) => r.awards).awards[0].value.amount = "2180000.00"
      releaseOf(p, ocid.keyAreas, (r) => r.tender?.procurementMethod).tender.procurementMethod =
        "competitive-consultation"
    })
    const found = errors(bad)
    expect(found.some((e) => e.startsWith("json-schema release /awards/0/value/amount"))).toBe(true)
    expect(found.some((e) => e.startsWith("json-schema release /tender/procurementMethod"))).toBe(true)
  })

  it("the gsyf extension's schema applies only when the package lists it", () => {
    const wrongType = altered((p) => {
      p.releases.find((r: any) => r.planning?.keyAreas).planning.keyAreas[0].classifications = "C"
    })
    expect(errors(wrongType)).toContain("json-schema release /planning/keyAreas/0/classifications")
    const unlisted = altered((p) => (p.extensions = [Ocds.extensionUrls.budgetBreakdown]))
    expect(errors(unlisted)).toContain("undeclared-field release /planning/keyAreas")
    // a host's own URL for the extension, given to the validation, names it
    const hosted = altered((
      p
    ) => (p.extensions = [Ocds.extensionUrls.budgetBreakdown, "https://data.example.gov.cn/x/extension.json"]))
    expect(errors(hosted)).toContain("undeclared-field release /planning/keyAreas")
    expect(errors(hosted, { extensionUrls: { gsyf: "https://data.example.gov.cn/x/extension.json" } })).toEqual([])
  })

  it("undeclared fields: an English companion without the language suffix", () => {
    const bad = altered((p) => {
      const r = p.releases.find((x: any) => x.contracts?.[0]?.implementation?.quotaResults)
      r.contracts[0].implementation.quotaResults[0].titleEn = "People trained"
    })
    expect(
      errors(bad).some((e) =>
        /^undeclared-field release \/contracts\/0\/implementation\/quotaResults\/0\/titleEn/.test(e)
      )
    )
      .toBe(true)
  })

  it("the Budget Breakdown extension: a source party without the sourceParty role, a breakdown that does not add up", () => {
    const noRole = altered((p) => {
      const r = releaseOf(p, ocid.hazchem, (x) => x.planning?.budget?.budgetBreakdown)
      r.parties[0].roles = ["funder"]
    })
    expect(errors(noRole)).toContain("party-reference release /planning/budget/budgetBreakdown/0/sourceParty/id")
    const sum = altered((p) => {
      const r = releaseOf(p, ocid.hazchem, (x) => x.planning?.budget?.budgetBreakdown)
      r.planning.budget.budgetBreakdown.push({
        id: "2",
        description: "专家劳务费",
        amount: { amount: 24000, currency: "CNY" }
      })
    })
    expect(errors(sum)).toContain("budget-breakdown release /planning/budget/budgetBreakdown")
  })

  it("party references: a payee missing from the release's parties", () => {
    const bad = altered((p) => {
      const r = p.releases.find((x: any) => x.contracts?.[0]?.implementation?.transactions)
      r.parties = r.parties.filter((x: any) => !x.roles.includes("payee"))
    })
    expect(
      errors(bad).some((e) => e.startsWith("party-reference release /contracts/0/implementation/transactions/0/payee"))
    ).toBe(true)
  })

  it("date order and tag order", () => {
    const unordered = altered((p) => p.releases.reverse())
    expect(errors(unordered)).toContain("date-order release /date")
    const early = altered((p) => {
      const first = p.releases.findIndex((r: any) => r.ocid === ocid.keyAreas && r.tag.includes("implementation"))
      p.releases[first].tag = ["implementationUpdate"]
    })
    expect(errors(early)).toContain("tag-order release /tag/0")
  })

  it("compiled releases: one per process, tagged compiled, dated as the latest release, equal to the merge", () => {
    const wrong = altered((p) => p, true) as any
    wrong.compiled[2].tender.status = "active"
    wrong.compiled[1].date = wrong.compiled[0].date
    wrong.compiled.pop()
    const found = errors(wrong)
    expect(found).toContain("compiled-release compiled /date")
    expect(found).toContain("compiled-release compiled ")
    const merged = altered((p) => p, true) as any
    merged.compiled[2].contracts[0].implementation.milestones.pop()
    expect(errors(merged)).toContain("compiled-release compiled /contracts/0/implementation/milestones")
  })

  it("ocid prefixes: the local default is reported; other releases are fine", () => {
    const local = Either.getOrThrow(
      Ocds.fromStream(seedEvents().events, {
        projectId: "p1",
        parameters: seedParameters(),
        uri: "https://example.org/p.json",
        publishedDate: "2026-12-01T00:00:00Z",
        publisher: { name: "p" }
      })
    )
    const warnings = report(local).issues.filter((i) => i.check === "ocid-prefix")
    expect(warnings.map((i) => i.severity)).toEqual(["warning", "warning", "warning"])
  })

  it("refuses input that is not JSON, or too deep", () => {
    let deep: any = {}
    for (let i = 0; i < Ocds.validationLimits.maxDepth + 2; i++) deep = { a: deep }
    const tooDeep = Ocds.validate(deep)
    expect(Either.isLeft(tooDeep) && tooDeep.left.issues[0]!.en).toContain("nested more than")
    const notJson = Ocds.validate({ releases: [new Date()] })
    expect(Either.isLeft(notJson) && notJson.left.issues[0]!.path).toBe("/releases/0")
    expect(Either.isLeft(Ocds.validate([]))).toBe(true)
    expect(Either.isLeft(Ocds.validate({}, { extensionUrls: { gsyf: "not a url" } }))).toBe(true)
    // anything else is reported, not refused
    expect(report({}).valid).toBe(false)
  })
})
