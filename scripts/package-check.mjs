// Part of `pnpm check`: builds what is out of date, packs every package, and lints the tarballs as a registry
// would see them: publint (package.json fields against the files) and Are the Types Wrong (types under node10,
// node16 CommonJS and ESM, and bundler resolution). Both run offline on the tarballs.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { buildStale, packAll, root, run } from "./pack.mjs"

const bin = (name) => join(root, "node_modules", ".bin", name)
const dest = mkdtempSync(join(tmpdir(), "gsyf-pack-"))
let failures = 0
try {
  await buildStale()
  for (const { name, tarball } of await packAll(dest)) {
    const checks = [
      ["publint", [bin("publint"), "run", tarball, "--strict"]],
      ["attw", [bin("attw"), tarball, "--no-definitely-typed", "--format", "ascii", "--no-emoji", "--no-color"]]
    ]
    for (const [tool, [cmd, ...args]] of checks) {
      try {
        await run(cmd, args, { cwd: dest })
      } catch (e) {
        failures++
        console.error(`✗ ${name}: ${tool}\n${e.message}`)
      }
    }
    if (failures === 0) console.log(`✓ ${name}: publint, attw`)
  }
} finally {
  rmSync(dest, { recursive: true, force: true })
}
process.exit(failures === 0 ? 0 : 1)
