import { describe, expect, it } from "@effect/vitest"
import type { Parameter, ProjectEvent } from "@gsyf/core"
import { Ocds } from "@gsyf/ocds"
import { Either } from "effect"
import { correctedEvents, seedEvents, seedParameters } from "./fixtures/lifecycle.js"
import { streams } from "./fixtures/scenarios.js"

const exportOf = (projectId: string, events: ReadonlyArray<ProjectEvent.Event>, parameters: Parameter.ParameterSet) =>
  Either.getOrThrowWith(
    Ocds.fromStream(events, {
      projectId,
      parameters,
      uri: `https://data.example.gov.cn/ocds/${projectId}.json`,
      publishedDate: "2026-12-01T09:00:00+08:00",
      publisher: { name: "示例市社会保险事业服务中心" }
    }),
    (e) => new Error(e.message)
  )

const reportOf = (exported: Ocds.Export) => Either.getOrThrowWith(Ocds.validate(exported), (e) => new Error(e.message))

/** Everything but the warning that the default ocid prefix is not registered. */
const findings = (report: Ocds.ValidationReport) =>
  report.issues
    .filter((i) => i.check !== "ocid-prefix")
    .map((i) => `${i.severity} ${i.check} ${i.document} ${i.id} ${i.path}: ${i.en}`)

const conforms = (projectId: string, events: ReadonlyArray<ProjectEvent.Event>, parameters: Parameter.ParameterSet) => {
  const exported = exportOf(projectId, events, parameters)
  const report = reportOf(exported)
  expect(findings(report)).toEqual([])
  expect(report.valid).toBe(true)
  expect(report.extensions).toEqual(["budgetBreakdown", "gsyf"])
  expect(report.releases).toBe(exported.releasePackage.releases.length)
  expect(report.compiledReleases).toBe(exported.compiled.length)
  // the local default prefix is reported, once per process
  expect(report.issues.filter((i) => i.check === "ocid-prefix")).toHaveLength(exported.compiled.length)
  return { exported, report }
}

describe("the seed lifecycle conforms", () => {
  it("every release, the package and every compiled release: official schemas, Budget Breakdown, gsyf extension and its metaschema, merge and tag rules", () => {
    const { exported } = conforms("sample-2026", seedEvents().events, seedParameters())
    expect(exported.releasePackage.releases.length).toBeGreaterThan(140)
    expect(exported.compiled).toHaveLength(3)
  })

  it("with a corrected deliverable", () => {
    conforms("sample-2026", correctedEvents().events, seedParameters())
  })
})

describe("every example scenario that reaches a tender conforms", () => {
  const all = streams()
  const tendering = all.flatMap((s) => {
    const exported = exportOf(s.projectId, s.events, s.parameters)
    return exported.releasePackage.releases.some((r) => r.tag.includes("tender")) ? [{ ...s, exported }] : []
  })

  it("there are many of them, seed stages and focused scenarios", () => {
    expect(all.length).toBeGreaterThan(100)
    expect(tendering.length).toBeGreaterThanOrEqual(40)
  })

  it.each(tendering.map((s) => [s.projectId, s] as const))("%s", (_, s) => {
    const report = reportOf(s.exported)
    expect(findings(report)).toEqual([])
    expect(report.releases).toBe(s.exported.releasePackage.releases.length)
    expect(report.compiledReleases).toBe(s.exported.compiled.length)
  })
})
