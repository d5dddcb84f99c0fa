/**
 * Runs every benchmark: each `packages/<pkg>/bench/*.bench.ts`, in its own
 * process with tsx, one after another, printing a header per file and
 * forwarding its output. Benchmarks print figures and assert nothing, so this
 * exits non-zero only when a benchmark crashes.
 *
 * `GSYF_BENCH_FILTER=<substring>` runs only the files whose path contains it
 * (e.g. `GSYF_BENCH_FILTER=core/bench/rules pnpm bench`).
 */
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const packages = join(root, "packages")
const filter = process.env.GSYF_BENCH_FILTER ?? ""

const files = readdirSync(packages)
  .sort()
  .flatMap((pkg) => {
    const dir = join(packages, pkg, "bench")
    if (!existsSync(dir)) return []
    return readdirSync(dir)
      .filter((f) => f.endsWith(".bench.ts"))
      .sort()
      .map((f) => join(dir, f))
  })
  .filter((file) => relative(root, file).includes(filter))

if (files.length === 0) {
  console.log(filter === "" ? "no benchmarks found" : `no benchmark matches GSYF_BENCH_FILTER=${filter}`)
  process.exit(0)
}

const tsx = join(root, "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx")
const crashed: Array<string> = []
for (const file of files) {
  const name = relative(root, file)
  console.log(`\n── ${name} ${"─".repeat(Math.max(3, 74 - name.length))}`)
  const started = performance.now()
  const result = spawnSync(tsx, [file], { cwd: root, stdio: "inherit", env: process.env })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (result.error !== undefined || result.status !== 0) {
    const why = result.error?.message ??
      (result.signal !== null ? `signal ${result.signal}` : `exit code ${result.status}`)
    console.log(`✗ ${name} crashed (${why}) after ${seconds} s`)
    crashed.push(name)
  } else {
    console.log(`(${seconds} s)`)
  }
}
console.log(
  `\n${files.length - crashed.length} of ${files.length} benchmarks ran${
    crashed.length > 0 ? `; crashed: ${crashed.join(", ")}` : ""
  }`
)
process.exit(crashed.length > 0 ? 1 : 0)
