/**
 * Side-by-side timing for the benchmarks: gsyf and its peer run in turns in one
 * process (gsyf, peer, gsyf, peer, …), each turn for a time budget, and the
 * ratio of their rates is printed as min / median / max over the rounds.
 * `GSYF_BENCH_FULL=1` runs more rounds with longer turns (and the benchmarks
 * that read `full` use their larger sizes). Not a benchmark itself.
 */

/** Whether the full (slow) sizes were asked for. */
export const full = process.env.GSYF_BENCH_FULL === "1"

/** Rounds of alternation (default 3; `GSYF_BENCH_ROUNDS`). */
export const rounds = Number(process.env.GSYF_BENCH_ROUNDS ?? (full ? 5 : 3))

/** Milliseconds per turn (default 400 quick, 1,500 full; `GSYF_BENCH_TURN_MS`). */
export const turnMs = Number(process.env.GSYF_BENCH_TURN_MS ?? (full ? 1500 : 400))

/** Runs `fn` repeatedly for about `budgetMs` (at least 3 runs) and returns runs per second. */
export const rate = (fn: () => unknown, budgetMs = turnMs): number => {
  fn()
  let runs = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < budgetMs || runs < 3) {
    fn()
    runs++
    elapsed = performance.now() - start
  }
  return (runs * 1000) / elapsed
}

/** Same as {@link rate} for an async function. */
export const rateAsync = async (fn: () => Promise<unknown>, budgetMs = turnMs): Promise<number> => {
  await fn()
  let runs = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < budgetMs || runs < 3) {
    await fn()
    runs++
    elapsed = performance.now() - start
  }
  return (runs * 1000) / elapsed
}

const sorted = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)
const median = (xs: ReadonlyArray<number>) => sorted(xs)[Math.floor(xs.length / 2)]!

/** min / median / max of a list, formatted. */
export const spread = (xs: ReadonlyArray<number>, digits = 2): string => {
  const s = sorted(xs)
  return `${s[0]!.toFixed(digits)} / ${median(s).toFixed(digits)} / ${s[s.length - 1]!.toFixed(digits)}`
}

const num = (n: number) => Math.round(n).toLocaleString("en-US")

export interface Comparison {
  readonly label: string
  readonly ratios: ReadonlyArray<number>
  readonly median: number
  /** Median rates of gsyf and the peer (items per second). */
  readonly gsyf: number
  readonly peer: number
}

/** What the two sides are called in the printed lines (by default `gsyf` and `peer`). */
export type Sides = readonly [first: string, second: string]

const defaultSides: Sides = ["gsyf", "peer"]

/**
 * Alternates `gsyf` and `peer` for {@link rounds} rounds and prints both rates
 * (scaled by `perRun` items per run) and the ratio gsyf ÷ peer.
 */
export const compare = (
  label: string,
  unit: string,
  perRun: number,
  gsyf: () => unknown,
  peer: () => unknown,
  target?: number,
  sides: Sides = defaultSides
): Comparison => {
  const a: Array<number> = []
  const b: Array<number> = []
  for (let r = 0; r < rounds; r++) {
    a.push(rate(gsyf) * perRun)
    b.push(rate(peer) * perRun)
  }
  return report(label, unit, a, b, target, sides)
}

/** {@link compare} for async functions. */
export const compareAsync = async (
  label: string,
  unit: string,
  perRun: number,
  gsyf: () => Promise<unknown>,
  peer: () => Promise<unknown>,
  target?: number,
  sides: Sides = defaultSides
): Promise<Comparison> => {
  const a: Array<number> = []
  const b: Array<number> = []
  for (let r = 0; r < rounds; r++) {
    a.push((await rateAsync(gsyf)) * perRun)
    b.push((await rateAsync(peer)) * perRun)
  }
  return report(label, unit, a, b, target, sides)
}

const report = (
  label: string,
  unit: string,
  a: ReadonlyArray<number>,
  b: ReadonlyArray<number>,
  target: number | undefined,
  [first, second]: Sides = defaultSides
): Comparison => {
  const ratios = a.map((x, i) => x / b[i]!)
  const m = median(ratios)
  const verdict = target === undefined
    ? ""
    : m >= target
    ? `  (target ≥ ${target}: met)`
    : `  (target ≥ ${target}: NOT met)`
  console.log(`${label}`)
  console.log(
    `    ${first} ${num(median(a)).padStart(12)} ${unit}/s   ${second} ${
      num(median(b)).padStart(12)
    } ${unit}/s (medians)`
  )
  console.log(`    ratio ${first} ÷ ${second}, min / median / max of ${a.length} rounds: ${spread(ratios)}${verdict}`)
  return { label, ratios, median: m, gsyf: median(a), peer: median(b) }
}

/**
 * Percentile (0–100) of a list of numbers by nearest rank: the smallest sample that at least p % of the samples do
 * not exceed (`sorted[ceil(p / 100 × n) − 1]`). The p99 of 1,000 samples is the 990th fastest, so ten slower
 * samples are allowed; of 100 samples it is the 99th, one below the slowest.
 */
export const percentile = (xs: ReadonlyArray<number>, p: number): number => {
  const s = sorted(xs)
  const rank = Math.ceil((p / 100) * s.length)
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))]!
}
