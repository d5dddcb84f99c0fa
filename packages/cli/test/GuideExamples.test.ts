/**
 * Runs the code the guides show (examples/guides/embedding.ts, pulled into
 * docs/guides/*.md with `{@includeCode}`), against the seed lifecycle.
 */
import { Parameter, Project } from "@gsyf/core"
import { Either } from "effect"
import { mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import {
  cityRules,
  configure,
  periodAtMostAYear,
  publicityNoticeHtml,
  runInMemory,
  runOnSqlite,
  runWithClient,
  withProvincePack
} from "../../../examples/guides/embedding.js"
import { fullLifecycle, planningToAward, seedParameterFile } from "../../core/test/fixtures/seed.js"

const repo = fileURLToPath(new URL("../../../", import.meta.url))
const projectId = "guide-city-2026"

describe("the guides' code", () => {
  it("runs the seed lifecycle through Projects over the memory store", async () => {
    const config = configure(seedParameterFile())
    const result = await runInMemory(config, projectId, fullLifecycle())
    expect(result).toEqual({ status: "filed", listed: [projectId], trailOk: true })
  })

  it("runs the same program over SQLite", async () => {
    const config = configure(seedParameterFile())
    const file = join(mkdtempSync(join(tmpdir(), "gsyf-guide-")), "guide.db")
    expect(await runOnSqlite(config, file, projectId, planningToAward())).toBe("procurement")
  })

  it("reports rejections as values through the Promise client", async () => {
    const [first, second] = planningToAward()
    const wrongRole = { ...second, actor: { ...(second!.actor as object), role: "hrss-bureau" } }
    const result = await runWithClient(seedParameterFile(), projectId, [first, wrongRole])
    expect(result.rejected).toEqual([["roles.allowed"]])
    expect(result.events).toBe(1)
    expect(result.status).toBe("key-areas-selected")
  })

  it("loads the province pack's parameters and rules", () => {
    const config = withProvincePack(seedParameterFile())
    expect(Parameter.get(config.parameters, "publicity.length", "2026-03-01")).toBe(5)
    expect(config.rules.budget.map((r) => r.id)).toContain("budget.province.fee-split")
    expect(config.plugins.map((p) => p.name)).toEqual(["example-province-pack"])
  })

  it("adds a city rule as a plugin, and the rule finds what it should", () => {
    const config = configure(seedParameterFile(), [cityRules])
    expect(config.rules.plan.map((r) => r.id)).toContain("city.period-at-most-a-year")
    const reader = (months: number) => ({
      read: <A>() => months as unknown as A,
      readOptional: <A>() => months as unknown as A
    })
    expect(periodAtMostAYear.evaluate({}, reader(6))).toEqual([])
    const [finding] = periodAtMostAYear.evaluate({}, reader(13))
    expect([finding?.ruleId, finding?.severity, finding?.actual]).toEqual(["city.period-at-most-a-year", "error", "13"])
  })

  it("builds the publicity notice from the project's events", () => {
    const config = configure(seedParameterFile())
    let state = Project.initialState
    const events: Array<unknown> = []
    for (const command of planningToAward()) {
      const decided = Project.handle(config)(command, state)
      if (Either.isLeft(decided)) throw new Error(decided.left.message)
      for (const event of decided.right) {
        events.push(event)
        state = Project.evolve(state, event)
      }
    }
    const html = publicityNoticeHtml(config, events)
    expect(html).toContain("<html")
    expect(html).toContain("公示")
  })

  it("the guides show the example file's regions as code, current (no typedoc directive left)", () => {
    const source = readFileSync(join(repo, "examples/guides/embedding.ts"), "utf8")
    const guides = readdirSync(join(repo, "docs/guides")).filter((f) => f.endsWith(".md"))
    const texts = guides.map((g) => readFileSync(join(repo, "docs/guides", g), "utf8"))
    for (const text of texts) expect(text).not.toContain("{@includeCode")
    const included = texts.flatMap((
      t
    ) => [...t.matchAll(/<!-- snippet: examples\/guides\/embedding\.ts#([\w-]+) -->\n```ts\n([\s\S]*?)\n```/g)])
    expect(included.length).toBeGreaterThan(0)
    for (const [, region, code] of included) {
      expect(source).toContain(`// #region ${region}`)
      // the block holds the region's code (the first line of the block is a line of the file)
      expect(source).toContain(code!.split("\n")[0]!)
    }
  })
})
