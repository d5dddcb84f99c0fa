// After `tsc -p tsconfig.build.json` (run from a package folder): writes a CommonJS twin `X.d.cts` of every
// declaration file `X.d.ts` in dist/dts, with relative specifiers `./Y.js` rewritten to `./Y.cjs`, so that a
// `require` of the package gets CommonJS-flavoured types (TypeScript's node16/nodenext resolution reads the
// extension of the declaration file to tell the module kind).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const dir = join(process.cwd(), "dist", "dts")
const relative = /((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']*?)\.js(["'])/g
let count = 0
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const p = join(d, name)
    if (statSync(p).isDirectory()) walk(p)
    else if (name.endsWith(".d.ts")) {
      const text = readFileSync(p, "utf8")
        .replace(relative, "$1$2.cjs$3")
        .replace(/\/\/# sourceMappingURL=.*$/m, "")
      writeFileSync(p.slice(0, -".d.ts".length) + ".d.cts", text)
      count++
    }
  }
}
walk(dir)
console.log(`dts-cjs: ${count} CommonJS declaration files in ${dir}`)
