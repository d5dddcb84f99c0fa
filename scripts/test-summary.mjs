// Prints the closing line "tests: N passed, N failed, N skipped" from the JSON report vitest writes in CI
// (test-artifacts/vitest.json, or the report named on the command line, relative to the repository).
import { readFileSync, existsSync } from "node:fs"
const report = process.argv[2] ?? "test-artifacts/vitest.json"
const file = new URL(`../${report}`, import.meta.url)
if (!existsSync(file)) {
  console.error(`no test report found at ${report}`)
  process.exit(1)
}
const r = JSON.parse(readFileSync(file, "utf8"))
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`)
if (r.numTotalTests === 0) process.exit(1)
