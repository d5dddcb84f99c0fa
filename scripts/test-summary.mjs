// Prints the closing line "tests: N passed, N failed, N skipped" from the JSON report vitest writes in CI.
import { readFileSync, existsSync } from "node:fs"
const file = new URL("../test-artifacts/vitest.json", import.meta.url)
if (!existsSync(file)) {
  console.error("no test report found at test-artifacts/vitest.json")
  process.exit(1)
}
const r = JSON.parse(readFileSync(file, "utf8"))
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`)
if (r.numTotalTests === 0) process.exit(1)
