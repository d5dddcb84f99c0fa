// Writes each package's src/index.ts: one `export * as Module` line per public module (see modules.mjs:
// `src/**/<Capitalised>.ts` outside internal/), preceded by the module's header doc. For a package whose modules
// live in folders (core: kernel/, rules/, lifecycle/, plugin/, runtime/) it also writes the `exports` of its
// package.json, one flat subpath per module (`@gsyf/core/Money`).
// `node scripts/codegen.mjs --check` fails when a barrel or an exports map is out of date.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { exportsMap, isNested, publicModules } from "./modules.mjs"

const check = process.argv.includes("--check")
const root = new URL("..", import.meta.url).pathname
const stale = []
for (const pkg of readdirSync(join(root, "packages"))) {
  const src = join(root, "packages", pkg, "src")
  if (!existsSync(src)) continue
  const modules = publicModules(src)
  if (modules.length === 0) continue
  const indexPath = join(src, "index.ts")
  const pkgPath = join(root, "packages", pkg, "package.json")
  const pkgText = readFileSync(pkgPath, "utf8")
  const pkgJson = JSON.parse(pkgText)
  let out = `/**\n * ${pkgJson.description}\n *\n * @packageDocumentation\n * @since 0.1.0\n */\n`
  for (const m of modules) {
    const text = readFileSync(join(src, `${m.path}.ts`), "utf8")
    const header = /^\/\*\*[\s\S]*?\*\//.exec(text)
    out += "\n" + (header ? header[0] + "\n" : "") + `export * as ${m.name} from "./${m.path}.js"\n`
  }
  const current = existsSync(indexPath) ? readFileSync(indexPath, "utf8") : ""
  if (current !== out) {
    stale.push(indexPath)
    if (!check) writeFileSync(indexPath, out)
  }
  if (isNested(src)) {
    const wanted = JSON.stringify({ ...pkgJson, exports: exportsMap(src) }, null, 2) + "\n"
    if (wanted !== pkgText) {
      stale.push(pkgPath)
      if (!check) writeFileSync(pkgPath, wanted)
    }
  }
}
if (check && stale.length > 0) {
  console.error("generated files out of date (run node scripts/codegen.mjs):\n" + stale.join("\n"))
  process.exit(1)
}
