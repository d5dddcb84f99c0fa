// Writes each package's src/index.ts: one `export * as Module` line per public module (see modules.mjs:
// `src/**/<Capitalised>.ts` outside internal/), preceded by the module's header doc. It also writes each
// package's publishing fields (scripts/manifests.mjs: exports with one flat subpath per module such as
// `@gsyf/core/Money`, typesVersions, metadata) and its LICENSE (the root one).
// `node scripts/codegen.mjs --check` fails when a barrel, a manifest or a LICENSE is out of date.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { manifest } from "./manifests.mjs"
import { publicModules } from "./modules.mjs"

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
}
const license = readFileSync(join(root, "LICENSE"), "utf8")
for (const pkg of readdirSync(join(root, "packages"))) {
  const pkgPath = join(root, "packages", pkg, "package.json")
  if (!existsSync(pkgPath)) continue
  const text = readFileSync(pkgPath, "utf8")
  const wanted = [[pkgPath, text, manifest(root, pkg, JSON.parse(text))]]
  const licensePath = join(root, "packages", pkg, "LICENSE")
  wanted.push([licensePath, existsSync(licensePath) ? readFileSync(licensePath, "utf8") : "", license])
  for (const [path, current, out] of wanted) {
    if (current === out) continue
    stale.push(path)
    if (!check) writeFileSync(path, out)
  }
}
if (check && stale.length > 0) {
  console.error("generated files out of date (run node scripts/codegen.mjs):\n" + stale.join("\n"))
  process.exit(1)
}
