import { describe, expect, it } from "@effect/vitest"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Checkpoint, Scenario } from "@gsyf/scenarios"
import { Effect, Either } from "effect"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { runScenarios } from "../../../examples/guides/scenarios.js"
import { registry } from "../../../examples/scenarios/plugins.js"
import { parseXml } from "./xml.js"

const examples = fileURLToPath(new URL("../../../examples/scenarios", import.meta.url))
const seedStage = (name: string) => join(examples, "seed", name)
const options = () => ({ calendar: ChinaHolidays.calendar, plugins: registry() })

const tmp = mkdtempSync(join(tmpdir(), "gsyf-scenarios-"))
let n = 0
const write = (text: string, ext = "yaml"): string => {
  const file = join(tmp, `case-${++n}.${ext}`)
  writeFileSync(file, text)
  return file
}
const loadError = (file: string): Scenario.ScenarioError => {
  const r = Effect.runSync(Effect.either(Scenario.load(file)))
  if (Either.isRight(r)) throw new Error("expected a load error")
  return r.left
}
const runFile = (file: string) => Effect.runSync(Effect.flatMap(Scenario.load(file), (s) => Scenario.run(s, options())))

describe("the guide's code and the files it shows", () => {
  it("runScenarios reports and judges a folder", () => {
    const r = runScenarios([join(examples, "sections")])
    expect(r.ok, r.report).toBe(true)
    expect(r.report).toContain("9 scenarios, 9 steps: 9 passed, 0 failed")
    expect(r.junit).toContain("<testsuites")
  })

  it("the template shown is what gsyf new-scenario writes today", () => {
    expect(readFileSync(join(examples, "templates", "budget-approved.yaml"), "utf8")).toBe(
      Either.getOrThrow(Checkpoint.template("budget-approved"))
    )
  })
})

describe("the example scenarios", () => {
  const files = Scenario.collect([examples])
  const results = Effect.runSync(Scenario.runAll([examples], options()))

  it("are many: the seed plan in stages and at least 25 focused scenarios", () => {
    const inSeed = (f: string) => dirname(f) === join(examples, "seed")
    expect(files.filter(inSeed)).toHaveLength(7)
    expect(files.filter((f) => !inSeed(f) && basename(f) !== "seed-plan.yaml").length).toBeGreaterThanOrEqual(25)
    expect(results.map((r) => r.file)).toEqual(files)
  })

  it.each(files.map((f) => [f.slice(examples.length + 1), f] as const))("%s passes", (_name, file) => {
    const r = results.find((x) => x.file === file)!
    expect(r.error?.message).toBeUndefined()
    expect(Scenario.formatResult(r), Scenario.formatResult(r)).toMatch(/^✓/)
    expect(r.ok).toBe(true)
  })

  it("one short case per plan section, each from a checkpoint, in under 15 lines", () => {
    const sections = files.filter((f) => dirname(f) === join(examples, "sections"))
    const heads = sections.map((f) => {
      const text = readFileSync(f, "utf8")
      expect(text.trimEnd().split("\n").length, f).toBeLessThan(15)
      expect(text, f).toMatch(/^from: seed@[a-z-]+$/m)
      return /^name: (三\([一二三四五六七八九]\))/m.exec(text)?.[1]
    })
    expect(heads).toEqual(["三(一)", "三(二)", "三(三)", "三(四)", "三(五)", "三(六)", "三(七)", "三(八)", "三(九)"])
    for (const f of sections) expect(results.find((r) => r.file === f)?.ok, f).toBe(true)
  })

  it("the seed plan ends filed with both contracts paid in full", () => {
    const r = results.find((x) => basename(x.file) === "seed-plan.yaml")!
    expect(r.ok).toBe(true)
    const ka = r.state!.subProjects.keyAreas
    expect(ka.payments.map((p) => `${p.kind} ${p.amount.toString()}`)).toEqual([
      "advance 872000.00",
      "balance 1308000.00"
    ])
    expect(ka.filed?.reportNumber).toBe("示社保验〔2026〕2号")
  })

  it("rejected steps change nothing and are reported as rejections", () => {
    const r = results.find((x) => basename(x.file) === "budget-over-cap.yaml")!
    expect(r.steps[0]!.outcome).toBe("rejected")
    expect(r.steps[0]!.rejection?._tag).toBe("RuleViolation")
    expect(r.state!.budget.status).toBe("none")
  })
})

describe("failed expectations", () => {
  const wrong = write(`
name: wrong end of publicity
description: the publicity ends on 2026-03-23, not 2026-03-24
from: ${seedStage("02-budget.yaml")}
steps:
  - date: 2026-03-16
    actor: agency
    command: StartPublicity
    input: { subProject: hazchem, startsOn: 2026-03-16 }
    expect:
      events:
        - { _tag: PublicityStarted, endsOn: 2026-03-24 }
      payments: { hazchem: { advance: "1.50" } }
`)

  it("give path, line, expected and actual, and a readable diff", () => {
    const r = runFile(wrong)
    expect(r.ok).toBe(false)
    const step = r.steps[0]!
    expect(step.outcome).toBe("accepted")
    expect(step.failures).toEqual([
      { path: "steps[0].expect.events[0].endsOn", line: 12, expected: "2026-03-24", actual: "2026-03-23" },
      { path: "steps[0].expect.payments.hazchem.advance", line: 13, expected: "1.50", actual: "0.00" }
    ])
    const text = Scenario.formatResult(r)
    expect(text).toContain("steps[0].expect.events[0].endsOn")
    expect(text).toContain(`${basename(wrong)}:12`)
    expect(text).toContain("- expected: \"2026-03-24\"")
    expect(text).toContain("+ actual:   \"2026-03-23\"")
    expect(text).not.toContain("\u001b[")
    expect(Scenario.formatResult(r, { color: true })).toContain("\u001b[31m")
  })

  it("an unexpected rejection and an expected one that does not come", () => {
    const r = runFile(
      write(`
name: wrong outcomes
description: budget submitted by a provider; then a valid submission expected to be rejected
from: ${seedStage("01-planning.yaml")}
steps:
  - { date: 2026-03-02, actor: providerA, command: SubmitBudget }
  - { date: 2026-03-02, actor: bureau, command: SubmitBudget, expect: { rejected: { rules: [budget.fee-cap] } } }
`)
    )
    expect(r.steps.map((s) => s.outcome)).toEqual(["rejected", "accepted"])
    expect(r.steps[0]!.failures[0]).toMatchObject({ path: "steps[0].expect.rejected", expected: "accepted" })
    expect(String(r.steps[0]!.failures[0]!.actual)).toContain("roles.allowed")
    expect(r.steps[1]!.failures[0]).toMatchObject({
      path: "steps[1].expect.rejected",
      actual: "accepted: [BudgetSubmitted]"
    })
  })

  it("amounts compare exactly as decimals: 872000 equals 872000.00", () => {
    const r = runFile(
      write(`
name: exact amounts
description: the advance written three ways
from: ${seedStage("05-contracting.yaml")}
steps:
  - date: 2026-05-01
    expect:
      payments: { keyAreas: { advance: 872000, total: "872000.00" }, hazchem: { advance: 312000.00 } }
      state: { subProjects.keyAreas.contract.amount: 2180000 }
  - date: 2026-05-01
    expect:
      payments: { keyAreas: { advance: "872000.01" } }
`)
    )
    expect(r.steps[0]!.failures).toEqual([])
    expect(r.steps[1]!.failures).toEqual([{
      path: "steps[1].expect.payments.keyAreas.advance",
      line: 12,
      expected: "872000.01",
      actual: "872000.00"
    }])
  })
})

describe("schema errors give the file, line and path", () => {
  const base = (steps: string) =>
    `name: bad
description: a scenario with a mistake
parameters: ${join(examples, "..", "plans", "seed-2026.yaml")}
steps:
${steps}`

  it("an unknown key", () => {
    const file = write(base(`  - date: 2026-01-15
    actor: { id: a, name: a, organisation: o, role: agency }
    command: ReportProgress
    input: { summary: 进展 }
    expect:
      evnts: [ProgressReported]
`))
    const e = loadError(file)
    expect(e.issues).toHaveLength(1)
    expect(e.issues[0]).toMatchObject({ file, line: 10, path: "steps[0].expect.evnts", en: "unknown key" })
    expect(e.message).toContain(`${file}:10:7 steps[0].expect.evnts: unknown key`)
  })

  it("a wrong type", () => {
    const file = write(base(`  - date: 20260115
    command: ReportProgress
`))
    const e = loadError(file)
    expect(e.issues[0]).toMatchObject({ line: 5, path: "steps[0].date" })
  })

  it("an unknown command", () => {
    const file = write(base(`  - date: 2026-01-15
    actor: { id: a, name: a, organisation: o, role: agency }
    command: SignContrct
`))
    const e = loadError(file)
    expect(e.issues).toHaveLength(1)
    expect(e.issues[0]).toMatchObject({ line: 7, path: "steps[0].command" })
    expect(e.issues[0]!.en).toContain("unknown command \"SignContrct\"")
  })

  it("a bad command input, an unknown actor, an inexact amount", () => {
    const file = write(base(`  - date: 2026-01-15
    actor: agency
    command: ReportProgress
    input: { summary: 进展 }
  - date: 2026-01-16
    actor: { id: a, name: a, organisation: o, role: agency }
    command: ReportProgress
    input: { summary: 进展, colour: red }
    expect:
      payments: { keyAreas: { advance: 872000.001 } }
`))
    const e = loadError(file)
    const byPath = Object.fromEntries(e.issues.map((i) => [i.path, i.line]))
    expect(byPath).toEqual({ "steps[1].expect.payments.keyAreas.advance": 14 })
    const e2 = loadError(write(base(`  - date: 2026-01-15
    actor: agency
    command: ReportProgress
    input: { summary: 进展 }
  - date: 2026-01-16
    actor: { id: a, name: a, organisation: o, role: agency }
    command: ReportProgress
    input: { summary: 进展, colour: red }
`)))
    expect(e2.issues.map((i) => [i.path, i.line])).toEqual([
      ["steps[0].actor", 6],
      ["steps[1].input.colour", 12]
    ])
  })

  it("JSON files, through the same parser", () => {
    const file = write(
      JSON.stringify(
        {
          name: "json",
          description: "a JSON scenario",
          parameters: join(examples, "..", "plans", "seed-2026.yaml"),
          steps: [{ date: "2026-01-15", expect: { state: { status: "new" } }, extra: 1 }]
        },
        null,
        2
      ),
      "json"
    )
    const e = loadError(file)
    expect(e.issues[0]).toMatchObject({ line: 13, path: "steps[0].extra" })
  })

  it("syntax errors", () => {
    const e = loadError(write("name: x\ndescription: [unclosed\n"))
    expect(e.issues[0]!.en).toContain("syntax error")
    expect(e.issues[0]!.line).toBeGreaterThanOrEqual(2)
  })
})

describe("from chains", () => {
  it("load the chain and run it once, sharing the runs", () => {
    const s = Effect.runSync(Scenario.load(join(examples, "seed-plan.yaml")))
    const chain: Array<string> = []
    for (let x: Scenario.Scenario | undefined = s; x !== undefined; x = x.from) chain.push(basename(x.file))
    expect(chain).toEqual([
      "seed-plan.yaml",
      "07-acceptance.yaml",
      "06-delivery.yaml",
      "05-contracting.yaml",
      "04-procurement.yaml",
      "03-publicity.yaml",
      "02-budget.yaml",
      "01-planning.yaml"
    ])
    const r = Effect.runSync(Scenario.run(s, options()))
    expect(r.ok).toBe(true)
    expect(r.state!.version).toBeGreaterThan(180)
  })

  it("start from the end state and inherit actors and parameters", () => {
    const r = runFile(
      write(`
name: from budget
description: the budget is approved in the stage this starts from
from: ${seedStage("02-budget.yaml")}
steps:
  - date: 2026-03-16
    actor: agency
    command: StartPublicity
    input: { subProject: keyAreas, startsOn: 2026-03-16 }
    expect: { state: { status: procurement, budget.status: approved } }
`)
    )
    expect(r.ok).toBe(true)
    expect(r.steps[0]!.commandId).toMatch(/#1$/)
  })

  it("report a cycle", () => {
    const a = join(tmp, "cycle-a.yaml")
    const b = join(tmp, "cycle-b.yaml")
    writeFileSync(a, `name: a\ndescription: a\nfrom: ./cycle-b.yaml\n`)
    writeFileSync(b, `name: b\ndescription: b\nfrom: ./cycle-a.yaml\n`)
    expect(loadError(a).message).toContain("cycle")
  })

  it("fail when the scenario started from fails", () => {
    const parent = write(`
name: parent
description: a failing parent
from: ${seedStage("01-planning.yaml")}
steps:
  - { date: 2026-03-02, expect: { state: { status: filed } } }
`)
    const child = write(`
name: child
description: starts from a failing parent
from: ./${basename(parent)}
`)
    const e = Effect.runSync(Effect.either(Effect.flatMap(Scenario.load(child), (s) => Scenario.run(s, options()))))
    expect(Either.isLeft(e) && e.left.issues[0]!.path).toBe("from")
    expect(Either.isLeft(e) && e.left.message).toContain(`${basename(parent)}, has 1 failed expectation(s)`)
  })

  it("name unknown plugins with the registry's", () => {
    const e = Effect.runSync(
      Effect.either(
        Effect.flatMap(
          Scenario.load(
            write(
              `name: p\ndescription: p\nparameters: ${
                join(examples, "..", "plans", "seed-2026.yaml")
              }\nplugins: [CityPak]\n`
            )
          ),
          (s) => Scenario.run(s, options())
        )
      )
    )
    expect(Either.isLeft(e) && e.left.issues[0]).toMatchObject({ line: 4, path: "plugins[0]" })
    expect(Either.isLeft(e) && e.left.message).toContain("ProvincePack, CityPack")
  })
})

describe("JUnit XML", () => {
  it("is well-formed and counts failures", () => {
    const good = join(examples, "budget-over-cap.yaml")
    const bad = write(`
name: "a <failing> & \\"quoted\\" scenario"
description: one step fails
from: ${seedStage("01-planning.yaml")}
steps:
  - { date: 2026-03-01, expect: { state: { status: new } } }
  - { date: 2026-03-02, actor: bureau, command: SubmitBudget }
`)
    const broken = write("name: broken\ndescription: x\nstepz: []\n")
    const results = Effect.runSync(Scenario.runAll([good, bad, broken], options()))
    const xml = Scenario.junit(results)
    const elements = parseXml(xml)
    const root = elements[0]!
    expect(root.name).toBe("testsuites")
    expect(root.attributes).toMatchObject({ tests: "4", failures: "1", errors: "1" })
    const suites = elements.filter((e) => e.name === "testsuite")
    const counts = Object.fromEntries(
      suites.map((
        s
      ) => [s.attributes["name"], [s.attributes["tests"], s.attributes["failures"], s.attributes["errors"]]])
    )
    expect(counts).toEqual({
      "budget over the fee cap": ["1", "0", "0"],
      "a <failing> & \"quoted\" scenario": ["2", "1", "0"],
      [basename(broken)]: ["1", "0", "1"]
    })
    const failure = elements.find((e) => e.name === "failure")!
    expect(failure.text).toContain("steps[0].expect.state.status")
    expect(failure.text).toContain("expected: \"new\"")
    expect(failure.text).toContain("actual:   \"plan-issued\"")
  })
})
