/**
 * Bad requests get the right RFC 9457 problem and write nothing: bad JSON, undecodable commands, oversized bodies,
 * missing or wrong keys, keys used for another actor or party, roles the plan does not allow, unknown projects,
 * version and command-id conflicts. Every response is checked against the OpenAPI document.
 */
import { Authentication, Server } from "@gsyf/server"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { parse } from "yaml"
import { seedLifecycle, seedPlanFile, tempDir } from "./harness.js"
import { checkResponses, type Doc, type Recorded, validateDocument } from "./openapi.js"

const citizen = { id: "pub-1", name: "张三", organisation: "个人", role: "public" }
const keys = { agency: "", bureau: "", citizen: "citizen-key-0123456789" }
let first: Record<string, unknown> = {}
let bureau: Record<string, unknown> = {}

let server: Server.Running
const recorded: Array<Recorded> = []

const call = async (
  method: string,
  path: string,
  init: { key?: string; body?: string; headers?: Record<string, string> } = {}
) => {
  const response = await fetch(server.url + path, {
    method,
    headers: {
      ...(init.key === undefined ? {} : { authorization: `Bearer ${init.key}` }),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...init.headers
    },
    ...(init.body === undefined ? {} : { body: init.body })
  })
  const contentType = response.headers.get("content-type") ?? ""
  const text = await response.text()
  const body = contentType.includes("json") ? JSON.parse(text) as Record<string, any> : undefined
  recorded.push({ method, path, status: response.status, contentType, body })
  return { status: response.status, contentType, body: body ?? {}, headers: response.headers }
}

/** The first command of the seed lifecycle (the bureau selects the key areas), with another id or actor. */
const selectKeyAreas = (commandId: string, actor: object = bureau) => ({ ...first, commandId, actor })

const nothingWritten = async (projectId: string) => {
  const r = await call("GET", `/projects/${projectId}/events`, { key: keys.agency })
  expect(r.status).toBe(404)
  expect(r.body["type"]).toBe("urn:gsyf:problem:unknown-project")
}

beforeAll(async () => {
  const { keyHashes, plan } = await seedLifecycle("problems")
  first = plan.steps[1]!.command
  bureau = first["actor"] as Record<string, unknown>
  keys.bureau = plan.keys[bureau["id"] as string]!
  keys.agency = plan.keys["agency-01"]!
  server = await Server.start({
    parameters: parse(readFileSync(seedPlanFile, "utf8")),
    store: { sqlite: join(tempDir("problems"), "gsyf.db") },
    authentication: Authentication.apiKeys([
      ...keyHashes,
      {
        sha256: Authentication.hashKey(keys.citizen),
        subject: citizen.id,
        parties: [{ role: "public", organisation: "个人" }]
      }
    ]),
    port: 0,
    maxBodyBytes: 64 * 1024,
    log: "none"
  })
})

afterAll(async () => {
  await server?.close()
})

describe("problem responses", () => {
  it("bad JSON is 400 and writes nothing", async () => {
    const r = await call("POST", "/projects/p-json/commands", {
      key: keys.bureau,
      body: "{\"_tag\": \"SelectKeyAreas\","
    })
    expect(r.status).toBe(400)
    expect(r.contentType).toBe("application/problem+json")
    expect(r.body).toMatchObject({ type: "urn:gsyf:problem:invalid-json", status: 400, title: "Bad request" })
    expect(r.body["zh"]).toContain("JSON")
    expect(r.body["requestId"]).toBe(r.headers.get("x-request-id"))
    expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(ts|js):\d+/)
    await nothingWritten("p-json")
  })

  it("a body that is not UTF-8, or not sent as JSON, is 400 and writes nothing", async () => {
    // bytes that are not UTF-8 were replaced with U+FFFD and a command id never sent was stored, and a command sent
    // as a form or as text/plain (what a page may send cross-site without a preflight) was executed.
    const command = JSON.stringify(selectKeyAreas("ID"))
    const [before, after] = command.split("\"ID\"") as [string, string]
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(before + "\""),
      0xff,
      0xfe,
      ...new TextEncoder().encode("\"" + after)
    ])
    const response = await fetch(server.url + "/projects/p-bytes/commands", {
      method: "POST",
      headers: { authorization: `Bearer ${keys.bureau}`, "content-type": "application/json" },
      body: bytes
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ en: "the body is not valid UTF-8" })
    await nothingWritten("p-bytes")
    for (const type of ["text/plain;charset=UTF-8", "application/x-www-form-urlencoded"]) {
      const r = await call("POST", "/projects/p-form/commands", {
        key: keys.bureau,
        body: JSON.stringify(selectKeyAreas("c-form")),
        headers: { "content-type": type }
      })
      expect(r.status).toBe(400)
      expect(r.body["type"]).toBe("urn:gsyf:problem:unsupported-media-type")
      expect((r.body["issues"] as Array<{ path: string }>).map((i) => i.path)).toEqual(["content-type"])
    }
    await nothingWritten("p-form")
    // JSON with its charset is still JSON
    const ok = await call("POST", "/projects/p-charset/commands", {
      key: keys.bureau,
      body: JSON.stringify(selectKeyAreas("c-charset")),
      headers: { "content-type": "application/json; charset=utf-8" }
    })
    expect(ok.status).toBe(200)
  })

  it("a name written twice in one object is 400 naming it, and nothing is written", async () => {
    // JSON.parse keeps the last value; a gateway in front may keep the first and see another command
    const body = JSON.stringify(selectKeyAreas("c-dup-last"))
    const cases: ReadonlyArray<readonly [string, string]> = [
      [body.replace("{", "{\"commandId\":\"c-dup-first\","), "commandId"],
      [body.replace("\"code\":", "\"\\u0063ode\":\"X\",\"code\":"), "stats[0].code"],
      [body.replace("\"id\":", "\"id\":\"x\",\"id\":"), "actor.id"]
    ]
    for (const [text, path] of cases) {
      expect(() => JSON.parse(text)).not.toThrow()
      const r = await call("POST", "/projects/p-dup/commands", { key: keys.bureau, body: text })
      expect(r.status).toBe(400)
      expect((r.body["issues"] as Array<{ path: string }>).map((i) => i.path)).toEqual([path])
    }
    await nothingWritten("p-dup")
    // the same name in two objects is no duplicate
    const ok = await call("POST", "/projects/p-dup-ok/commands", { key: keys.bureau, body })
    expect(ok.status).toBe(200)
  })

  it("an undecodable command is 400 with each field path in both languages", async () => {
    const r = await call("POST", "/projects/p-decode/commands", {
      key: keys.bureau,
      body: JSON.stringify({ ...selectKeyAreas("c1"), at: "2026-13-45", actor: { ...bureau, role: "mayor" } })
    })
    expect(r.status).toBe(400)
    const paths = (r.body["issues"] as Array<{ path: string; zh: string; en: string }>).map((i) => i.path)
    expect(paths.some((p) => p.includes("actor.role"))).toBe(true)
    for (const i of r.body["issues"]) expect(i.zh.length > 0 && i.en.length > 0).toBe(true)
    await nothingWritten("p-decode")
  })

  it("a tag that cannot be read as a value is 400 at its path, not a fault", async () => {
    const r = await call("POST", "/projects/p-unreadable/commands", {
      key: keys.bureau,
      body: JSON.stringify({ ...selectKeyAreas("c1"), _tag: { toString: false } })
    })
    expect(r.status).toBe(400)
    const issues = r.body["issues"] as Array<{ path: string; zh: string; en: string }>
    expect(issues.map((i) => i.path)).toEqual(["_tag"])
    expect(issues[0]!.en).toContain("toString")
    await nothingWritten("p-unreadable")
  })

  it("an oversized body is 413, declared or streamed, and writes nothing", async () => {
    const big = JSON.stringify({ ...selectKeyAreas("c-big"), padding: "x".repeat(100 * 1024) })
    const declared = await call("POST", "/projects/p-big/commands", { key: keys.bureau, body: big })
    expect(declared.status).toBe(413)
    expect(declared.body["type"]).toBe("urn:gsyf:problem:payload-too-large")
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) {
          controller.enqueue(new TextEncoder().encode(big.slice(i * 11_000, (i + 1) * 11_000)))
        }
        controller.close()
      }
    })
    // streamed without a length: the server stops reading at the limit and answers 413 (or closes the upload)
    const streamed = await fetch(server.url + "/projects/p-big/commands", {
      method: "POST",
      headers: { authorization: `Bearer ${keys.bureau}`, "content-type": "application/json" },
      body: chunks,
      duplex: "half"
    } as RequestInit).then((r) => r.status, () => "closed")
    expect([413, "closed"]).toContain(streamed)
    await nothingWritten("p-big")
  })

  it("no key or a wrong key is 401 and writes nothing", async () => {
    const none = await call("POST", "/projects/p-key/commands", { body: JSON.stringify(selectKeyAreas("c1")) })
    expect(none.status).toBe(401)
    const wrong = await call("POST", "/projects/p-key/commands", {
      key: "not-a-key",
      body: JSON.stringify(selectKeyAreas("c1"))
    })
    expect(wrong.status).toBe(401)
    expect(wrong.body["type"]).toBe("urn:gsyf:problem:unauthenticated")
    const read = await call("GET", "/projects/p-key/state", { key: "not-a-key" })
    expect(read.status).toBe(401)
    await nothingWritten("p-key")
  })

  it("a key used for another actor or party is 403 and writes nothing", async () => {
    const otherActor = await call("POST", "/projects/p-party/commands", {
      key: keys.agency,
      body: JSON.stringify(selectKeyAreas("c1"))
    })
    expect(otherActor.status).toBe(403)
    expect(otherActor.body["type"]).toBe("urn:gsyf:problem:actor-binding")
    const otherParty = await call("POST", "/projects/p-party/commands", {
      key: keys.bureau,
      body: JSON.stringify(selectKeyAreas("c1", { ...bureau, organisation: "另一个市人力资源和社会保障局" }))
    })
    expect(otherParty.status).toBe(403)
    expect(otherParty.body["zh"]).toContain("另一个市人力资源和社会保障局")
    await nothingWritten("p-party")
  })

  it("a role the plan does not allow is 403 with the rule and writes nothing", async () => {
    const r = await call("POST", "/projects/p-role/commands", {
      key: keys.citizen,
      body: JSON.stringify(selectKeyAreas("c1", citizen))
    })
    expect(r.status).toBe(403)
    expect(r.body["type"]).toBe("urn:gsyf:problem:role-refused")
    await nothingWritten("p-role")
  })

  it("an unknown project or route is 404", async () => {
    for (
      const path of [
        "/projects/nobody/state",
        "/projects/nobody/verify",
        "/projects/nobody/documents",
        "/projects/nobody/ocds"
      ]
    ) {
      const r = await call("GET", path, { key: keys.agency })
      expect(r.status).toBe(404)
      expect(r.body["instance"]).toBe(path)
    }
    const route = await call("GET", "/no/such/route", { key: keys.agency })
    expect(route.status).toBe(404)
    expect(route.contentType).toBe("application/problem+json")
  })

  it("health, readiness and the OpenAPI document need no key; the document is valid OpenAPI 3.1", async () => {
    expect((await call("GET", "/health")).status).toBe(200)
    expect((await call("GET", "/ready")).body).toEqual({ status: "ok", store: "ok" })
    const doc = await (await fetch(server.url + "/openapi.json")).json() as Doc
    const verdict = await validateDocument(doc)
    expect(verdict.errors).toBeUndefined()
    expect(verdict.valid).toBe(true)
    expect(verdict.version).toBe("3.1")
    const page = await fetch(server.url + "/docs")
    expect(page.status).toBe(200)
    expect(page.headers.get("content-type")).toContain("text/html")
  })
})

describe("starting on a port in use", () => {
  it("says why it cannot start: the listen error, not an empty reason", async () => {
    const port = Number(new URL(server.url).port)
    const second = Server.start({
      parameters: parse(readFileSync(seedPlanFile, "utf8")),
      store: { sqlite: join(tempDir("problems-busy"), "gsyf.db") },
      authentication: Authentication.apiKeys([]),
      port,
      log: "none"
    })
    await expect(second).rejects.toThrow(/^cannot start the service: .*EADDRINUSE/)
  })
})

describe("audit and parameter checks", () => {
  it("the store audit and the parameter check answer as the OpenAPI document describes", async () => {
    recorded.length = 0
    const audit = await call("POST", "/audit", { key: keys.agency, body: JSON.stringify({ readModels: true }) })
    expect(audit.status).toBe(200)
    expect(audit.body).toMatchObject({ ok: true, findings: [] })
    expect(audit.body["streams"]).toBeGreaterThanOrEqual(0)
    const badAudit = await call("POST", "/audit", { key: keys.agency, body: JSON.stringify({ readModels: "yes" }) })
    expect(badAudit.status).toBe(400)
    // each bad field by its path, in both languages (the answer was "invalid audit request: AuditRequest")
    expect(badAudit.body["issues"]).toEqual([expect.objectContaining({ path: "readModels" })])
    expect(badAudit.body["zh"]).toContain("readModels")
    const badCheckpoint = await call("POST", "/audit", {
      key: keys.agency,
      body: JSON.stringify({ checkpoint: { format: "x" }, extra: 1 })
    })
    expect(badCheckpoint.status).toBe(400)
    const paths = (badCheckpoint.body["issues"] as Array<{ path: string }>).map((i) => i.path)
    expect(paths).toContain("extra")
    expect(paths.some((p) => p.startsWith("checkpoint."))).toBe(true)
    const seed = parse(readFileSync(seedPlanFile, "utf8")) as Record<string, unknown>
    const valid = await call("POST", "/parameters/validate", { key: keys.agency, body: JSON.stringify(seed) })
    expect(valid.status).toBe(200)
    expect(valid.body["passed"]).toBe(true)
    expect(valid.body["report"]).toMatchObject({ format: "gsyf.trace.v1", passed: true, findings: [] })
    expect((valid.body["report"]["trace"] as Array<unknown>).length).toBeGreaterThan(0)
    const invalid = await call("POST", "/parameters/validate", {
      key: keys.agency,
      body: JSON.stringify({
        ...seed,
        parameters: { ...(seed["parameters"] as object), "plan.fiscalYear": "next year" }
      })
    })
    expect(invalid.status).toBe(400)
    expect(invalid.body["issues"].length).toBeGreaterThan(0)
    expect(checkResponses(await (await fetch(server.url + "/openapi.json")).json() as Doc, recorded)).toEqual([])
  })
})

describe("conflicts", () => {
  it("If-Match at another version and a command id reused for another command are 409 and write nothing", async () => {
    recorded.length = 0
    const ok = await call("POST", "/projects/p-409/commands", { key: keys.bureau, body: JSON.stringify(first) })
    expect(ok.status).toBe(200)
    expect(ok.body["version"]).toBeGreaterThan(0)
    const version = ok.body["version"] as number
    const stale = await call("POST", "/projects/p-409/commands", {
      key: keys.bureau,
      body: JSON.stringify(selectKeyAreas("c-stale")),
      headers: { "if-match": `"${version - 1}"` }
    })
    expect(stale.status).toBe(409)
    expect(stale.body["type"]).toBe("urn:gsyf:problem:version-conflict")
    for (const header of ["abc", "\"1e23\"", "9".repeat(16)]) {
      const malformed = await call("POST", "/projects/p-409/commands", {
        key: keys.bureau,
        body: JSON.stringify(selectKeyAreas("c-malformed")),
        headers: { "if-match": header }
      })
      expect(malformed.status).toBe(400)
      expect((malformed.body["issues"] as Array<{ path: string }>).map((i) => i.path)).toEqual(["if-match"])
    }
    const reused = await call("POST", "/projects/p-409/commands", {
      key: keys.bureau,
      body: JSON.stringify({ ...first, actor: { ...bureau, name: "王副局长" } })
    })
    expect(reused.status).toBe(409)
    expect(reused.body["type"]).toBe("urn:gsyf:problem:command-id-conflict")
    const page = await call("GET", "/projects/p-409/events", { key: keys.agency })
    expect(page.body["version"]).toBe(version)
    expect(checkResponses(await (await fetch(server.url + "/openapi.json")).json() as Doc, recorded)).toEqual([])
  })
})
