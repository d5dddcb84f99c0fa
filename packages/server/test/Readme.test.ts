/**
 * The README's curl example (examples/readme/http.sh) run as written against a server on the seed plan: the
 * command is recorded, the state and the events show it, and the OpenAPI document is written.
 */
import { Authentication, Server } from "@gsyf/server"
import { execFile } from "node:child_process"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { promisify } from "node:util"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { parse } from "yaml"
import { root, seedLifecycle, seedPlanFile, tempDir } from "./harness.js"

const exec = promisify(execFile)
let server: Server.Running
let key = ""
let commandFile = ""
const dir = tempDir("readme")

beforeAll(async () => {
  const { keyHashes, plan } = await seedLifecycle("city-2026")
  // the first command of the seed lifecycle (the one before it is the early filing the harness adds)
  const command = plan.steps[1]!.command
  key = plan.keys[(command["actor"] as { id: string }).id]!
  commandFile = join(dir, "command.json")
  writeFileSync(commandFile, JSON.stringify(command))
  server = await Server.start({
    parameters: parse(readFileSync(seedPlanFile, "utf8")),
    store: { sqlite: join(dir, "gsyf.db") },
    authentication: Authentication.apiKeys(keyHashes),
    port: 0,
    log: "none"
  })
})

afterAll(async () => {
  await server?.close()
})

describe("the README's curl example", () => {
  it("records a command and reads it back over HTTP", async () => {
    const { stdout } = await exec("bash", [join(root, "examples/readme/http.sh")], {
      cwd: dir,
      env: { ...process.env, GSYF_URL: server.url, GSYF_KEY: key, COMMAND: commandFile },
      timeout: 120_000
    })
    const [executed, state, events] = stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>)
    expect(executed!["projectId"]).toBe("city-2026")
    expect(executed!["duplicate"]).toBe(false)
    expect(executed!["version"]).toBeGreaterThan(0)
    const tags = (executed!["events"] as Array<{ _tag: string }>).map((e) => e._tag)
    expect(tags.length).toBeGreaterThan(0)
    expect(JSON.stringify(state)).toContain("city-2026")
    expect(JSON.stringify(events)).toContain(tags[0]!)
    const openApi = JSON.parse(readFileSync(join(dir, "openapi.json"), "utf8")) as { openapi: string }
    expect(openApi.openapi).toMatch(/^3\.1/)
    expect(existsSync(join(dir, "gsyf.db"))).toBe(true)
  }, 180_000)
})
