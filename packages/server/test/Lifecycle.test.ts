/**
 * A host written in Python drives the seed lifecycle, from the choice of key areas to the filing of the
 * acceptance reports, over HTTP against a real `gsyf serve` process: on SQLite and on PostgreSQL (a fresh schema).
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { pgUrl, psql, python, seedLifecycle, serve, tempDir, writeFixtures } from "./harness.js"
import { checkResponses, type Doc, type Recorded } from "./openapi.js"

const run = async (label: string, storeArgs: ReadonlyArray<string>) => {
  const dir = tempDir(label)
  const { plan, keyHashes } = await seedLifecycle("sample-city-2026")
  const files = writeFixtures(dir, plan, keyHashes)
  const server = await serve([
    ...(storeArgs.length === 0 ? ["--db", join(dir, "gsyf.db")] : storeArgs),
    "--api-keys",
    files.keysFile
  ])
  try {
    const summary = await python(server.url, files.planFile, files.record)
    const doc = await (await fetch(`${server.url}/openapi.json`)).json() as Doc
    const recorded = readFileSync(files.record, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Recorded)
    // every response the Python host got is documented and matches its schema in the OpenAPI document
    expect(checkResponses(doc, recorded)).toEqual([])
    return { summary, server }
  } finally {
    expect(await server.stop("SIGTERM")).toBe(0)
  }
}

const expectFiled = (summary: Record<string, unknown>) => {
  expect(summary["status"]).toBe("filed")
  expect(summary["verified"]).toBe(true)
  expect(summary["audited"]).toBe(true)
  expect(summary["rejected"]).toBeGreaterThan(0)
  expect(summary["executed"]).toBeGreaterThan(40)
  expect(summary["pdfBytes"]).toBeGreaterThan(10_000)
  expect(summary["pdfName"]).toMatch(/验收.*\.pdf$/)
  expect(summary["ocdsReleases"]).toBeGreaterThan(0)
}

describe("a Python host over HTTP", () => {
  it("drives the seed lifecycle to filing on SQLite", async () => {
    const { summary, server } = await run("sqlite", [])
    expectFiled(summary)
    const log = server.lines.filter((l) => l.includes("\"requestId\"")).map((l) =>
      JSON.parse(l) as { status: number; ms: number; path: string }
    )
    expect(log.length).toBeGreaterThan(50)
  }, 300_000)

  const schema = `srv_${process.pid}_${Date.now() % 100000}`
  afterAll(async () => {
    await psql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined)
  })

  it("drives the seed lifecycle to filing on PostgreSQL", async () => {
    const { summary } = await run("pg", ["--pg", pgUrl, "--schema", schema])
    expectFiled(summary)
    const { stdout } = await psql(`SELECT count(*) FROM ${schema}.events`)
    expect(Number(stdout.split("\n")[2]!.trim())).toBe(summary["version"])
  }, 300_000)
})
