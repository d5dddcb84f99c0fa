/**
 * Generates the rule reference of the typedoc site from the live registries:
 * a page per rule (every stage rule of `Plugin.baseRules` and every lifecycle
 * guard of `Guard.all`) with its titles, section, legal basis, the parameters
 * it reads and the scenario steps of `examples/scenarios/` that expect it; a
 * rules index grouped by plan section; and the parameter reference
 * (`Parameter.catalogue`).
 *
 * The pages are written to `docs/rules/` (gitignored), which `typedoc.json`
 * includes through `projectDocuments`. Run by `node scripts/docs.mjs`, or
 * alone: `npx tsx scripts/rule-pages.ts [outDir]`.
 */
import { Guard, type LegalBasis, Parameter, Plugin, type Rule } from "@gsyf/core"
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { isMap, isSeq, LineCounter, type Node as YamlNode, parse as parseYaml, parseDocument } from "yaml"
import * as LegalTexts from "./legal-texts.js"

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..")

/** Where the generated pages go by default. */
export const defaultOutDir = join(repoRoot, "docs", "rules")

/** Where the example scenarios are. */
export const scenariosDir = join(repoRoot, "examples", "scenarios")

/** The sample city's parameter file. */
export const samplePlanFile = join(repoRoot, "examples", "plans", "seed-2026.yaml")

// ── the registry ───────────────────────────────────────────────────────────

/** A documented rule: a stage rule or a lifecycle guard. */
export interface RuleDoc {
  readonly id: string
  readonly kind: "stage rule" | "lifecycle guard"
  /** The stage a stage rule runs at (`plan`, `payment` …), `lifecycle` for a guard. */
  readonly stage: string
  readonly title: { readonly zh: string; readonly en: string }
  readonly section: string
  readonly basis: ReadonlyArray<LegalBasis.LegalBasis>
  readonly description: string
  readonly reads: ReadonlyArray<string>
}

/** Every rule gsyf ships: the stage rules in stage order, then the guards in plan order. */
export const allRules = (): ReadonlyArray<RuleDoc> => {
  const out: Array<RuleDoc> = []
  for (const stage of Object.keys(Plugin.baseRules) as Array<Plugin.Stage>) {
    for (const r of Plugin.baseRules[stage] as ReadonlyArray<Rule.Rule<never>>) {
      out.push({
        id: r.id,
        kind: "stage rule",
        stage,
        title: r.title,
        section: r.section,
        basis: r.basis,
        description: r.description,
        reads: r.reads
      })
    }
  }
  for (const g of Guard.all) {
    out.push({
      id: g.id,
      kind: "lifecycle guard",
      stage: "lifecycle",
      title: g.title,
      section: g.section,
      basis: g.basis,
      description: g.description,
      reads: g.reads
    })
  }
  return out
}

// ── plan sections ──────────────────────────────────────────────────────────

/** A group of the rules index: a section of the plan. */
export interface SectionGroup {
  readonly key: string
  readonly zh: string
  readonly en: string
}

/** The groups of the rules index, in plan order (the seed plan's own headings). */
export const sectionGroups: ReadonlyArray<SectionGroup> = [
  { key: "三", zh: "工作内容及工作步骤(总体)", en: "Work content and steps (as a whole)" },
  { key: "三(一)", zh: "确定工伤预防重点领域", en: "Choosing the key areas" },
  { key: "三(二)", zh: "确定工伤预防实施项目", en: "Deciding the projects (issuing the plan)" },
  { key: "三(三)", zh: "工伤预防费用审批", en: "Approval of the prevention fee (budget)" },
  { key: "三(四)", zh: "采购需求公示", en: "Publicity of the procurement requirements" },
  { key: "三(五)", zh: "项目招标采购", en: "Procurement" },
  { key: "三(六)", zh: "签订合同", en: "Signing the contract" },
  { key: "三(七)", zh: "项目实施", en: "Implementation" },
  { key: "三(八)", zh: "过程监督", en: "Supervision" },
  { key: "三(九)", zh: "项目验收", en: "Acceptance" },
  { key: "四", zh: "工伤预防项目宣传培训内容", en: "Publicity and training content (quotas, deliverables)" },
  { key: "五", zh: "项目服务范围及时间要求", en: "Service scope and time limits" },
  { key: "六", zh: "经费管理", en: "Fund management (budget cap, payments)" },
  { key: "七", zh: "工作要求", en: "Work requirements (coordination, supervision)" },
  { key: "通用", zh: "通用(角色、输入、日历、参数)", en: "Across the plan (roles, input, calendar, parameters)" }
]

/** The index group of a rule's section: `三(四)(五)` → `三(四)`, `四(二)③` → `四`, `二、三、七` or `—` → `通用`. */
export const groupOf = (section: string): string => {
  const three = /^三(\([一二三四五六七八九]\))?/.exec(section)
  if (three !== null) return three[0]
  const top = /^([四五六七])/.exec(section)
  if (top !== null) return top[1]!
  return "通用"
}

// ── scenarios ──────────────────────────────────────────────────────────────

/** A scenario step (or a configuration error) that expects a rule. */
export interface ScenarioExample {
  /** Absolute path of the scenario file. */
  readonly file: string
  /** Path relative to the repository root, with `/`. */
  readonly relativePath: string
  readonly name: string
  readonly description: string
  /** 1-based step number, or `undefined` for an expected configuration error. */
  readonly step: number | undefined
  /** 1-based line of the step (or of `configError`). */
  readonly line: number
  /**
   * How the rule is expected: `rejected` (a rejection naming it), `finding` (a finding of it), `evaluation`
   * (an expected event recording its evaluation, e.g. the parameters a deadline was computed from), `configError`.
   */
  readonly how: ReadonlyArray<"rejected" | "finding" | "evaluation" | "configError">
  /** The YAML shown on the page: the scenario's header and the step, verbatim. */
  readonly excerpt: string
  /** The step's date, actor and command (`undefined` for a configuration error). */
  readonly date?: string | undefined
  readonly actor?: string | undefined
  readonly command?: string | undefined
  /** The tag of the expected rejection, if the step expects one. */
  readonly rejectedTag?: string | undefined
  /** The expected findings of the rule: severity and path. */
  readonly findings?: ReadonlyArray<{ readonly severity: string; readonly path: string | undefined }>
}

const yamlFiles = (dir: string): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry)
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full))
    else if (/\.ya?ml$/.test(entry)) out.push(full)
  }
  return out
}

const asArray = (u: unknown): ReadonlyArray<unknown> => (Array.isArray(u) ? u : [])
const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/** The rule ids a step's `expect` names, and how. */
const expectedRules = (expect: unknown): Map<string, Set<"rejected" | "finding" | "evaluation">> => {
  const out = new Map<string, Set<"rejected" | "finding" | "evaluation">>()
  const add = (id: unknown, how: "rejected" | "finding" | "evaluation") => {
    if (typeof id !== "string") return
    out.set(id, (out.get(id) ?? new Set()).add(how))
  }
  if (!isRecord(expect)) return out
  if (isRecord(expect.rejected)) { for (const id of asArray(expect.rejected.rules)) add(id, "rejected") }
  for (const f of asArray(expect.findings)) if (isRecord(f)) add(f.rule, "finding")
  for (const e of asArray(expect.events)) {
    if (isRecord(e)) { for (const ev of asArray(e.evaluations)) if (isRecord(ev)) add(ev.ruleId, "evaluation") }
  }
  return out
}

const str = (
  u: unknown
): string | undefined => (typeof u === "string" ? u : u instanceof Date ? u.toISOString().slice(0, 10) : undefined)

/** What a step does and what it expects, for the example's narrative. */
const stepFacts = (step: unknown) => {
  const s = isRecord(step) ? step : {}
  const expect = isRecord(s.expect) ? s.expect : {}
  const command = isRecord(s.command) ? str(s.command._tag) ?? str(s.command.tag) : str(s.command)
  return {
    date: str(s.date),
    actor: str(s.actor),
    command,
    rejectedTag: isRecord(expect.rejected) ? str(expect.rejected.tag) : undefined,
    findings: asArray(expect.findings).filter(isRecord).map((f) => ({
      rule: str(f.rule),
      severity: str(f.severity) ?? "error",
      path: str(f.path)
    }))
  }
}

const lineStart = (text: string, offset: number): number => text.lastIndexOf("\n", offset - 1) + 1

/** The verbatim text of a node, from the start of its first line to its end. */
const nodeText = (text: string, node: YamlNode | null | undefined): string => {
  const range = node?.range
  if (range === undefined || range === null) return ""
  return text.slice(lineStart(text, range[0]), range[1]).replace(/\s+$/, "")
}

/**
 * Every scenario example under `dir`, keyed by rule id: steps whose `expect`
 * names the rule in `rejected.rules` or `findings`, and configuration errors
 * whose `target` names it.
 */
export const scenarioExamples = (dir: string = scenariosDir): ReadonlyMap<string, ReadonlyArray<ScenarioExample>> => {
  const out = new Map<string, Array<ScenarioExample>>()
  const push = (id: string, example: ScenarioExample) => out.set(id, [...(out.get(id) ?? []), example])
  for (const file of yamlFiles(dir)) {
    const text = readFileSync(file, "utf8")
    const lines = new LineCounter()
    const doc = parseDocument(text, { lineCounter: lines })
    if (doc.errors.length > 0 || !isMap(doc.contents)) continue
    const data = doc.toJS() as Record<string, unknown>
    const name = typeof data.name === "string" ? data.name : relative(dir, file)
    const description = typeof data.description === "string" ? data.description.trim() : ""
    const relativePath = relative(repoRoot, file).split("\\").join("/")
    // the header: every top-level entry but the description and the steps
    const header = doc.contents.items
      .filter((pair) => {
        const key = String((pair.key as { value?: unknown } | null)?.value ?? "")
        return key !== "description" && key !== "steps" && key !== "configError"
      })
      .map((pair) => {
        const start = lineStart(text, (pair.key as YamlNode).range![0])
        const end = (pair.value as YamlNode | null)?.range?.[1] ?? (pair.key as YamlNode).range![1]
        return text.slice(start, end).replace(/\s+$/, "")
      })
      .join("\n")
    const configError = data.configError
    if (isRecord(configError) && typeof configError.target === "string") {
      const node = doc.contents.items.find((p) => String((p.key as { value?: unknown }).value) === "configError")!
      const excerpt = [
        header,
        text.slice(lineStart(text, (node.key as YamlNode).range![0]), (node.value as YamlNode).range![1]).replace(
          /\s+$/,
          ""
        )
      ].join("\n")
      const line = lines.linePos((node.key as YamlNode).range![0]).line
      for (const rule of allRules()) {
        if (configError.target === rule.id || configError.target.endsWith(`/${rule.id}`)) {
          push(rule.id, { file, relativePath, name, description, step: undefined, line, how: ["configError"], excerpt })
        }
      }
    }
    const steps = doc.contents.get("steps", true)
    if (!isSeq(steps)) continue
    const stepsData = asArray(data.steps)
    steps.items.forEach((item, i) => {
      const expected = expectedRules(isRecord(stepsData[i]) ? stepsData[i].expect : undefined)
      if (expected.size === 0) return
      const node = item as YamlNode
      const omitted = i === 0 ? [] : [`  # … ${i === 1 ? "step 1" : `steps 1–${i}`} omitted`]
      const excerpt = [header, "steps:", ...omitted, nodeText(text, node)].filter((s) => s !== "").join("\n")
      const line = lines.linePos(node.range![0]).line
      const facts = stepFacts(stepsData[i])
      for (const [id, how] of expected) {
        push(id, {
          file,
          relativePath,
          name,
          description,
          step: i + 1,
          line,
          how: [...how].sort(),
          excerpt,
          ...facts,
          findings: facts.findings.filter((f) => f.rule === id).map(({ path, severity }) => ({ path, severity }))
        })
      }
    })
  }
  return out
}

// ── rendering ──────────────────────────────────────────────────────────────

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ")

const levelLabel: Record<LegalBasis.Level, string> = {
  plan: "plan · 实施方案",
  national: "national · 国家",
  provincial: "provincial · 省级",
  city: "city · 城市",
  contract: "contract · 合同",
  gsyf: "gsyf convention · gsyf 约定"
}

const quoteBlock = (q: LegalTexts.Quotation): ReadonlyArray<string> =>
  q.passages.flatMap((p) => [
    "",
    // one paragraph a line of the text (a quote's lines would otherwise run together)
    ...p.text.split("\n").flatMap((l, i) => [
      ...(i === 0 ? [] : ["  >"]),
      `  > ${i === 0 && p.label !== "" ? `**${p.label}** ` : ""}${escapeMd(l)}`
    ]),
    "",
    `  ${LegalTexts.kindLabel[p.kind]}${q.title === undefined ? "" : ` — ${q.title}`}; ${
      p.kind === "convention" ? "no source" : `source: ${escapeMd(p.source)}; confidence ${p.confidence}`
    }`
  ])

/** The legal basis of a rule, each citation with the text it quotes (or a plain line if none is copied). */
const basisLines = (basis: ReadonlyArray<LegalBasis.LegalBasis>, library: LegalTexts.Library): string =>
  basis.map((b) => {
    const head = `- **${b.citation}** (${levelLabel[b.level]})${
      b.note === undefined || b.level === "gsyf" ? "" : ` — ${b.note}`
    }`
    const q = LegalTexts.quote(library, b)
    return "quotation" in q ? [head, ...quoteBlock(q.quotation)].join("\n") : head
  }).join("\n\n")

/** Characters Markdown would read as markup in a quoted text. */
const escapeMd = (s: string): string => s.replace(/([\\`*_<>[\]|])/g, "\\$1")

const unitLabel: Record<Parameter.Unit, string> = {
  "wan-yuan": "万元 (wan-yuan)",
  yuan: "元 (yuan)",
  percent: "% (percent)",
  "calendar-days": "自然日 (calendar days)",
  "working-days": "工作日 (working days)",
  days: "日 (days)",
  months: "月 (months)",
  minutes: "分钟 (minutes)",
  count: "个 (count)",
  people: "人 (people)",
  sessions: "场 (sessions)",
  "day-of-month": "日 (day of the month)",
  year: "年 (year)",
  text: "文本 (text)",
  choice: "选项 (choice)",
  list: "列表 (list)",
  record: "记录 (record)",
  flag: "是/否 (flag)"
}

const showValue = (value: unknown): string => {
  const text = typeof value === "string" ? value : JSON.stringify(value)
  return "`" + (text.length > 80 ? `${text.slice(0, 77)}…` : text).replace(/`/g, "'") + "`"
}

/** The default of a parameter as the reference shows it. */
export const defaultText = (d: Parameter.Definition): string => {
  if (d.default !== undefined) {
    return `${showValue(d.default.value)} — ${d.default.basis.citation}${
      d.default.basis.note === undefined ? "" : `(${d.default.basis.note})`
    }`
  }
  if (d.optional === true) return "none (optional: may be left unset)"
  return "no national default — the city must give it"
}

/** The file name of a rule's page. */
export const pageFile = (id: string): string => `${id}.md`

/**
 * The anchor typedoc gives a Markdown heading (its `Slugger`, lower-cased), so that links into the index and the
 * parameter reference resolve.
 */
export const headingAnchor = (heading: string): string =>
  (
    heading
      .trim()
      .replace(/[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g, "")
      .replace(/\s/g, "-")
      .replace(/--+/, "-") || "_"
  ).toLocaleLowerCase()

const groupHeading = (g: SectionGroup): string => `${g.key} ${g.zh} — ${g.en}`

const sampleValues = (): Record<string, unknown> => {
  const file = parseYaml(readFileSync(samplePlanFile, "utf8")) as { parameters?: Record<string, unknown> }
  return file.parameters ?? {}
}

const severityZh: Record<string, string> = { error: "错误", warning: "警告", info: "提示" }

/** What the example shows, in Chinese then in English. */
export const narrative = (rule: RuleDoc, e: ScenarioExample): { readonly zh: string; readonly en: string } => {
  if (e.step === undefined) {
    return {
      zh: `场景“${e.name}”加载插件时,插件与规则 \`${rule.id}\`(${rule.title.zh})冲突,加载即报告配置错误,场景不运行。`,
      en:
        `When the scenario "${e.name}" loads its plugins, a plugin conflicts with rule \`${rule.id}\` (${rule.title.en}); the configuration error is reported at load time and no step runs.`
    }
  }
  const who = `${e.date ?? ""}${e.date === undefined ? "" : ","}${e.actor ?? "?"} 发出命令 \`${e.command ?? "?"}\``
  const whoEn = `${e.date === undefined ? "" : `on ${e.date} `}${e.actor ?? "?"} gives the command \`${
    e.command ?? "?"
  }\``
  const zh: Array<string> = []
  const en: Array<string> = []
  if (e.how.includes("rejected")) {
    zh.push(`拒绝该命令${e.rejectedTag === undefined ? "" : `(\`${e.rejectedTag}\`)`}`)
    en.push(`rejects it${e.rejectedTag === undefined ? "" : ` (\`${e.rejectedTag}\`)`}`)
  }
  for (const f of e.findings ?? []) {
    zh.push(`给出${severityZh[f.severity] ?? f.severity}级发现${f.path === undefined ? "" : `,指向 \`${f.path}\``}`)
    en.push(`reports a finding of severity ${f.severity}${f.path === undefined ? "" : ` at \`${f.path}\``}`)
  }
  if (e.how.includes("evaluation")) {
    zh.push("经评估,评估结果及其依据的参数记入事件")
    en.push("is evaluated, and the event records the evaluation with the parameters it read")
  }
  return {
    zh: `场景“${e.name}”第 ${e.step} 步:${who};规则 \`${rule.id}\`(${rule.title.zh})${zh.join(",并")}。`,
    en: `Scenario "${e.name}", step ${e.step}: ${whoEn}; rule \`${rule.id}\` (${rule.title.en}) ${en.join(", and ")}.`
  }
}

const scenarioBlock = (rule: RuleDoc, e: ScenarioExample, fromDir: string): string => {
  const link = relative(fromDir, e.file).split("\\").join("/")
  const where = e.step === undefined ? `its \`configError\` (line ${e.line})` : `step ${e.step} (line ${e.line})`
  const told = narrative(rule, e)
  return [
    `### ${e.name}`,
    "",
    `**示例** ${told.zh}`,
    "",
    `**Example** ${told.en}`,
    "",
    `[${e.relativePath}](${link}) — ${where}.`,
    "",
    ...(e.description === "" ? [] : [`> ${e.description.replace(/\n/g, " ")}`, ""]),
    "```yaml",
    e.excerpt,
    "```",
    ""
  ].join("\n")
}

/** The Markdown page of one rule. */
export const rulePage = (
  rule: RuleDoc,
  examples: ReadonlyArray<ScenarioExample>,
  outDir: string,
  library: LegalTexts.Library = LegalTexts.load()
): string => {
  const group = sectionGroups.find((g) => g.key === groupOf(rule.section))!
  const reads = rule.reads.map((name) => {
    const d = Parameter.catalogue.get(name)
    return d === undefined
      ? `| \`${name}\` | — | — | — |`
      : `| [\`${name}\`](parameters.md#${headingAnchor(name)}) | ${cell(d.title.zh)} / ${cell(d.title.en)} | ${
        unitLabel[d.unit]
      } | ${cell(defaultText(d))} |`
  })
  return [
    "---",
    `title: ${rule.id}`,
    "---",
    "",
    `# ${rule.id}`,
    "",
    `**${rule.title.zh}** — ${rule.title.en}`,
    "",
    "| | |",
    "| --- | --- |",
    `| Rule id | \`${rule.id}\` |`,
    `| Kind | ${
      rule.kind === "stage rule"
        ? `stage rule, evaluated at the \`${rule.stage}\` stage (\`Plugin.baseRules.${rule.stage}\`)`
        : "lifecycle guard (`Guard.all`), checked inline by the project decider"
    } |`,
    `| Plan section | 实施方案 ${rule.section} — [${group.key} ${group.zh}](index.md#${
      headingAnchor(groupHeading(group))
    }) |`,
    "",
    "## Description",
    "",
    rule.description,
    "",
    "## Legal basis",
    "",
    basisLines(rule.basis, library),
    "",
    "## Parameters read",
    "",
    ...(reads.length === 0
      ? ["The rule reads no parameter."]
      : ["| Parameter | Title | Unit | Default |", "| --- | --- | --- | --- |", ...reads]),
    "",
    "## Scenario example",
    "",
    ...(examples.length === 0
      ? [
        "No scenario in `examples/scenarios/` expects this rule yet, so no example is shown (only tested scenarios are quoted here)."
      ]
      : [
        `Each excerpt below is quoted verbatim from a scenario file run by \`packages/scenarios/test/Scenario.test.ts\` (and by \`gsyf test\`); the step${
          examples.length === 1 ? "" : "s"
        } shown expect${examples.length === 1 ? "s" : ""} this rule.`,
        "",
        ...examples.map((e) => scenarioBlock(rule, e, outDir))
      ]),
    ""
  ].join("\n")
}

/** The rules index, grouped by plan section. */
export const indexPage = (
  rules: ReadonlyArray<RuleDoc>,
  examples: ReadonlyMap<string, ReadonlyArray<ScenarioExample>>
): string => {
  const out: Array<string> = [
    "---",
    "title: Rule reference",
    "group: Reference",
    "children:",
    ...sectionGroups.flatMap((g) =>
      rules.filter((r) => groupOf(r.section) === g.key).map((r) => `  - ./${pageFile(r.id)}`)
    ),
    "---",
    "",
    "# Rule reference · 规则索引",
    "",
    `Every rule id a rejection or a finding can carry: the ${
      rules.filter((r) => r.kind === "stage rule").length
    } stage rules of \`Plugin.baseRules\` and the ${
      rules.filter((r) => r.kind === "lifecycle guard").length
    } lifecycle guards of \`Guard.all\`, ${rules.length} in all, grouped by the section of the implementation plan (实施方案) they belong to. Generated from the live registries; a rule whose id a scenario of \`examples/scenarios/\` expects shows that scenario. See also the [parameter reference](parameters.md).`,
    "",
    // the site's stylesheet (docs/site.css) gives a page marked so the room of the "on this page" column
    "<div class=\"gsyf-wide\">",
    ""
  ]
  for (const g of sectionGroups) {
    const inGroup = rules.filter((r) => groupOf(r.section) === g.key)
    out.push(`## ${groupHeading(g)}`, "")
    if (inGroup.length === 0) {
      out.push("No rule of its own: the plan's requirements here are carried by the rules of the other sections.", "")
      continue
    }
    out.push(
      "| Rule · 规则 | Title · 标题 | Section · 条款 | Basis · 依据 | Parameters · 参数 |",
      "| --- | --- | --- | --- | --- |"
    )
    for (const r of inGroup) {
      const n = examples.get(r.id)?.length ?? 0
      const kind = r.kind === "stage rule" ? `stage \`${r.stage}\`` : "guard"
      const basis = r.basis.map((b) => cell(b.citation)).join("; ")
      const reads = r.reads.map((name) => `[\`${name}\`](parameters.md#${headingAnchor(name)})`).join(", ")
      out.push(
        `| [\`${r.id}\`](${pageFile(r.id)}) (${kind}${n === 0 ? "" : `, ${n} scenario${n === 1 ? "" : "s"}`}) | ${
          cell(r.title.zh)
        } · ${cell(r.title.en)} | ${cell(r.section)} | ${basis === "" ? "—" : basis} | ${reads === "" ? "—" : reads} |`
      )
    }
    out.push("")
  }
  out.push("</div>", "")
  return out.join("\n")
}

/** The parameter reference. */
export const parametersPage = (): string => {
  const sample = sampleValues()
  const usedBy = new Map<string, Array<string>>()
  for (const r of allRules()) for (const name of r.reads) usedBy.set(name, [...(usedBy.get(name) ?? []), r.id])
  const out: Array<string> = [
    "---",
    "title: Parameter reference",
    "group: Reference",
    "---",
    "",
    "# Parameter reference · 参数",
    "",
    `Every blank \`x\` of the plan is one of the ${Parameter.catalogue.size} parameters of \`Parameter.catalogue\`. A parameter with a national default carries the text that fixes it; one without must be given by the city in its parameter file (the sample city's is \`examples/plans/seed-2026.yaml\`, shown in the last line of each entry).`,
    "",
    "| Parameter | Title | Unit | Section | Default |",
    "| --- | --- | --- | --- | --- |",
    ...[...Parameter.catalogue.values()].map(
      (d) =>
        `| [\`${d.name}\`](#${headingAnchor(d.name)}) | ${cell(d.title.zh)} | ${unitLabel[d.unit]} | ${
          cell(d.section)
        } | ${d.default !== undefined ? "national" : d.optional === true ? "optional" : "city"} |`
    ),
    ""
  ]
  for (const d of Parameter.catalogue.values()) {
    const rules = usedBy.get(d.name) ?? []
    out.push(
      `## ${d.name}`,
      "",
      `**${d.title.zh}** — ${d.title.en}`,
      "",
      "| | |",
      "| --- | --- |",
      `| Unit | ${unitLabel[d.unit]} |`,
      `| Section | 实施方案 ${cell(d.section)}${
        d.subProject === undefined ? "" : ` (sub-project \`${d.subProject}\`)`
      } |`,
      `| Basis | ${cell(d.basis.citation)} (${levelLabel[d.basis.level]})${
        d.basis.note === undefined ? "" : ` — ${cell(d.basis.note)}`
      } |`,
      `| Default | ${cell(defaultText(d))} |`,
      `| Read by | ${rules.length === 0 ? "—" : rules.map((id) => `[\`${id}\`](${pageFile(id)})`).join(", ")} |`,
      `| 示例市 (seed-2026.yaml) | ${d.name in sample ? cell(showValue(sample[d.name])) : "not set"} |`,
      "",
      d.description,
      ""
    )
  }
  return out.join("\n")
}

/** What {@link generate} wrote. */
export interface Generated {
  readonly outDir: string
  readonly rules: ReadonlyArray<RuleDoc>
  readonly examples: ReadonlyMap<string, ReadonlyArray<ScenarioExample>>
  readonly files: ReadonlyArray<string>
}

/** Writes the index, a page per rule and the parameter reference to `outDir` (emptied first). */
export const generate = (outDir: string = defaultOutDir): Generated => {
  const rules = allRules()
  const seen = new Set<string>()
  for (const r of rules) {
    if (seen.has(r.id)) throw new Error(`rule id ${r.id} is both a stage rule and a guard (or listed twice)`)
    seen.add(r.id)
  }
  const examples = scenarioExamples()
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const files: Array<string> = []
  const write = (name: string, text: string) => {
    const file = join(outDir, name)
    writeFileSync(file, text)
    files.push(file)
  }
  write("index.md", indexPage(rules, examples))
  write("parameters.md", parametersPage())
  const library = LegalTexts.load()
  for (const r of rules) write(pageFile(r.id), rulePage(r, examples.get(r.id) ?? [], outDir, library))
  return { outDir, rules, examples, files }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = generate(process.argv[2] === undefined ? defaultOutDir : resolve(process.argv[2]))
  const withExample = result.rules.filter((r) => (result.examples.get(r.id)?.length ?? 0) > 0).length
  console.log(
    `rule pages: ${result.rules.length} rules (${withExample} with a scenario example), index and parameter reference written to ${
      relative(process.cwd(), result.outDir) || "."
    }`
  )
}
