/**
 * The event stream resumes where a client left off, and a request slower than the request-time limit gets its
 * problem and writes nothing.
 */
import { Authentication, Server } from "@gsyf/server"
import { readFileSync } from "node:fs"
import { request } from "node:http"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { parse } from "yaml"
import { type Plan, seedLifecycle, seedPlanFile, tempDir } from "./harness.js"

let server: Server.Running
let plan: Plan

beforeAll(async () => {
  const seed = await seedLifecycle("streams")
  plan = seed.plan
  server = await Server.start({
    parameters: parse(readFileSync(seedPlanFile, "utf8")),
    store: { sqlite: join(tempDir("streams"), "gsyf.db") },
    authentication: Authentication.apiKeys(seed.keyHashes),
    port: 0,
    requestTimeoutMs: 1500,
    log: "none"
  })
})

afterAll(async () => {
  await server?.close()
})

const accepted = () => plan.steps.filter((s) => !s.rejected).map((s) => s.command)
const keyOf = (command: Record<string, unknown>) => plan.keys[(command["actor"] as { id: string }).id]!

const post = (projectId: string, command: Record<string, unknown>) =>
  fetch(`${server.url}/projects/${projectId}/commands`, {
    method: "POST",
    headers: { authorization: `Bearer ${keyOf(command)}`, "content-type": "application/json" },
    body: JSON.stringify(command)
  })

interface Frame {
  readonly id: number
  readonly event: string
  readonly data: { readonly position: number; readonly commandId: string; readonly event: { _tag: string } }
}

/** Opens the SSE stream and collects frames until `until` says enough (or the time runs out). */
const follow = (
  path: string,
  headers: Record<string, string>,
  until: (frames: ReadonlyArray<Frame>) => boolean,
  onOpen: () => Promise<void> = async () => {}
) =>
  new Promise<{ status: number; contentType: string; frames: Array<Frame> }>((done, fail) => {
    const frames: Array<Frame> = []
    const req = request(server.url + path, {
      headers: { ...headers, authorization: `Bearer ${plan.keys[plan.reader]}` }
    })
    const timer = setTimeout(() => {
      req.destroy()
      fail(new Error(`stream ended without the expected frames (${frames.length} seen)`))
    }, 60_000)
    req.on("response", (res) => {
      const finish = () => {
        clearTimeout(timer)
        req.destroy()
        done({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"]), frames })
      }
      if (res.statusCode !== 200) return finish()
      void onOpen().catch(fail)
      let buffer = ""
      res.on("data", (chunk: Buffer) => {
        buffer += chunk.toString("utf8")
        let cut: number
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          const fields = new Map<string, string>()
          for (const line of block.split("\n")) {
            const colon = line.indexOf(":")
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart())
          }
          const data = fields.get("data")
          if (data === undefined) continue
          frames.push({
            id: Number(fields.get("id")),
            event: fields.get("event")!,
            data: JSON.parse(data) as Frame["data"]
          })
          if (until(frames)) return finish()
        }
      })
    })
    req.on("error", (e) => {
      clearTimeout(timer)
      fail(e)
    })
    req.end()
  })

describe("the event stream", () => {
  it("resumes after Last-Event-ID with exactly the events after it, then follows new commits", async () => {
    const commands = accepted()
    for (const c of commands.slice(0, 4)) expect((await post("sse-2026", c)).status).toBe(200)
    const page = await (await fetch(`${server.url}/projects/sse-2026/events?limit=1000`, {
      headers: { authorization: `Bearer ${plan.keys[plan.reader]}` }
    })).json() as { version: number; events: Array<{ position: number; commandId: string }> }
    const version = page.version
    expect(version).toBeGreaterThan(3)

    // a client that saw up to position 2 reconnects: it gets 3 … version, nothing before, nothing twice
    const resumed = await follow("/projects/sse-2026/stream", { "last-event-id": "2" }, (f) => f.at(-1)!.id >= version)
    expect(resumed.status).toBe(200)
    expect(resumed.contentType).toContain("text/event-stream")
    expect(resumed.frames.map((f) => f.id)).toEqual(page.events.filter((e) => e.position > 2).map((e) => e.position))
    for (const f of resumed.frames) {
      expect(f.data.position).toBe(f.id)
      expect(f.event).toBe(f.data.event._tag)
    }

    // resumed at the head, it waits, and a new commit arrives as the next frames (no earlier one repeated)
    const next = commands[4]!
    const live = await follow(
      "/projects/sse-2026/stream",
      { "last-event-id": String(version) },
      (f) => f.some((x) => x.data.commandId === next["commandId"]),
      async () => {
        expect((await post("sse-2026", next)).status).toBe(200)
      }
    )
    expect(live.frames[0]!.id).toBe(version + 1)
    expect(live.frames.every((f) => f.id > version && f.data.commandId === next["commandId"])).toBe(true)

    // `?after=` does what the header does; a header that is not a position is 400
    const after = await follow("/projects/sse-2026/stream?after=3", {}, (f) => f.at(-1)!.id >= version)
    expect(after.frames[0]!.id).toBe(4)
    const bad = await follow("/projects/sse-2026/stream", { "last-event-id": "abc" }, () => true)
    expect(bad.status).toBe(400)
  }, 180_000)
})

describe("the request-time limit", () => {
  it("answers a request slower than the limit with a 503 problem, and its command writes nothing", async () => {
    const command = accepted()[0]!
    const body = JSON.stringify(command)
    // the body is sent in two halves with a pause longer than the limit between them
    let responded = false
    const answer = await new Promise<{ status: number; contentType: string; text: string }>((done, fail) => {
      const req = request(`${server.url}/projects/slow-2026/commands`, {
        method: "POST",
        headers: { authorization: `Bearer ${keyOf(command)}`, "content-type": "application/json" }
      }, (res) => {
        responded = true
        let text = ""
        res.on("data", (chunk: Buffer) => void (text += chunk.toString("utf8")))
        res.on(
          "end",
          () => done({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"]), text })
        )
      })
      // the server may close the connection after answering, before the rest of the body is sent
      req.on("error", (e) => responded || fail(e))
      req.write(body.slice(0, 40))
      setTimeout(() => req.end(body.slice(40)), 4000)
    })
    expect(answer.status).toBe(503)
    expect(answer.contentType).toBe("application/problem+json")
    const problem = JSON.parse(answer.text) as Record<string, unknown>
    expect(problem).toMatchObject({ type: "urn:gsyf:problem:request-timeout", status: 503 })
    expect(problem["instance"]).toBe("/projects/slow-2026/commands")
    const events = await fetch(`${server.url}/projects/slow-2026/events`, {
      headers: { authorization: `Bearer ${plan.keys[plan.reader]}` }
    })
    expect(events.status).toBe(404)
    // the same command sent at an ordinary pace is accepted: the limit cut the request, not the project
    expect((await post("slow-2026", command)).status).toBe(200)
  }, 120_000)
})
