// Contention through the Promise client on one PostgreSQL database: 2 clients × 40 concurrent commands on one
// project, without and with the client's version-conflict retries (conflicts surfaced to the host, time per
// round). Each round uses its own schema of a fresh database, dropped at the end.
//
//   npx tsx packages/store-postgres/bench/contention.bench.ts   (GSYF_BENCH_ROUNDS, GSYF_BENCH_PER_CLIENT)
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import { contentionBench } from "../../core/test/fixtures/contentionBench.js"
import { PgEventStore } from "../src/index.js"
import { pg, testDatabase } from "../test/testDatabase.js"

const scope = Effect.runSync(Scope.make())
try {
  const database = await Effect.runPromise(Scope.extend(testDatabase("contention_bench"), scope))
  await contentionBench("PostgreSQL", async (round, variant) => (projections) =>
    PgEventStore.layer({
      host: pg.host,
      port: pg.port,
      username: pg.username,
      database,
      schema: `${variant}_${round}`,
      projections
    }))
} finally {
  await Effect.runPromise(Scope.close(scope, Exit.void))
}
