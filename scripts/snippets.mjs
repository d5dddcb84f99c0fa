// Code in the Markdown docs comes from tested files, so it shows as code on GitHub and npm and cannot go stale:
// a marker line `<!-- snippet: path/to/file.ts#region -->` (indented inside a list item if need be) (path from the
// repository root; `#region` optional,
// the whole file without it) is followed by a fenced block that this script writes from the file's
// `// #region name` … `// #endregion name` lines (`# #region` in YAML). `--check` fails when a block is stale.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"

const root = new URL("..", import.meta.url).pathname
const check = process.argv.includes("--check")
const marker = /^(\s*)<!-- snippet: ([^#\s]+)(?:#([\w-]+))? -->$/

const markdownFiles = () => {
  const out = [join(root, "README.md")]
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name)
      if (name === "node_modules" || name === "site" || name === "rules" || name === "api") continue
      if (statSync(p).isDirectory()) walk(p)
      else if (name.endsWith(".md")) out.push(p)
    }
  }
  walk(join(root, "docs"))
  for (const pkg of readdirSync(join(root, "packages"))) {
    const readme = join(root, "packages", pkg, "README.md")
    if (existsSync(readme)) out.push(readme)
  }
  return out
}

const language = (file) => ({ ts: "ts", mts: "ts", cts: "ts", js: "js", mjs: "js", cjs: "js", yaml: "yaml", yml: "yaml", json: "json", sh: "sh" })[file.split(".").pop()] ?? ""

const dedent = (lines) => {
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)[0].length))
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0))
}

const region = (file, name) => {
  const path = join(root, file)
  if (!existsSync(path)) throw new Error(`no such file: ${file}`)
  const lines = readFileSync(path, "utf8").replace(/\n$/, "").split("\n")
  if (name === undefined) return lines
  const start = lines.findIndex((l) => new RegExp(`^\\s*(//|#) #region ${name}$`).test(l))
  const end = lines.findIndex((l) => new RegExp(`^\\s*(//|#) #endregion ${name}$`).test(l))
  if (start < 0 || end < start) throw new Error(`${file} has no region ${name}`)
  return dedent(lines.slice(start + 1, end).filter((l) => !/^\s*(\/\/|#) #(end)?region /.test(l)))
}

const stale = []
for (const md of markdownFiles()) {
  const lines = readFileSync(md, "utf8").split("\n")
  const out = []
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i])
    const m = marker.exec(lines[i])
    if (m === null) continue
    const [, indent, file, name] = m
    // drop the fenced block that follows (if any), then write the current one, indented like the marker
    let j = i + 1
    if (lines[j]?.trimStart().startsWith("```")) {
      j++
      while (j < lines.length && !lines[j].trimStart().startsWith("```")) j++
      j++
    }
    const code = region(file, name).map((l) => (l === "" ? "" : indent + l))
    out.push(indent + "```" + language(file), ...code, indent + "```")
    i = j - 1
  }
  const text = out.join("\n")
  if (text !== lines.join("\n")) {
    stale.push(relative(root, md))
    if (!check) writeFileSync(md, text)
  }
}
// Relative links in the Markdown files point at files that exist without a build, or at a page the rule
// reference generator writes into docs/rules/ (gitignored): its index, its parameter page, or a rule whose id
// is written in a package's source.
const sourceText = (() => {
  const parts = []
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name)
      if (name === "node_modules" || name === "dist") continue
      if (statSync(p).isDirectory()) walk(p)
      else if (name.endsWith(".ts")) parts.push(readFileSync(p, "utf8"))
    }
  }
  for (const pkg of readdirSync(join(root, "packages"))) {
    const src = join(root, "packages", pkg, "src")
    if (existsSync(src)) walk(src)
  }
  return parts.join("\n")
})()
const rulesDir = join(root, "docs", "rules")
const generated = (path) => {
  const rel = relative(rulesDir, path)
  if (rel.startsWith("..") || rel.includes("/") || !rel.endsWith(".md")) return false
  const id = rel.slice(0, -3)
  return id === "index" || id === "parameters" || sourceText.includes(`"${id}"`)
}
const broken = []
for (const md of markdownFiles()) {
  for (const m of readFileSync(md, "utf8").matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1].split("#")[0]
    if (target === "" || /^[a-z]+:/.test(target)) continue
    const path = join(md, "..", target)
    if (!existsSync(path) && !generated(path)) broken.push(`${relative(root, md)} → ${m[1]}`)
  }
}
if (broken.length > 0) {
  console.error("links to files that do not exist (before a build):\n" + broken.join("\n"))
  process.exit(1)
}
// Every README states the effect a host needs.
const silent = markdownFiles().filter((f) => f.endsWith("README.md") && !f.includes("/docs/"))
  .filter((md) => !readFileSync(md, "utf8").includes("^3.22.0"))
if (silent.length > 0) {
  console.error("READMEs that do not state the effect version a host needs:\n" + silent.map((f) => relative(root, f)).join("\n"))
  process.exit(1)
}
if (check && stale.length > 0) {
  console.error("snippets out of date (run node scripts/snippets.mjs):\n" + stale.join("\n"))
  process.exit(1)
}
if (!check && stale.length > 0) console.log(`snippets written: ${stale.join(", ")}`)
