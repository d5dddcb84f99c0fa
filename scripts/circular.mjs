// Fails when the import graph of the packages' sources has a cycle (value imports only: `import type` and
// `export type` vanish at run time), or when a module of @gsyf/core imports (values or types) from a layer above
// its own. Core's layers, lowest first, are its top folders: kernel ← rules ← lifecycle ← plugin ← runtime; every
// core source except the barrel lives in one of them.
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs"
import { dirname, join, resolve, relative } from "node:path"

const root = resolve(new URL("..", import.meta.url).pathname)
const packagesDir = join(root, "packages")
const files = []
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p)
    else if (p.endsWith(".ts") && !p.endsWith(".d.ts")) files.push(p)
  }
}
for (const pkg of readdirSync(packagesDir)) {
  const src = join(packagesDir, pkg, "src")
  if (existsSync(src)) walk(src)
}
const importRe = /^\s*(import|export)\s+(type\s+)?[^;'"]*?from\s+["']([^"']+)["']/gm
const resolveImport = (from, spec) => {
  if (spec.startsWith("@gsyf/")) {
    const entry = join(packagesDir, spec.slice(6), "src", "index.ts")
    return existsSync(entry) ? entry : undefined
  }
  if (!spec.startsWith(".")) return undefined
  const base = resolve(dirname(from), spec).replace(/\.js$/, "")
  for (const c of [`${base}.ts`, join(base, "index.ts")]) if (existsSync(c)) return c
  return undefined
}
const coreSrc = join(packagesDir, "core", "src")
const layers = ["kernel", "rules", "lifecycle", "plugin", "runtime"]
/** The layer index of a core source, -1 outside core, undefined for a core file outside every layer. */
const layerOf = (file) => {
  const rel = relative(coreSrc, file)
  if (rel.startsWith("..")) return -1
  if (rel === "index.ts") return layers.length
  const i = layers.indexOf(rel.split(/[\\/]/)[0])
  return i < 0 ? undefined : i
}
const layerErrors = []
const graph = new Map()
for (const f of files) {
  const text = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "")
  const deps = new Set()
  const own = layerOf(f)
  if (own === undefined) layerErrors.push(`${relative(root, f)} is in no layer (${layers.join(", ")})`)
  for (const m of text.matchAll(importRe)) {
    const target = resolveImport(f, m[3])
    if (target === undefined) continue
    const theirs = layerOf(target)
    if (own !== undefined && own >= 0 && theirs !== undefined && theirs > own) {
      layerErrors.push(
        `${relative(root, f)} (${layers[own]}) imports ${relative(root, target)} (${layers[theirs] ?? "barrel"})`
      )
    }
    if (!m[2]) deps.add(target)
  }
  graph.set(f, deps)
}
if (layerErrors.length > 0) {
  for (const e of layerErrors) console.error("layer order: " + e)
  console.error(`@gsyf/core's layers import only downwards: ${layers.join(" ← ")}`)
  process.exit(1)
}
const state = new Map()
const stack = []
const cycles = []
const visit = (node) => {
  state.set(node, 1)
  stack.push(node)
  for (const dep of graph.get(node) ?? []) {
    if (state.get(dep) === 1) cycles.push([...stack.slice(stack.indexOf(dep)), dep])
    else if (!state.has(dep)) visit(dep)
  }
  stack.pop()
  state.set(node, 2)
}
for (const f of graph.keys()) if (!state.has(f)) visit(f)
if (cycles.length > 0) {
  for (const c of cycles) console.error("import cycle: " + c.map((p) => relative(root, p)).join(" -> "))
  process.exit(1)
}
console.log(`no import cycles in ${graph.size} modules; core's layers import only downwards`)
