// The public modules of a package: every `src/**/<Capitalised>.ts` outside `internal/` folders. A module's
// subpath is its file name (`@gsyf/core/Money` for `src/kernel/Money.ts`), so names must be unique within a
// package whatever folder they live in. Used by codegen (barrels, exports maps), the tsup configs and check-dist.
import { existsSync, readdirSync, statSync } from "node:fs"
import { join, relative } from "node:path"

/**
 * @param {string} src a package's src folder
 * @returns {Array<{ name: string, path: string }>} modules sorted by name; `path` is relative to src, without `.ts`
 */
export const publicModules = (src) => {
  if (!existsSync(src)) return []
  const out = []
  const walk = (dir) => {
    for (const entry of readdirSync(dir).sort()) {
      const p = join(dir, entry)
      if (statSync(p).isDirectory()) {
        if (entry !== "internal") walk(p)
      } else if (/^[A-Z][A-Za-z0-9]*\.ts$/.test(entry)) {
        out.push({ name: entry.slice(0, -3), path: relative(src, p).slice(0, -3).split("\\").join("/") })
      }
    }
  }
  walk(src)
  const seen = new Map()
  for (const m of out) {
    if (seen.has(m.name)) throw new Error(`two public modules named ${m.name}: ${seen.get(m.name)} and ${m.path}`)
    seen.set(m.name, m.path)
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** tsup entries: `index` plus one flat entry per public module (`dist/Money.js` for `src/kernel/Money.ts`). */
export const tsupEntries = (src) =>
  Object.fromEntries([
    ["index", join(src, "index.ts")],
    ...publicModules(src).map((m) => [m.name, join(src, `${m.path}.ts`)])
  ])

const entry = (name, dts) => ({
  import: { types: `./dist/dts/${dts}.d.ts`, default: `./dist/${name}.js` },
  require: { types: `./dist/dts/${dts}.d.cts`, default: `./dist/${name}.cjs` }
})

/**
 * The `exports` map of a package: flat subpaths (`@gsyf/core/Money`), ESM with `.d.ts` and CommonJS with `.d.cts`
 * (written by scripts/dts-cjs.mjs) where tsc puts the declarations.
 */
export const exportsMap = (src) => {
  const map = { ".": entry("index", "index") }
  for (const m of publicModules(src)) map[`./${m.name}`] = entry(m.name, m.path)
  map["./package.json"] = "./package.json"
  return map
}

/** The `typesVersions` map for node10 resolution, which does not read `exports`: the same flat subpaths. */
export const typesVersions = (src) => ({
  "*": Object.fromEntries(publicModules(src).map((m) => [m.name, [`./dist/dts/${m.path}.d.ts`]]))
})
