/**
 * A real `gsyf serve` behind a trusted identity gateway (`GSYF_GATEWAY_SECRET`): the gateway's identity headers
 * are believed only with the gateway's secret; without it, with another secret, with a subject alone or with
 * parties that do not cover the command's actor, the request is refused and nothing is written.
 */
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Actor, type Plan, seedLifecycle, serve, type Served, tempDir } from "./harness.js"

const secret = "gateway-secret-0123456789abcdef"
let server: Served
let plan: Plan

beforeAll(async () => {
  plan = (await seedLifecycle("gateway-2026")).plan
  const dir = tempDir("gateway")
  // no API key file: the gateway is the only way in
  server = await serve(["--db", join(dir, "gsyf.db")], { GSYF_GATEWAY_SECRET: secret })
}, 120_000)

afterAll(async () => {
  if (server !== undefined) expect(await server.stop()).toBe(0)
})

const asGateway = (actor: Actor, extra: Record<string, string> = {}) => ({
  "x-gsyf-gateway-secret": secret,
  "x-gsyf-subject": actor.id,
  "x-gsyf-parties": `${actor.role}@${encodeURIComponent(actor.organisation)}`,
  ...extra
})

const post = (projectId: string, command: Record<string, unknown>, headers: Record<string, string>) =>
  fetch(`${server.url}/projects/${projectId}/commands`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(command)
  })

const eventsOf = async (projectId: string) => {
  const reader = plan.steps.map((s) => s.command["actor"] as Actor).find((a) => a.id === plan.reader)!
  const r = await fetch(`${server.url}/projects/${projectId}/events`, { headers: asGateway(reader) })
  return r.status === 404 ? 0 : ((await r.json()) as { version: number }).version
}

describe("the gateway adapter of a real server", () => {
  it("takes the gateway's identity with its secret and refuses it otherwise, writing nothing", async () => {
    const command = plan.steps.find((s) => !s.rejected)!.command
    const actor = command["actor"] as Actor
    const refusals: Array<[string, Record<string, string>, number, string]> = [
      ["no secret", { ...asGateway(actor), "x-gsyf-gateway-secret": "" }, 401, "unauthenticated"],
      [
        "another secret",
        asGateway(actor, { "x-gsyf-gateway-secret": "not-the-gateway-0123456789" }),
        401,
        "unauthenticated"
      ],
      ["a subject alone (no gateway)", { "x-gsyf-subject": actor.id }, 401, "unauthenticated"],
      ["an API key (none configured)", { authorization: "Bearer some-key-0123456789" }, 401, "unauthenticated"],
      ["a malformed parties header", asGateway(actor, { "x-gsyf-parties": "no-at-sign" }), 401, "unauthenticated"],
      [
        "parties that do not cover the actor",
        asGateway(actor, { "x-gsyf-parties": "public@%E4%B8%AA%E4%BA%BA" }),
        403,
        "actor-binding"
      ],
      ["another subject", asGateway(actor, { "x-gsyf-subject": "someone-else" }), 403, "actor-binding"]
    ]
    for (const [what, headers, status, kind] of refusals) {
      const r = await post("gw-2026", command, headers)
      expect({ what, status: r.status }).toEqual({ what, status })
      expect(r.headers.get("content-type")).toBe("application/problem+json")
      expect(((await r.json()) as { type: string }).type).toBe(`urn:gsyf:problem:${kind}`)
    }
    expect(await eventsOf("gw-2026")).toBe(0)

    const accepted = await post("gw-2026", command, asGateway(actor))
    expect(accepted.status).toBe(200)
    const done = (await accepted.json()) as { version: number; events: Array<{ actor: Actor }> }
    expect(done.version).toBeGreaterThan(0)
    expect(done.events[0]!.actor.id).toBe(actor.id)
    expect(await eventsOf("gw-2026")).toBe(done.version)
  }, 120_000)
})
