// The HTTP service under load on 127.0.0.1 beside the in-process Promise client on the same kind of store
// (SQLite, a fresh file each round): 8 concurrent clients, each driving its own project through the first
// GSYF_BENCH_STEPS commands of the seed lifecycle. Rounds alternate HTTP and in-process; prints commands per
// second, p50 and p99 latency, and the ratio HTTP / in-process (target ≥ 0.5).
//
//   npx tsx packages/server/bench/http.bench.ts     (GSYF_BENCH_ROUNDS, GSYF_BENCH_STEPS, GSYF_BENCH_CLIENTS)
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Client } from "@gsyf/core"
import { readFileSync, rmSync } from "node:fs"
import { Agent, request } from "node:http"
import { join } from "node:path"
import { parse } from "yaml"
import { type Plan, seedLifecycle, seedPlanFile, serve, tempDir, writeFixtures } from "../test/harness.js"

const rounds = Number(process.env.GSYF_BENCH_ROUNDS ?? 3)
const stepsPerClient = Number(process.env.GSYF_BENCH_STEPS ?? 40)
const clients = Number(process.env.GSYF_BENCH_CLIENTS ?? 8)

interface Sample {
  readonly commands: number
  readonly seconds: number
  readonly latencies: Array<number>
}

const percentile = (sorted: ReadonlyArray<number>, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

const commandsOf = (plan: Plan, client: number) =>
  plan.steps.filter((s) => !s.rejected).slice(0, stepsPerClient).map((s) => s.command)

const drive = async (run: (client: number, command: Record<string, unknown>) => Promise<void>): Promise<Sample> => {
  const { plan } = await seedLifecycle("bench")
  // untimed warm-up on a project of its own (client number -1), so that both sides are timed warm: the server is a
  // fresh process each round, while the in-process Client shares the warmed bench process
  for (const command of commandsOf(plan, -1)) await run(-1, command)
  const latencies: Array<number> = []
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (const command of commandsOf(plan, client)) {
        const t = performance.now()
        await run(client, command)
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

const http = async (round: number): Promise<Sample> => {
  const dir = tempDir(`bench-http-${round}`)
  const { plan, keyHashes } = await seedLifecycle("bench")
  const files = writeFixtures(dir, plan, keyHashes)
  const server = await serve(["--db", join(dir, "gsyf.db"), "--api-keys", files.keysFile], { GSYF_LOG: "none" })
  try {
    const agent = new Agent({ keepAlive: true, maxSockets: clients })
    try {
      return await drive(async (client, command) => {
        const send = () =>
          post(agent, `${server.url}/projects/bench-${client}/commands`, JSON.stringify(command), {
            authorization: `Bearer ${plan.keys[(command["actor"] as { id: string }).id]}`,
            "content-type": "application/json"
          })
        // a kept-alive socket the server closed as it was reused: sent again (by its id the command is applied once)
        const status = await send().catch((e: { code?: string }) =>
          e.code === "ECONNRESET" ? send() : Promise.reject(e)
        )
        if (status !== 200) throw new Error(`HTTP ${status}`)
      })
    } finally {
      agent.destroy()
    }
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

const inProcess = async (round: number): Promise<Sample> => {
  const dir = tempDir(`bench-client-${round}`)
  const client = await Client.make({
    parameters: parse(readFileSync(seedPlanFile, "utf8")),
    calendar: ChinaHolidays.calendar,
    store: { sqlite: join(dir, "gsyf.db") }
  })
  try {
    return await drive(async (c, command) => {
      const r = await client.execute(`bench-${c}`, command)
      if (!r.ok) throw new Error(r.rejection.en)
    })
  } finally {
    await client.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const show = (name: string, s: Sample) =>
  `${name.padEnd(12)} ${(s.commands / s.seconds).toFixed(1).padStart(8)} commands/s   p50 ${
    percentile(s.latencies, 50).toFixed(1).padStart(6)
  } ms   p99 ${percentile(s.latencies, 99).toFixed(1).padStart(6)} ms   (${s.commands} commands)`

console.log(`HTTP service vs in-process Client, SQLite, ${clients} concurrent clients × ${stepsPerClient} commands`)
const totals = { http: { commands: 0, seconds: 0 }, client: { commands: 0, seconds: 0 } }
for (let round = 1; round <= rounds; round++) {
  const c = await inProcess(round)
  const h = await http(round)
  totals.client.commands += c.commands
  totals.client.seconds += c.seconds
  totals.http.commands += h.commands
  totals.http.seconds += h.seconds
  console.log(`round ${round}`)
  console.log("  " + show("in-process", c))
  console.log("  " + show("HTTP", h))
}
const ratio = (totals.http.commands / totals.http.seconds) / (totals.client.commands / totals.client.seconds)
console.log(`HTTP / in-process throughput: ${ratio.toFixed(2)}× (target ≥ 0.5×)`)
