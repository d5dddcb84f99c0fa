// Writes each package's src/index.ts: one `export * as Module` line per public
// module in src/ (internal/ stays sealed), preceded by the module's header doc.
// `node scripts/codegen.mjs --check` fails when a barrel is out of date.
import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs"
import { join } from "node:path"

const check = process.argv.includes("--check")
const root = new URL("..", import.meta.url).pathname
let stale = []
for (const pkg of readdirSync(join(root, "packages"))) {
  const src = join(root, "packages", pkg, "src")
  if (!existsSync(src)) continue
  const modules = readdirSync(src)
    .filter((f) => /^[A-Z][A-Za-z0-9]*\.ts$/.test(f))
    .map((f) => f.slice(0, -3))
    .sort()
  if (modules.length === 0) continue
  const indexPath = join(src, "index.ts")
  const pkgJson = JSON.parse(readFileSync(join(root, "packages", pkg, "package.json"), "utf8"))
  let out = `/**\n * ${pkgJson.description}\n *\n * @packageDocumentation\n * @since 0.1.0\n */\n`
  for (const m of modules) {
    const text = readFileSync(join(src, `${m}.ts`), "utf8")
    const header = /^\/\*\*[\s\S]*?\*\//.exec(text)
    out += "\n" + (header ? header[0] + "\n" : "") + `export * as ${m} from "./${m}.js"\n`
  }
  const current = existsSync(indexPath) ? readFileSync(indexPath, "utf8") : ""
  if (current !== out) {
    stale.push(indexPath)
    if (!check) writeFileSync(indexPath, out)
  }
}
if (check && stale.length > 0) {
  console.error("barrels out of date (run node scripts/codegen.mjs):\n" + stale.join("\n"))
  process.exit(1)
}
