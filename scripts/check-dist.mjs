// After `pnpm build`: loads every package's ESM and CJS builds as a consumer would and checks that
// each public module is there with its values (Schema + type pairs keep their runtime value).
import { createRequire } from "node:module"
import { readdirSync, readFileSync, existsSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"

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
  const modules = readdirSync(join("packages", dir, "src")).filter((f) => /^[A-Z]\w*\.ts$/.test(f)).map((f) => f.slice(0, -3))
  const missing = modules.filter((m) => typeof esm[m] !== "object" || typeof cjs[m] !== "object")
  if (missing.length > 0) {
    console.error(`✗ ${pkg.name}: modules missing from the build: ${missing.join(", ")}`)
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
