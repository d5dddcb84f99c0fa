// Runs every example: the sample plan's rule report, all rule scenarios, and the embedding programs
// (Effect and Promise APIs on SQLite and PostgreSQL). Exits non-zero when any of them fails.
import { spawnSync } from "node:child_process"
import { readdirSync } from "node:fs"

const run = (label, args) => {
  process.stdout.write(`\n── ${label}\n`)
  const r = spawnSync("npx", ["tsx", ...args], { stdio: "inherit", env: process.env })
  if (r.status !== 0) {
    process.stderr.write(`✗ ${label} failed (exit ${r.status})\n`)
    return false
  }
  return true
}

const results = [
  run("gsyf plan examples/plans/seed-2026.yaml", ["packages/cli/src/bin.ts", "plan", "examples/plans/seed-2026.yaml"]),
  run("gsyf test examples/", ["packages/cli/src/bin.ts", "test", "examples/", "--junit", "test-artifacts/scenarios.junit.xml"]),
  ...readdirSync("examples/embedding")
    .filter((f) => /^(effect|promise)-.*\.ts$/.test(f))
    .sort()
    .map((f) => run(`examples/embedding/${f}`, [`examples/embedding/${f}`]))
]
const failed = results.filter((ok) => !ok).length
process.stdout.write(`\nexamples: ${results.length - failed} passed, ${failed} failed\n`)
process.exit(failed === 0 ? 0 : 1)
