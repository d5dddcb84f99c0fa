/**
 * Faults of a real `gsyf serve` process: killed with SIGKILL in the middle of a stream of commands, it loses no
 * command it acknowledged; with its PostgreSQL cluster stopped it answers 503 (readiness and commands) and
 * recovers once the cluster is back; SIGTERM lets a command in flight finish.
 */
import { request } from "node:http"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { canCreateClusters, createCluster, type PgCluster } from "../../store-postgres/test/pgCluster.js"
import { type Plan, seedLifecycle, serve, tempDir, writeFixtures } from "./harness.js"

const post = (url: string, plan: Plan, command: Record<string, unknown>) =>
  fetch(`${url}/projects/${plan.projectId}/commands`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${plan.keys[(command["actor"] as { id: string }).id]}`,
      "content-type": "application/json"
    },
    body: JSON.stringify(command)
  })

const get = (url: string, plan: Plan, path: string) =>
  fetch(`${url}${path}`, { headers: { authorization: `Bearer ${plan.keys[plan.reader]}` } })

const storedCommandIds = async (url: string, plan: Plan) => {
  const page = await (await get(url, plan, `/projects/${plan.projectId}/events?limit=1000`)).json() as {
    events: Array<{ commandId: string }>
  }
  return new Set(page.events.map((e) => e.commandId))
}

describe("a killed server", () => {
  it("loses no acknowledged command (SIGKILL during a stream of commands)", async () => {
    const dir = tempDir("kill")
    const { plan, keyHashes } = await seedLifecycle("kill-2026")
    const files = writeFixtures(dir, plan, keyHashes)
    const args = ["--db", join(dir, "gsyf.db"), "--api-keys", files.keysFile]
    const steps = plan.steps.filter((s) => !s.rejected)
    const first = await serve(args)
    const acknowledged: Array<string> = []
    let next = 0
    // a stream of commands; the server is killed once 12 are acknowledged, with the 13th on the wire
    while (next < steps.length) {
      const command = steps[next]!.command
      const sending = post(first.url, plan, command)
      if (acknowledged.length === 12) {
        first.child.kill("SIGKILL")
        await sending.catch(() => undefined)
        break
      }
      const r = await sending
      expect(r.status).toBe(200)
      acknowledged.push(String(command["commandId"]))
      next++
    }
    expect(await first.exited).toBe("SIGKILL")
    const second = await serve(args)
    try {
      const stored = await storedCommandIds(second.url, plan)
      for (const id of acknowledged) expect(stored.has(id)).toBe(true)
      // the command cut off is resent with its id: applied once, either now or as a duplicate
      for (const s of steps.slice(next, next + 3)) expect((await post(second.url, plan, s.command)).status).toBe(200)
      const verified = await (await get(second.url, plan, `/projects/${plan.projectId}/verify`)).json() as {
        ok: boolean
      }
      expect(verified.ok).toBe(true)
      const after = await storedCommandIds(second.url, plan)
      expect(after.size).toBe(next + 3)
    } finally {
      expect(await second.stop()).toBe(0)
    }
  }, 240_000)
})

/** Posts a command whose body arrives in two parts; `between` runs after the first part is on the wire. */
const postInTwoParts = (url: string, plan: Plan, command: Record<string, unknown>, between: () => Promise<void>) =>
  new Promise<{ status: number; body: string }>((done, fail) => {
    const body = JSON.stringify(command)
    const req = request(`${url}/projects/${plan.projectId}/commands`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${plan.keys[(command["actor"] as { id: string }).id]}`,
        "content-type": "application/json"
      }
    }, (res) => {
      let text = ""
      res.on("data", (chunk: Buffer) => void (text += chunk.toString("utf8")))
      res.on("end", () => done({ status: res.statusCode ?? 0, body: text }))
    })
    req.on("error", fail)
    req.write(body.slice(0, 30))
    void between().then(() => req.end(body.slice(30)), fail)
  })

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 100))
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

describe("SIGTERM", () => {
  it(
    "lets a command in flight finish and acknowledges it, refuses new ones, writes nothing half and exits 0",
    async () => {
      const dir = tempDir("term")
      const { plan, keyHashes } = await seedLifecycle("term-2026")
      const files = writeFixtures(dir, plan, keyHashes)
      const args = ["--db", join(dir, "gsyf.db"), "--api-keys", files.keysFile]
      const steps = plan.steps.filter((s) => !s.rejected)
      const first = await serve(args)
      for (const s of steps.slice(0, 3)) expect((await post(first.url, plan, s.command)).status).toBe(200)
      let refused: Response | undefined
      // the fourth command is on the wire (half its body sent) when the server is told to stop
      const inFlight = await postInTwoParts(first.url, plan, steps[3]!.command, async () => {
        // time for the server to take the request in (it counts as in flight from then on)
        await new Promise((r) => setTimeout(r, 1500))
        first.child.kill("SIGTERM")
        await until(() => first.lines.some((l) => l.includes("\"stopping\"")), "the server to begin stopping")
        // while it drains, a new command is refused (503) and not written
        refused = await post(first.url, plan, steps[4]!.command)
      })
      expect(inFlight.status).toBe(200)
      const acknowledged = JSON.parse(inFlight.body) as { version: number }
      expect(refused?.status).toBe(503)
      expect(((await refused!.json()) as { type: string }).type).toBe("urn:gsyf:problem:draining")
      expect(await first.exited).toBe(0)
      expect(first.lines.some((l) => l.includes("\"stopped\""))).toBe(true)

      const second = await serve(args)
      try {
        const stored = await storedCommandIds(second.url, plan)
        expect(stored).toEqual(new Set(steps.slice(0, 4).map((s) => String(s.command["commandId"]))))
        const page = await (await get(second.url, plan, `/projects/${plan.projectId}/events?limit=1000`)).json() as {
          version: number
        }
        expect(page.version).toBe(acknowledged.version)
        const verified = await (await get(second.url, plan, `/projects/${plan.projectId}/verify`)).json() as {
          ok: boolean
        }
        expect(verified.ok).toBe(true)
      } finally {
        expect(await second.stop()).toBe(0)
      }
    },
    240_000
  )
})

describe.skipIf(!(await canCreateClusters()))("PostgreSQL stopped and restarted", () => {
  let cluster: PgCluster | undefined
  afterAll(async () => {
    await cluster?.drop()
  })

  it("answers 503 while the database is down and recovers when it is back", async () => {
    cluster = await createCluster("server")
    const dir = tempDir("pg-outage")
    const { plan, keyHashes } = await seedLifecycle("outage-2026")
    const files = writeFixtures(dir, plan, keyHashes)
    const url = `postgres://postgres@127.0.0.1:${cluster.port}/postgres`
    const server = await serve(["--pg", url, "--schema", "gsyf_outage", "--api-keys", files.keysFile])
    const steps = plan.steps.filter((s) => !s.rejected)
    try {
      for (const s of steps.slice(0, 3)) expect((await post(server.url, plan, s.command)).status).toBe(200)
      await cluster.stop()
      const ready = await get(server.url, plan, "/ready")
      expect(ready.status).toBe(503)
      expect(ready.headers.get("content-type")).toBe("application/problem+json")
      const refused = await post(server.url, plan, steps[3]!.command)
      expect(refused.status).toBe(503)
      const problem = await refused.json() as { type: string }
      expect(problem.type).toMatch(/^urn:gsyf:problem:store-/)
      expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|at .*\.js/)
      await cluster.start()
      let status = 0
      for (let i = 0; i < 60 && status !== 200; i++) {
        status = (await get(server.url, plan, "/ready")).status
        if (status !== 200) await new Promise((r) => setTimeout(r, 500))
      }
      expect(status).toBe(200)
      const accepted = await post(server.url, plan, steps[3]!.command)
      expect(accepted.status).toBe(200)
      expect((await storedCommandIds(server.url, plan)).size).toBe(4)
    } finally {
      expect(await server.stop()).toBe(0)
    }
  }, 240_000)
})
