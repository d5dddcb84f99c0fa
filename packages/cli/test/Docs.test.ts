/**
 * The documentation site: builds it once with `node scripts/docs.mjs` (rule
 * pages from the live registries, then typedoc with validation as errors),
 * checks the generated rule reference against the registries and the
 * scenario files, and opens the built site in headless Chromium: the rules
 * index must load with every rule id, and a rule page must link back to its
 * scenario file. A screenshot is kept in test-artifacts/docs/.
 *
 * Chromium is located with the documents packages' helper: missing outside CI
 * skips the browser checks with a printed reason; missing in CI fails.
 */
import { Guard, Plugin } from "@gsyf/core"
import { existsSync, readFileSync, statSync } from "node:fs"
import { basename, join } from "node:path"
import { fileURLToPath } from "node:url"
import { beforeAll, describe, expect, it } from "vitest"
import {
  allRules,
  defaultOutDir,
  groupOf,
  rulePage as renderRulePage,
  scenarioExamples,
  sectionGroups
} from "../../../scripts/rule-pages.js"
import { artifactPath, chromiumFlags, run, runOk, tools } from "../../documents/test/tools.js"

const repo = fileURLToPath(new URL("../../../", import.meta.url))
const site = join(repo, "docs", "site")
const documents = join(site, "documents")
const rulePage = (id: string) => join(documents, `Rule_reference.${id}.html`)

let build: { status: number | null; output: string } = { status: null, output: "" }

beforeAll(async () => {
  const r = await run(process.execPath, [join(repo, "scripts", "docs.mjs")], { cwd: repo, timeout: 590_000 })
  build = { status: r.status, output: `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, "") }
}, 600_000)

const chromium = tools.chromium()

const dumpDom = (file: string): Promise<string> =>
  runOk(chromium.require(), [...chromiumFlags(), "--virtual-time-budget=5000", "--dump-dom", `file://${file}`], {
    timeout: 90_000
  })

const screenshot = async (file: string, png: string): Promise<void> => {
  await runOk(
    chromium.require(),
    [
      ...chromiumFlags(),
      "--window-size=1280,1600",
      "--virtual-time-budget=5000",
      `--screenshot=${png}`,
      `file://${file}`
    ],
    { timeout: 90_000 }
  )
}

describe("pnpm site", () => {
  it("builds the site with validation and no warning", () => {
    expect(build.output).not.toMatch(/\[warning\]|\[error\]/)
    expect(build.status).toBe(0)
    expect(existsSync(join(site, "index.html"))).toBe(true)
    expect(build.output).toMatch(/rule pages: \d+ rules/)
  })

  it("generates a page for every stage rule and every guard, and nothing else", () => {
    const ids = [
      ...Object.values(Plugin.baseRules).flatMap((rules) =>
        (rules as ReadonlyArray<{ readonly id: string }>).map((r) => r.id)
      ),
      ...Guard.all.map((g) => g.id)
    ]
    expect(allRules().map((r) => r.id).sort()).toEqual([...ids].sort())
    for (const id of ids) {
      expect(existsSync(join(defaultOutDir, `${id}.md`)), id).toBe(true)
      expect(existsSync(rulePage(id)), id).toBe(true)
    }
  })

  it("groups every rule under a section of the plan", () => {
    const keys = new Set(sectionGroups.map((g) => g.key))
    for (const r of allRules()) expect(keys.has(groupOf(r.section)), `${r.id} (${r.section})`).toBe(true)
    expect(groupOf("三(四)(五)")).toBe("三(四)")
    expect(groupOf("四(二)③")).toBe("四")
    expect(groupOf("六(二)")).toBe("六")
    expect(groupOf("二、三、七")).toBe("通用")
  })

  it("quotes only scenario steps that expect the rule, verbatim", () => {
    const examples = scenarioExamples()
    expect(examples.size).toBeGreaterThan(0)
    for (const [id, list] of examples) {
      for (const e of list) {
        const text = readFileSync(e.file, "utf8")
        // the excerpt's lines are the file's own lines, and the excerpt names the rule
        for (const line of e.excerpt.split("\n").filter((l) => !l.trimStart().startsWith("# …"))) {
          expect(text.split("\n"), `${e.relativePath}: ${line}`).toContain(line)
        }
        expect(e.excerpt, `${id} in ${e.relativePath}`).toContain(id)
        // and the built page links to the copy of that file
        const html = readFileSync(rulePage(id), "utf8")
        expect(html, `${id} → ${e.relativePath}`).toContain(`../media/${basename(e.file)}`)
      }
    }
  })
})

describe.skipIf(chromium.skip)("the built site in Chromium", () => {
  it("loads the rules index with every rule id and keeps a screenshot", async () => {
    const index = join(documents, "Rule_reference.html")
    const dom = await dumpDom(index)
    for (const r of allRules()) expect(dom, r.id).toContain(r.id)
    for (const g of sectionGroups) expect(dom).toContain(g.zh)
    const png = artifactPath("docs", "rules-index.png")
    await screenshot(index, png)
    expect(statSync(png).size).toBeGreaterThan(10_000)
  })

  it("shows a rule page with its basis, its parameters and a link back to its scenario file", async () => {
    const dom = await dumpDom(rulePage("budget.fee-cap"))
    expect(dom).toContain("工伤预防费使用管理暂行办法")
    expect(dom).toContain("fund.feeCapPercent")
    const links = [...dom.matchAll(/<a [^>]*href="([^"]*budget-over-cap\.yaml)"[^>]*>([^<]*)<\/a>/g)]
    expect(links.map((m) => m[2])).toContain("examples/scenarios/budget-over-cap.yaml")
    const target = join(documents, links[0]![1]!)
    expect(readFileSync(target, "utf8")).toBe(
      readFileSync(join(repo, "examples/scenarios/budget-over-cap.yaml"), "utf8")
    )
    const png = artifactPath("docs", "rule-budget.fee-cap.png")
    await screenshot(rulePage("budget.fee-cap"), png)
    expect(statSync(png).size).toBeGreaterThan(10_000)
  })

  it("quotes a scenario on every rule page, and says so when a rule has none", () => {
    const examples = scenarioExamples()
    const untested = allRules().filter((r) => !examples.has(r.id))
    // every shipped rule and guard is expected by some example scenario …
    expect(untested.map((r) => r.id)).toEqual([])
    // … and a rule without one (a plugin's, say) gets a page that says so instead of an example
    const page = renderRulePage({ ...allRules()[0]!, id: "example.unscenarioed" }, [], defaultOutDir)
    expect(page).toContain("No scenario in `examples/scenarios/` expects this rule yet")
  })
})
