// The HTTP service under load on 127.0.0.1 beside the in-process Promise client on the same kind of store
// (SQLite): 8 concurrent clients, each driving its own project through the first GSYF_BENCH_STEPS commands of the
// seed lifecycle. Both sides run as a service does: one `gsyf serve` process and one `Client` for the whole bench,
// each round on new projects. Each side first gets GSYF_BENCH_WARMUP untimed rounds (default 2) of the same size
// as a timed one, so that both are timed with their code compiled; the server's first round after it started
// listening is printed apart (a fresh process runs its first hundreds of commands at about half its later rate,
// while its code is still being compiled). Timed rounds alternate in-process and HTTP; prints commands per second,
// p50 and p99 latency, and the ratio HTTP / in-process over the timed rounds (target ≥ 0.5).
//
//   npx tsx packages/server/bench/http.bench.ts
//   (GSYF_BENCH_ROUNDS, GSYF_BENCH_WARMUP, GSYF_BENCH_STEPS, GSYF_BENCH_CLIENTS)
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Client } from "@gsyf/core"
import { readFileSync, rmSync } from "node:fs"
import { Agent, request } from "node:http"
import { join } from "node:path"
import { parse } from "yaml"
import { seedLifecycle, seedPlanFile, serve, tempDir, writeFixtures } from "../test/harness.js"

const rounds = Number(process.env.GSYF_BENCH_ROUNDS ?? 3)
const warmupRounds = Number(process.env.GSYF_BENCH_WARMUP ?? 2)
const stepsPerClient = Number(process.env.GSYF_BENCH_STEPS ?? 40)
const clients = Number(process.env.GSYF_BENCH_CLIENTS ?? 8)

interface Sample {
  readonly commands: number
  readonly seconds: number
  readonly latencies: Array<number>
}

const percentile = (sorted: ReadonlyArray<number>, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

const { plan, keyHashes } = await seedLifecycle("bench")
const commands = plan.steps.filter((s) => !s.rejected).slice(0, stepsPerClient).map((s) => s.command)

/** One round: every client drives a project of its own (`<round>-<client>`) through the commands, all at once. */
const drive = async (
  round: string,
  run: (projectId: string, command: Record<string, unknown>) => Promise<void>
): Promise<Sample> => {
  const latencies: Array<number> = []
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (const command of commands) {
        const t = performance.now()
        await run(`${round}-${client}`, command)
        latencies.push(performance.now() - t)
      }
    })
  )
  return {
    commands: latencies.length,
    seconds: (performance.now() - started) / 1000,
    latencies: latencies.sort((a, b) => a - b)
  }
}

/**
 * One POST over a keep-alive connection, the body read to its end. `node:http` rather than `fetch`: the client's
 * own cost runs on the same two cores, and `fetch` (WHATWG streams over undici) spends several times what
 * `node:http` does per request, which would be counted against the server.
 */
const post = (agent: Agent, url: string, body: string, headers: Record<string, string>) =>
  new Promise<number>((done, fail) => {
    const req = request(url, {
      method: "POST",
      agent,
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }
    }, (res) => {
      res.resume()
      res.on("end", () => done(res.statusCode ?? 0))
      res.on("error", fail)
    })
    req.on("error", fail)
    req.end(body)
  })

const show = (name: string, s: Sample) =>
  `${name.padEnd(12)} ${(s.commands / s.seconds).toFixed(1).padStart(8)} commands/s   p50 ${
    percentile(s.latencies, 50).toFixed(1).padStart(6)
  } ms   p99 ${percentile(s.latencies, 99).toFixed(1).padStart(6)} ms   (${s.commands} commands)`

const showPair = (c: Sample, h: Sample) => {
  console.log("  " + show("in-process", c))
  console.log("  " + show("HTTP", h))
}

const httpDir = tempDir("bench-http")
const clientDir = tempDir("bench-client")
const files = writeFixtures(httpDir, plan, keyHashes)
const client = await Client.make({
  parameters: parse(readFileSync(seedPlanFile, "utf8")),
  calendar: ChinaHolidays.calendar,
  store: { sqlite: join(clientDir, "gsyf.db") }
})
const agent = new Agent({ keepAlive: true, maxSockets: clients })
const cleanUp = async () => {
  agent.destroy()
  await client.close()
  rmSync(httpDir, { recursive: true, force: true })
  rmSync(clientDir, { recursive: true, force: true })
}
// a server that does not start leaves nothing open behind it
const server = await serve(["--db", join(httpDir, "gsyf.db"), "--api-keys", files.keysFile], { GSYF_LOG: "none" })
  .catch(async (e: unknown) => {
    await cleanUp()
    throw e
  })

const http = (round: string) =>
  drive(round, async (projectId, command) => {
    const send = () =>
      post(agent, `${server.url}/projects/${projectId}/commands`, JSON.stringify(command), {
        authorization: `Bearer ${plan.keys[(command["actor"] as { id: string }).id]}`,
        "content-type": "application/json"
      })
    // a kept-alive socket the server closed as it was reused: sent again (by its id the command is applied once)
    const status = await send().catch((e: { code?: string }) => e.code === "ECONNRESET" ? send() : Promise.reject(e))
    if (status !== 200) throw new Error(`HTTP ${status}`)
  })

const inProcess = (round: string) =>
  drive(round, async (projectId, command) => {
    const r = await client.execute(projectId, command)
    if (!r.ok) throw new Error(r.rejection.en)
  })

try {
  console.log(
    `HTTP service vs in-process Client, SQLite, ${clients} concurrent clients × ${commands.length} commands a round, ` +
      `${warmupRounds} untimed rounds each first`
  )
  for (let round = 1; round <= warmupRounds; round++) {
    const c = await inProcess(`warmup${round}`)
    const h = await http(`warmup${round}`)
    if (round === 1) {
      console.log("first round of each (untimed; the server a fresh process, the bench process compiling too)")
      showPair(c, h)
    }
  }
  const totals = { http: { commands: 0, seconds: 0 }, client: { commands: 0, seconds: 0 } }
  for (let round = 1; round <= rounds; round++) {
    const c = await inProcess(`round${round}`)
    const h = await http(`round${round}`)
    totals.client.commands += c.commands
    totals.client.seconds += c.seconds
    totals.http.commands += h.commands
    totals.http.seconds += h.seconds
    console.log(`round ${round}`)
    showPair(c, h)
  }
  const ratio = (totals.http.commands / totals.http.seconds) / (totals.client.commands / totals.client.seconds)
  console.log(`HTTP / in-process throughput: ${ratio.toFixed(2)}× (target ≥ 0.5×)`)
} finally {
  await server.stop()
  await cleanUp()
}
