// After `pnpm build`: loads every package's ESM and CJS builds as a consumer would and checks that
// each public module is there with its values (Schema + type pairs keep their runtime value).
import { createRequire } from "node:module"
import { readdirSync, readFileSync, existsSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { publicModules } from "./modules.mjs"

const require = createRequire(import.meta.url)
let failures = 0
// @gsyf/testkit is loaded by vitest only (it registers test suites); its build is checked for presence.
for (const dir of readdirSync("packages").sort()) {
  const pkg = JSON.parse(readFileSync(join("packages", dir, "package.json"), "utf8"))
  const esmFile = join(process.cwd(), "packages", dir, "dist", "index.js")
  const cjsFile = join(process.cwd(), "packages", dir, "dist", "index.cjs")
  const dts = join("packages", dir, "dist", "dts", "index.d.ts")
  if (!existsSync(esmFile) || !existsSync(cjsFile) || !existsSync(dts)) {
    console.error(`✗ ${pkg.name}: missing build output`)
    failures++
    continue
  }
  if (dir === "testkit") {
    console.log(`✓ ${pkg.name}: build output present (loaded by vitest only)`)
    continue
  }
  const esm = await import(pathToFileURL(esmFile).href)
  const cjs = require(cjsFile)
  const modules = publicModules(join(process.cwd(), "packages", dir, "src")).map((m) => m.name)
  const missing = modules.filter((m) => typeof esm[m] !== "object" || typeof cjs[m] !== "object")
  if (missing.length > 0) {
    console.error(`✗ ${pkg.name}: modules missing from the build: ${missing.join(", ")}`)
    failures++
    continue
  }
  // every subpath of the exports map resolves (core's modules live in folders, its subpaths are flat)
  const subpaths = Object.entries(pkg.exports ?? {}).filter(([k, v]) => k.startsWith("./") && !k.includes("*") && typeof v === "object" && v !== null)
  const files = (v) => (typeof v === "string" ? [v] : Object.values(v).flatMap(files))
  const broken = subpaths.flatMap(([k, v]) => files(v).filter((f) => !existsSync(join("packages", dir, f))).map((f) => `${k} → ${f}`))
  if (broken.length > 0) {
    console.error(`✗ ${pkg.name}: exports pointing at missing files: ${broken.join(", ")}`)
    failures++
    continue
  }
  console.log(`✓ ${pkg.name}: ${modules.length} modules in ESM and CJS, declarations present`)
}
const core = await import(pathToFileURL(join(process.cwd(), "packages/core/dist/index.js")).href)
const capital = core.Money.capital(core.Money.unsafeYuan("16409.02"))
if (capital._tag !== "Right" || capital.right !== "人民币壹万陆仟肆佰零玖元零贰分" || core.Calendar.HolidayYear === undefined) {
  console.error("✗ @gsyf/core: the built module does not behave")
  failures++
}
process.exit(failures === 0 ? 0 : 1)
