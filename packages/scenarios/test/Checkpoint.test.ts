import { describe, expect, it } from "@effect/vitest"
import { Parameter } from "@gsyf/core"
import { Checkpoint, Scenario } from "@gsyf/scenarios"
import { Effect, Either } from "effect"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { seedFiles } from "../src/internal/seedFiles.js"
import { runEither as run, scratch, withCalendar as options } from "./files.js"

const examples = fileURLToPath(new URL("../../../examples", import.meta.url))
const { write } = scratch("checkpoints")
const passing = (file: string) => {
  const r = run(file)
  if (Either.isLeft(r)) throw new Error(r.left.message)
  expect(r.right.ok, Scenario.formatResult(r.right)).toBe(true)
  return r.right
}
const failing = (file: string) => {
  const r = run(file)
  if (Either.isRight(r)) throw new Error(`expected ${file} to fail: ${Scenario.formatResult(r.right)}`)
  return r.left
}

describe("the embedded seed", () => {
  it("is the examples' seed lifecycle, byte for byte", () => {
    for (const [path, text] of seedFiles) expect(text, path).toBe(readFileSync(join(examples, path), "utf8"))
    expect([...seedFiles.keys()].filter((p) => p.startsWith("/scenarios/seed/")).map((p) => p.split("/").pop()))
      .toEqual(Checkpoint.stages)
  })
})

describe("named checkpoints", () => {
  // one run for all checkpoints: the stages they share run once
  const files = Checkpoint.checkpoints.map((c) =>
    write(
      `name: at ${c.name}\ndescription: x\nfrom: seed@${c.name}\nsteps:\n  - { date: ${c.date}, expect: { state: { status: ${c.status} } } }\n`
    )
  )
  const results = Effect.runSync(Scenario.runAll(files, options))
  const loaded = Effect.runSync(Scenario.loadAll(files))

  it.each(Checkpoint.checkpoints.map((c, i) => [c.name, c, i] as const))("seed@%s reaches its status", (name, c, i) => {
    const r = results[i]!
    expect(r.error?.message).toBeUndefined()
    expect(r.ok, Scenario.formatResult(r)).toBe(true)
    const start = Either.getOrThrow(loaded[i]!).from!
    expect(start.file).toBe(`seed@${name}`)
    const dates = start.steps.map((s) => s.date).sort()
    expect(dates[dates.length - 1], "date of the last act").toBe(c.date)
  })

  // the file `gsyf new-scenario` writes: one per checkpoint but the last, passing as written
  const templates = Checkpoint.checkpoints.slice(0, -1).map((c) =>
    write(Either.getOrThrow(Checkpoint.template(c.name)))
  )
  const templated = Effect.runSync(Scenario.runAll(templates, options))

  it.each(Checkpoint.checkpoints.slice(0, -1).map((c, i) => [c.name, i] as const))(
    "the template from seed@%s passes as written",
    (_name, i) => {
      const r = templated[i]!
      expect(r.error?.message).toBeUndefined()
      expect(r.ok, Scenario.formatResult(r)).toBe(true)
      expect(r.steps.length).toBe(1)
    }
  )

  it("a template names its checkpoint, and none follows the last one or an unknown name", () => {
    const text = Either.getOrThrow(Checkpoint.template("seed@budget-approved"))
    expect(text).toContain("from: seed@budget-approved\n")
    expect(text).toContain("command: StartPublicity")
    const last = Checkpoint.template("filed")
    expect(Either.isLeft(last) && last.left.en).toBe(
      "seed@filed is the seed plan's last checkpoint: no step follows it"
    )
    const unknown = Checkpoint.template("budget-approve")
    expect(Either.isLeft(unknown) && unknown.left.en).toContain(
      "no checkpoint named budget-approve (known: key-areas-selected,"
    )
  })

  it("are all listed by the scenarios guide, under their section", () => {
    const guide = readFileSync(join(examples, "..", "docs", "guides", "scenarios.md"), "utf8")
    for (const c of Checkpoint.checkpoints) {
      const row = guide.split("\n").find((l) => l.includes(`\`seed@${c.name}\``))
      expect(row, c.name).toBeDefined()
      expect(row, c.name).toContain(c.section)
    }
  })

  it("cover every section of the plan, in its order", () => {
    const sections = [...new Set(Checkpoint.checkpoints.map((c) => c.section))]
    expect(sections).toEqual(["三(一)", "三(二)", "三(三)", "三(四)", "三(五)", "三(六)", "三(七)", "三(八)", "三(九)"])
  })

  it("a stage's partial checkpoints reach the state the stage's own steps describe", () => {
    const r = passing(write(`name: x
description: x
from: seed@acceptance-failed
steps:
  - date: 2026-10-24
    expect:
      state:
        subProjects.hazchem.acceptance.status: passed
        subProjects.keyAreas.acceptance: { status: failed, attempts: 1 }
      deadlines: { keyAreas: { rectification: 2026-11-13 } }
      quota: { portal-articles: { done: 18, required: 20, met: false } }
`))
    expect(r.steps).toHaveLength(1)
  })

  it("an overlay changes a checkpoint's parameters for one case only", () => {
    const seven = write(`name: seven
description: seven working days
from: seed@budget-approved
parameters: { overlay: { publicity.length: 7 } }
steps:
  - { date: 2026-03-16, actor: agency, command: StartPublicity, input: { subProject: hazchem, startsOn: 2026-03-16 }, expect: { events: [{ _tag: PublicityStarted, endsOn: 2026-03-25 }] } }
`)
    const five = write(`name: five
description: the seed's five working days
from: seed@budget-approved
steps:
  - { date: 2026-03-16, actor: agency, command: StartPublicity, input: { subProject: hazchem, startsOn: 2026-03-16 }, expect: { events: [{ _tag: PublicityStarted, endsOn: 2026-03-23 }] } }
`)
    const results = Effect.runSync(Scenario.runAll([seven, five], options))
    expect(results.map((r) => [r.name, r.ok])).toEqual([["seven", true], ["five", true]])
  })

  it("an unknown checkpoint is named with the known ones", () => {
    const e = failing(write(`name: x\ndescription: x\nfrom: seed@budget-aproved\n`))
    expect(e.issues[0]).toMatchObject({ path: "from", line: 3 })
    expect(e.issues[0]!.en).toContain("seed@budget-approved")
  })

  it("the checkpoint's actors are known by name", () => {
    const e = failing(write(`name: x\ndescription: x\nfrom: seed@awarded
steps:
  - { date: 2026-04-20, actor: agencyy, command: ReportProgress, input: { summary: x } }
`))
    expect(e.issues[0]!.en).toContain("unknown actor \"agencyy\"")
    expect(e.issues[0]!.en).toContain("providerA")
  })
})

describe("given: a city's planning chain from a few facts", () => {
  it("ranks the key areas in the order given, adds the mandated one, issues the plan, lists the enterprises", () => {
    const r = passing(write(`name: 某市 2025
description: the planning chain of another city and year
given: { city: 某市, year: 2025, keyAreas: [C, E, G], keyEnterprises: 3 }
steps:
  - date: 2025-02-20
    expect:
      state:
        status: plan-issued
        keyAreas: [C 制造业, E 建筑业, G 交通运输、仓储和邮政业, 其他危险化学品相关行业]
        plan.documentNumber: 某工伤预防委〔2025〕1号
        keyEnterpriseList: [某重点企业1号, 某重点企业2号, 某重点企业3号]
`))
    const p = r.config!.parameters
    expect(Parameter.get(p, "plan.city", "2025-03-01")).toBe("某市")
    expect(Parameter.get(p, "plan.fiscalYear", "2025-03-01")).toBe(2025)
    expect(Parameter.get(p, "budget.total", "2025-03-01")?.toString()).toBe("3000000.00")
    expect(r.steps[0]!.ok).toBe(true)
  })

  it("amounts with their units, and a chain through the budget's approval", () => {
    const r = passing(write(`name: 某市 2025 budget
description: x
given: { city: 某市, year: 2025, fund: 9000万元, budgets: { hazchem: "600000元", keyAreas: 200 }, through: budget-approved }
steps:
  - { date: 2025-03-11, expect: { state: { status: budget-approved } } }
`))
    const p = r.config!.parameters
    expect(Parameter.get(p, "budget.hazchem", "2025-03-11")?.toString()).toBe("600000.00")
    expect(Parameter.get(p, "budget.keyAreas", "2025-03-11")?.toString()).toBe("2000000.00")
    expect(Parameter.get(p, "fund.priorYearContributionRevenue", "2025-03-11")?.toString()).toBe("90000000.00")
    expect(r.state!.version).toBeGreaterThan(10)
  })

  it("the chain's commands meet the rules: budgets over the cap stop the plan, said at the given line", () => {
    const e = failing(write(`name: x
description: x
given: { city: 某市, year: 2025, fund: 9000万元, budgets: { hazchem: 60万元, keyAreas: 220万元 } }
`))
    expect(e.issues[0]).toMatchObject({ path: "given", line: 3, code: "configuration" })
    expect(e.issues[0]!.en).toContain("budget.fee-cap")
  })

  it("bad facts are schema errors at their line", () => {
    const e = failing(write(`name: x
description: x
given:
  city: 某市
  year: 2025
  keyAreas: [C, ZZ9]
  budgets: { hazchem: 60亿元, keyAreas: 1 }
`))
    expect(e.issues.map((i) => [i.path, i.line]).sort()).toEqual([
      ["given.budgets.hazchem", 7],
      ["given.keyAreas[1]", 6]
    ])
  })

  it("given and from exclude each other", () => {
    const e = failing(write(`name: x\ndescription: x\nfrom: seed@filed\ngiven: { city: 某市, year: 2025 }\n`))
    expect(e.issues[0]).toMatchObject({ path: "given", line: 4 })
  })
})
