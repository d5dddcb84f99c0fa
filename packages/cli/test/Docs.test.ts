/**
 * The documentation site: builds it once with `node scripts/docs.mjs` (rule
 * pages from the live registries, then typedoc with validation as errors),
 * checks the generated rule reference against the registries and the
 * scenario files, and opens the built site in headless Chromium: the rules
 * index must load with every rule id and read well at 1280 px (its columns
 * measured in the browser), and a rule page must quote its legal basis, tell
 * its example in Chinese before English and link back to its scenario file.
 * Screenshots are kept in test-artifacts/docs/.
 *
 * Chromium is located with the documents packages' helper: missing outside CI
 * skips the browser checks with a printed reason; missing in CI fails.
 */
import { Guard, Plugin } from "@gsyf/core"
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { basename, join } from "node:path"
import { fileURLToPath } from "node:url"
import { beforeAll, describe, expect, it } from "vitest"
import * as LegalTexts from "../../../scripts/legal-texts.js"
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

/** The text of a built page, tags removed and the common entities decoded. */
const pageText = (html: string): string =>
  html.replace(/<[^>]+>/g, "").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(
    /&gt;/g,
    ">"
  ).replace(/&amp;/g, "&")

/**
 * Measures the rules index as Chromium lays it out: the content column, each table against it, each column's width,
 * and how many characters a title cell holds per line. Runs in the page; its result is appended as JSON.
 */
const measureScript = `<script>
// typedoc hides the body until its script has set the page up: measure once it shows
const measure = () => {
  if (getComputedStyle(document.body).display === "none") return setTimeout(measure, 50)
  const content = document.querySelector(".col-content").getBoundingClientRect()
  const menu = document.querySelector(".page-menu")
  const tables = [...document.querySelectorAll(".gsyf-wide table")].map((t) => ({
    right: t.getBoundingClientRect().right,
    columns: [...t.querySelectorAll("thead th")].map((th) => th.getBoundingClientRect().width)
  }))
  const perLine = [...document.querySelectorAll(".gsyf-wide tbody td:nth-child(2)")].map((td) => {
    const range = document.createRange()
    range.selectNodeContents(td)
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
    return td.textContent.trim().length / Math.max(1, lines)
  })
  const out = document.createElement("pre")
  out.id = "gsyf-measure"
  out.textContent = JSON.stringify({
    viewport: innerWidth,
    content: { left: content.left, right: content.right, width: content.width },
    menuShown: menu !== null && getComputedStyle(menu).display !== "none",
    tables,
    perLine
  })
  document.body.append(out)
}
addEventListener("load", () => setTimeout(measure, 0))
</script>`

interface Measure {
  readonly viewport: number
  readonly content: { readonly left: number; readonly right: number; readonly width: number }
  readonly menuShown: boolean
  readonly tables: ReadonlyArray<{ readonly right: number; readonly columns: ReadonlyArray<number> }>
  readonly perLine: ReadonlyArray<number>
}

const measureIndex = async (): Promise<Measure> => {
  const copy = join(documents, "Rule_reference.measure.html")
  writeFileSync(
    copy,
    readFileSync(join(documents, "Rule_reference.html"), "utf8").replace("</body>", `${measureScript}</body>`)
  )
  try {
    const dom = await runOk(
      chromium.require(),
      [...chromiumFlags(), "--window-size=1280,1600", "--virtual-time-budget=5000", "--dump-dom", `file://${copy}`],
      { timeout: 90_000 }
    )
    const json = /<pre id="gsyf-measure">([^<]*)<\/pre>/.exec(dom)?.[1]
    if (json === undefined) throw new Error("the measuring script left no result")
    return JSON.parse(pageText(json)) as Measure
  } finally {
    rmSync(copy, { force: true })
  }
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

  it("prints the quoted text of every citation on every rule page", () => {
    const library = LegalTexts.load()
    for (const r of allRules()) {
      const text = pageText(readFileSync(rulePage(r.id), "utf8"))
      for (const b of r.basis) {
        const q = LegalTexts.quote(library, b)
        expect("quotation" in q, `${r.id}: ${b.citation}`).toBe(true)
        if (!("quotation" in q)) continue
        for (const p of q.quotation.passages) {
          const start = p.text.split("\n")[0]!.slice(0, 16)
          expect(text, `${r.id}: ${b.citation}`).toContain(start)
        }
      }
    }
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
  }, 180_000)

  it(
    "lays the rules index out readably at 1280 px: wide content, no column squeezed, no table overflowing",
    async () => {
      const m = await measureIndex()
      console.log(
        `rules index at ${m.viewport} px: content ${Math.round(m.content.width)} px, narrowest column ${
          Math.round(Math.min(...m.tables.flatMap((t) => t.columns)))
        } px, fewest title characters a line ${Math.min(...m.perLine).toFixed(1)}`
      )
      expect(m.viewport).toBe(1280)
      // the "on this page" column gives its room to the table (typedoc's default left it about 460 px)
      expect(m.menuShown).toBe(false)
      expect(m.content.width).toBeGreaterThan(900)
      expect(m.tables.length).toBe(
        sectionGroups.filter((g) => allRules().some((r) => groupOf(r.section) === g.key)).length
      )
      for (const t of m.tables) {
        // rule, title, section, basis, parameters: none narrower than 4 em, the wordy ones at least 150 px
        expect(t.columns.length).toBe(5)
        expect(Math.min(...t.columns)).toBeGreaterThanOrEqual(64)
        for (const i of [0, 1, 3, 4]) expect(t.columns[i]!).toBeGreaterThanOrEqual(150)
        expect(t.right).toBeLessThanOrEqual(m.content.right + 1)
      }
      // a title is read in lines of several words, not one or two characters a line
      expect(m.perLine.length).toBe(allRules().length)
      expect(Math.min(...m.perLine)).toBeGreaterThanOrEqual(8)
    },
    180_000
  )

  it("shows a rule page with its basis, its parameters and a link back to its scenario file", async () => {
    const dom = await dumpDom(rulePage("budget.fee-cap"))
    expect(dom).toContain("工伤预防费使用管理暂行办法")
    // the article's text, marked as the excerpt it is, with its source
    expect(dom).toContain("工伤预防费的使用原则上不得超过统筹地区上年度工伤保险基金征缴收入的3%")
    expect(dom).toContain("节录原文")
    // the example told in Chinese, then in English
    const zh = dom.indexOf("示例</strong> 场景")
    expect(zh).toBeGreaterThan(0)
    expect(dom.indexOf("Example</strong> Scenario")).toBeGreaterThan(zh)
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
  }, 180_000)

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
