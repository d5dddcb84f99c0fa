// Part of the build: copies the seed plan and the example scenarios (with their plugin registry) into the
// package's examples/ folder, which is published, so that `gsyf demo`, `gsyf plan` and `gsyf test` work outside
// the repository.
import { cpSync, rmSync } from "node:fs"
import { fileURLToPath } from "node:url"

const from = fileURLToPath(new URL("../../../examples/", import.meta.url))
const to = fileURLToPath(new URL("../examples/", import.meta.url))
rmSync(to, { recursive: true, force: true })
for (const dir of ["plans", "scenarios"]) {
  cpSync(from + dir, to + dir, { recursive: true, filter: (src) => !src.includes("node_modules") })
}
console.log(`bundled examples → ${to}`)
