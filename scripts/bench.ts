/**
 * Runs every benchmark: each `packages/<pkg>/bench/*.bench.ts`, in its own
 * process with tsx, one after another, printing a header per file and
 * forwarding its output. Benchmarks print figures and assert nothing, so this
 * exits non-zero only when a benchmark crashes.
 *
 * `GSYF_BENCH_FILTER=<substring>` runs only the files whose path contains it
 * (e.g. `GSYF_BENCH_FILTER=core/bench/rules pnpm bench`).
 *
 * On Linux each file's time line also says what share of the CPU time the machine
 * had work for the hypervisor gave to others (`steal` in `/proc/stat`, against
 * everything but idle and I/O wait): on a shared virtual machine the absolute
 * figures (events per second, milliseconds, percentiles) drop with it, while the
 * ratios of alternated turns mostly hold.
 */
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync } from "node:fs"
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

/**
 * The machine's CPU time so far (all CPUs, in clock ticks) that was not idle or waiting for I/O, and the part of it
 * stolen; undefined off Linux.
 */
const cpuTimes = (): { readonly busy: number; readonly steal: number } | undefined => {
  try {
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is counted in user)
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number)
    if (fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return undefined
    const total = fields.reduce((a, b) => a + b, 0)
    return { busy: total - fields[3]! - fields[4]!, steal: fields[7]! }
  } catch {
    return undefined
  }
}

/** `; CPU steal x %` over the span since `from`, or nothing when it cannot be told. */
const stealSince = (from: ReturnType<typeof cpuTimes>): string => {
  const to = cpuTimes()
  if (from === undefined || to === undefined || to.busy <= from.busy) return ""
  return `; CPU steal ${(100 * (to.steal - from.steal) / (to.busy - from.busy)).toFixed(0)} %`
}

const tsx = join(root, "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx")
const crashed: Array<string> = []
const runStarted = cpuTimes()
for (const file of files) {
  const name = relative(root, file)
  console.log(`\n── ${name} ${"─".repeat(Math.max(3, 74 - name.length))}`)
  const started = performance.now()
  const cpuBefore = cpuTimes()
  const result = spawnSync(tsx, [file], { cwd: root, stdio: "inherit", env: process.env })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (result.error !== undefined || result.status !== 0) {
    const why = result.error?.message ??
      (result.signal !== null ? `signal ${result.signal}` : `exit code ${result.status}`)
    console.log(`✗ ${name} crashed (${why}) after ${seconds} s${stealSince(cpuBefore)}`)
    crashed.push(name)
  } else {
    console.log(`(${seconds} s${stealSince(cpuBefore)})`)
  }
}
console.log(
  `\n${files.length - crashed.length} of ${files.length} benchmarks ran${
    crashed.length > 0 ? `; crashed: ${crashed.join(", ")}` : ""
  }${stealSince(runStarted)}`
)
process.exit(crashed.length > 0 ? 1 : 0)
