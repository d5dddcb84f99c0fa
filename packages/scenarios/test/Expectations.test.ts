/**
 * Expectations on what a clerk checks: capital letters, documents, OCDS releases, deadlines and their reasons,
 * matchers.
 */
import { describe, expect, it } from "@effect/vitest"
import { Scenario } from "@gsyf/scenarios"
import { Either } from "effect"
import { readFileSync, writeFileSync } from "node:fs"
import { basename } from "node:path"
import { fileURLToPath } from "node:url"
import { loadError, runEither, scratch } from "./files.js"

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const repo = here("../../..")
const { write } = scratch("expectations")
const run = (file: string) => Either.getOrThrowWith(runEither(file), (e) => new Error(e.message))
const failuresOf = (r: Scenario.Result) => r.steps.flatMap((s) => s.failures.map((f) => [f.path, f.line] as const))

describe("a capital amount, a document and an OCDS release", () => {
  it("the example passes", () => {
    const r = run(here("../../../examples/scenarios/clerk-checks.yaml"))
    expect(r.ok, Scenario.formatResult(r)).toBe(true)
  })

  it("written wrong, each fails with a readable file:line diff", () => {
    const file = here("fixtures/clerk-checks-failing.yaml")
    const r = run(file)
    expect(failuresOf(r)).toEqual([
      ["steps[0].expect.events[0].amount.capital", 12],
      ["steps[0].expect.documents[0].contains[0]", 16],
      ["steps[0].expect.ocds[0].contracts[0].implementation.transactions[0].value.amount", 18]
    ])
    const text = Scenario.formatResult(r, { relativeTo: here("fixtures") })
    expect(text).toContain(`${basename(file)}:12`)
    expect(text).toContain("- expected: \"人民币捌拾柒万贰仟零壹元整\"")
    expect(text).toContain("+ actual:   \"872000.00: 人民币捌拾柒万贰仟元整 (or another legal form)\"")
    expect(text).toContain(`${basename(file)}:16`)
    expect(text).toMatch(/more characters\)/)
    expect(text).toContain("- expected: 870000")
    expect(text).toContain("+ actual:   872000")
  })

  it("the report the scenarios guide shows is this one (GSYF_UPDATE_GOLDEN=1 rewrites it)", () => {
    const golden = here("fixtures/clerk-checks-failing.txt")
    const text = `${Scenario.formatResult(run(here("fixtures/clerk-checks-failing.yaml")), { relativeTo: repo })}\n`
    if (process.env["GSYF_UPDATE_GOLDEN"] === "1") writeFileSync(golden, text)
    expect(text).toBe(readFileSync(golden, "utf8"))
  })
})

describe("capital letters", () => {
  const at = (capital: string) =>
    run(write(`name: c
description: the key-areas contract amount, 2 180 000 yuan
from: seed@contract-signed
steps:
  - { date: 2026-04-21, expect: { state: { subProjects.keyAreas.contract.amount: ${capital} } } }
`))
  it("accept every legal form unless one is named", () => {
    expect(at("{ capital: 人民币贰佰壹拾捌万元整 }").ok).toBe(true)
    expect(at("{ capital: 贰佰壹拾捌万圆正 }").ok).toBe(true)
    expect(at("{ capital: 人民币贰佰壹拾捌万元正, form: { zeroAtWanOrYuan: write } }").ok).toBe(false)
    expect(at("{ capital: 人民币贰佰壹拾捌万元整, form: { zeroAtWanOrYuan: write } }").ok).toBe(true)
    expect(at("{ capital: 人民币贰佰拾捌万元整 }").ok).toBe(false)
  })

  it("a capital that is no amount is a load error at its line", () => {
    const e = loadError(write(`name: c
description: x
from: seed@contract-signed
steps:
  - date: 2026-04-21
    expect: { state: { subProjects.keyAreas.contract.amount: { capital: 二百一十八万 } } }
`))
    expect(e.issues[0]).toMatchObject({
      line: 6,
      path: "steps[0].expect.state[\"subProjects.keyAreas.contract.amount\"].capital"
    })
  })
})

describe("contains, excludes, approximately", () => {
  const file = write(`name: matchers
description: the key-areas publicity's objection and the award's ranking
from: seed@awarded
steps:
  - date: 2026-04-10
    expect:
      state:
        keyAreas: { contains: [C 制造业], excludes: [F 批发和零售业] }
        subProjects.keyAreas.publicity.objections: { contains: [{ resolved: true }] }
        subProjects.keyAreas.award.value: { approximately: 2180000, tolerance: 0 }
        subProjects.keyAreas.contract: null
  - date: 2026-04-10
    expect:
      state:
        keyAreas: { contains: [F 批发和零售业], excludes: [C 制造业] }
        subProjects.keyAreas.award.value: { approximately: 2179999.5, tolerance: 0.49 }
`)
  const r = run(file)

  it("hold when they should", () => {
    expect(r.steps[0]!.failures).toEqual([])
  })

  it("fail with the element or the bound that does not hold", () => {
    expect(r.steps[1]!.failures.map((f) => [f.path, f.line, f.expected])).toEqual([
      ["steps[1].expect.state.keyAreas.contains[0]", 15, "F 批发和零售业"],
      ["steps[1].expect.state.keyAreas.excludes[0]", 15, { not: "C 制造业" }],
      ["steps[1].expect.state[\"subProjects.keyAreas.award.value\"].approximately", 16, "2179999.5 ± 0.49"]
    ])
  })

  it("approximately needs a stated tolerance", () => {
    const e = loadError(write(`name: m
description: x
from: seed@awarded
steps:
  - { date: 2026-04-10, expect: { state: { subProjects.keyAreas.award.value: { approximately: 2180000 } } } }
`))
    expect(e.issues[0]!.en).toContain("tolerance")
    expect(e.issues[0]!.line).toBe(5)
  })

  it("events matched with contains in any order", () => {
    const ok = run(write(`name: e
description: x
from: seed@scored
steps:
  - date: 2026-04-09
    actor: agency
    command: Award
    input: { subProject: keyAreas }
    expect:
      events: [{ _tag: Awarded, ranking: { contains: [{ supplierId: sup-c }, { supplierId: sup-a, rank: 1 }] } }]
`))
    expect(ok.ok, Scenario.formatResult(ok)).toBe(true)
  })
})

describe("deadlines with their calendar reason", () => {
  it("publicity across National Day: the holiday and the make-up Saturday", () => {
    const r = run(write(`name: d
description: x
from: seed@budget-approved
steps:
  - date: 2026-09-29
    actor: agency
    command: StartPublicity
    input: { subProject: hazchem, startsOn: 2026-09-29 }
    expect:
      deadlines:
        hazchem:
          publicityEnd:
            date: 2026-10-12
            reason: { contains: [5 个工作日, 国庆节, 2026-10-10, working days] }
  - date: 2026-09-30
    expect: { deadlines: { hazchem: { publicityEnd: { date: 2026-10-12, reason: 春节 } } } }
`))
    expect(r.steps[0]!.failures).toEqual([])
    const f = r.steps[1]!.failures
    expect(f.map((x) => [x.path, x.line])).toEqual([["steps[1].expect.deadlines.hazchem.publicityEnd.reason", 16]])
    expect(String(f[0]!.actual)).toContain("国庆节")
  })

  it("a rectification deadline explains its working days", () => {
    const r = run(write(`name: d
description: x
from: seed@acceptance-failed
steps:
  - date: 2026-10-24
    expect:
      deadlines: { keyAreas: { rectification: { date: 2026-11-13, reason: { contains: [2026-10-23, 2026-11-13] } } } }
`))
    expect(r.ok, Scenario.formatResult(r)).toBe(true)
  })
})

describe("documents", () => {
  it("a document that cannot be built yet says why", () => {
    const r = run(write(`name: doc
description: x
from: seed@budget-approved
steps:
  - date: 2026-03-11
    expect: { documents: [{ document: acceptance-report, input: { subProject: keyAreas } }] }
`))
    expect(r.steps[0]!.failures[0]).toMatchObject({ path: "steps[0].expect.documents[0].document", line: 6 })
  })

  it("a step without a command checks documents but no releases", () => {
    const e = loadError(write(`name: doc
description: x
from: seed@budget-approved
steps:
  - { date: 2026-03-11, expect: { ocds: [] } }
`))
    expect(e.issues[0]!.path).toBe("steps[0].expect")
  })
})

describe("amounts written with their unit", () => {
  it("are read exactly, and the result says how each was read, at its line", () => {
    const r = run(here("../../../examples/scenarios/budget-written-units.yaml"))
    expect(r.ok, Scenario.formatResult(r)).toBe(true)
    expect(r.readings?.map((x) => [x.path, x.line, x.en])).toEqual([
      [
        "parameters.overlay[\"budget.total\"]",
        9,
        "\"3000000.01元\" read as 3000000.01 yuan (300.000001万元; unit written: 元)"
      ],
      ["parameters.overlay[\"budget.hazchem\"]", 10, "\"70万元\" read as 700000.00 yuan (70万元; unit written: 万元)"],
      [
        "parameters.overlay[\"budget.keyAreas\"]",
        11,
        "\"2300000.01元\" read as 2300000.01 yuan (230.000001万元; unit written: 元)"
      ]
    ])
    expect(Scenario.formatResult(r)).toContain("\"2300000.01元\" 读作 2300000.01 元")
  })

  it("in another unit, the overlay's line names the value refused", () => {
    const file = write(
      readFileSync(here("../../../examples/scenarios/budget-written-units.yaml"), "utf8").replace(
        "budget.hazchem: 70万元",
        "budget.hazchem: 70千元"
      )
    )
    const e = Either.getOrThrowWith(Either.flip(runEither(file)), () => new Error("expected an error"))
    expect(e.issues.map((i) => [i.line, i.code])).toEqual([[10, "configuration"]])
    expect(e.message).toContain("元, 万元 or 万")
  })
})

describe("a finding's expected value", () => {
  it("matches what the finding says was expected, and fails on another", () => {
    const source = here("../../../examples/scenarios/rules/procurement/procurement-consultation-document-period.yaml")
    expect(run(source).ok).toBe(true)
    const text = readFileSync(source, "utf8")
    expect(text).toContain("expected: \"≥ 2026-04-07\"")
    const wrong = write(
      text.replace("expected: \"≥ 2026-04-07\"", "expected: \"≥ 2026-04-04\"").replace(
        /from: \.\.\/\.\.\//,
        `from: ${repo}/examples/scenarios/`
      ),
      "document-period-wrong.yaml"
    )
    const r = run(wrong)
    expect(r.steps.flatMap((s) => s.failures.map((f) => f.path))).toEqual(["steps[1].expect.findings[0]"])
    expect(Scenario.formatResult(r)).toContain(
      "procurement.consultation.document-period (error) firstResponseDeadline ≥ 2026-04-07"
    )
  })
})
