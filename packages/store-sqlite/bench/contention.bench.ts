// Contention through the Promise client on one SQLite file: 2 clients × 40 concurrent commands on one project,
// without and with the client's version-conflict retries (conflicts surfaced to the host, time per round).
//
//   npx tsx packages/store-sqlite/bench/contention.bench.ts     (GSYF_BENCH_ROUNDS, GSYF_BENCH_PER_CLIENT)
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { contentionBench } from "../../core/test/fixtures/contentionBench.js"
import { SqliteEventStore } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "gsyf-contention-bench-"))
try {
  await contentionBench(
    "SQLite",
    async (round, variant) => (projections) =>
      SqliteEventStore.layer({ filename: join(dir, `${variant}-${round}.db`), projections })
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
