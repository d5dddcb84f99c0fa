/**
 * Reports of scenario results: a readable text per result with each failed
 * expectation's path, `file:line`, expected and actual values (coloured only
 * when asked), a summary of many results, and JUnit XML for CI.
 *
 * @since 0.2.0
 */
import { Lifecycle } from "@gsyf/core"
import { relative } from "node:path"
import { plain } from "./internal/compare.js"
import { escapeXml } from "./internal/xml.js"
import type { Failure, Result } from "./Run.js"

/**
 * Options of {@link formatResult}.
 *
 * @since 0.1.0
 * @category models
 */
export interface FormatOptions {
  /** ANSI colours (off by default). */
  readonly color?: boolean | undefined
  /** Show passing steps too. */
  readonly verbose?: boolean | undefined
  /** Paths are shown relative to this folder (default: the current one). */
  readonly relativeTo?: string | undefined
}

const longest = 600

/** A value for a report: JSON, long texts cut (a document's whole text would drown the diff). */
const show = (u: unknown): string => {
  let text: string
  try {
    text = typeof u === "string" ? JSON.stringify(u) : (JSON.stringify(plain(u)) ?? String(u))
  } catch {
    text = String(u)
  }
  return text.length > longest ? `${text.slice(0, longest)}… (${text.length - longest} more characters)` : text
}

/**
 * A readable report of one result: each failed expectation with its path,
 * line, expected and actual values (coloured only when asked).
 *
 * @since 0.1.0
 * @category reports
 */
export const formatResult = (result: Result, options: FormatOptions = {}): string => {
  const c = (code: string, s: string) => (options.color === true ? `\u001b[${code}m${s}\u001b[0m` : s)
  const file = relative(options.relativeTo ?? process.cwd(), result.file) || result.file
  const lines: Array<string> = [`${result.ok ? c("32", "✓") : c("31", "✗")} ${file} — ${result.name}`]
  const failure = (f: Failure) => {
    lines.push(`    ${c("1", f.path)} (${file}:${f.line})`)
    lines.push(`      ${c("32", "- expected:")} ${show(f.expected)}`)
    lines.push(`      ${c("31", "+ actual:  ")} ${show(f.actual)}`)
  }
  if (result.error !== undefined) { for (const i of result.error.issues) lines.push(`  ${c("31", "error")} ${i.text}`) }
  for (const r of result.readings ?? []) {
    lines.push(`  ${c("2", "read")} ${r.path} (${file}:${r.line}): ${r.zh} / ${r.en}`)
  }
  if (result.configFailures.length > 0) {
    lines.push(`  configure`)
    result.configFailures.forEach(failure)
  }
  for (const s of result.steps) {
    if (s.ok && options.verbose !== true) continue
    const what = s.outcome === "rejected"
      ? `rejected ${s.rejection!._tag} [${Lifecycle.ruleIdsOf(s.rejection!).join(", ")}]`
      : s.outcome === "accepted"
      ? `[${s.events.map((e) => e._tag).join(", ")}]`
      : "check"
    lines.push(
      `  ${s.ok ? c("32", "✓") : c("31", "✗")} step ${s.index + 1} ${s.name} ${s.date} (line ${s.line}): ${what}`
    )
    s.failures.forEach(failure)
  }
  return lines.join("\n")
}

/**
 * A summary of many results: one report per result, then the totals.
 *
 * @since 0.1.0
 * @category reports
 */
export const formatResults = (results: ReadonlyArray<Result>, options: FormatOptions = {}): string => {
  const failed = results.filter((r) => !r.ok).length
  const steps = results.reduce((n, r) => n + r.steps.length, 0)
  return [
    ...results.map((r) => formatResult(r, options)),
    `${results.length} scenarios, ${steps} steps: ${results.length - failed} passed, ${failed} failed`
  ].join("\n")
}

/**
 * JUnit XML: one test suite per scenario, one test case per step (and one
 * for configuring when it fails or is what the scenario checks).
 *
 * @since 0.1.0
 * @category reports
 */
export const junit = (
  results: ReadonlyArray<Result>,
  options: { readonly relativeTo?: string | undefined } = {}
): string => {
  const suites: Array<string> = []
  let tests = 0
  let failures = 0
  let errors = 0
  for (const r of results) {
    const file = relative(options.relativeTo ?? process.cwd(), r.file) || r.file
    const cases: Array<string> = []
    let sFailures = 0
    let sErrors = 0
    if (r.error !== undefined) {
      sErrors++
      cases.push(
        `    <testcase classname="${escapeXml(file)}" name="load and configure"><error message="${
          escapeXml(r.error.issues[0]?.en ?? "error")
        }">${escapeXml(r.error.message)}</error></testcase>`
      )
    }
    if (r.error === undefined && r.steps.length === 0) {
      const text = formatResult(r)
      if (r.configFailures.length > 0) sFailures++
      cases.push(
        `    <testcase classname="${escapeXml(file)}" name="configure">${
          r.configFailures.length > 0
            ? `<failure message="${escapeXml(`${r.configFailures.length} expectation(s) failed`)}">${
              escapeXml(text)
            }</failure>`
            : ""
        }</testcase>`
      )
    }
    for (const s of r.steps) {
      const name = `step ${s.index + 1}: ${s.name} (${s.date})`
      if (s.ok) cases.push(`    <testcase classname="${escapeXml(file)}" name="${escapeXml(name)}"/>`)
      else {
        sFailures++
        const detail = s.failures.map((f) =>
          `${f.path} (line ${f.line})\n  expected: ${show(f.expected)}\n  actual:   ${show(f.actual)}`
        ).join("\n")
        cases.push(
          `    <testcase classname="${escapeXml(file)}" name="${escapeXml(name)}"><failure message="${
            escapeXml(`${s.failures.length} expectation(s) failed`)
          }">${escapeXml(detail)}</failure></testcase>`
        )
      }
    }
    tests += cases.length
    failures += sFailures
    errors += sErrors
    suites.push(
      `  <testsuite name="${escapeXml(r.name)}" file="${
        escapeXml(file)
      }" tests="${cases.length}" failures="${sFailures}" errors="${sErrors}">\n${cases.join("\n")}\n  </testsuite>`
    )
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="gsyf scenarios" tests="${tests}" failures="${failures}" errors="${errors}">\n${
    suites.join("\n")
  }\n</testsuites>\n`
}
