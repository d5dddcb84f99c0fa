/**
 * What a new user stumbled on with the published command line, each reproduced here: defaults that pointed into
 * the repository, `--help` that ran the command, unknown flags and missing values accepted, `verify` that said ✓
 * for a project that does not exist or wrote into a database it should only read, `--json` missing on most
 * commands, messages mixing languages, echoed terminal escapes and file contents, two demos sharing a folder.
 */
import { SqliteEventStore } from "@gsyf/store-sqlite"
import { Effect } from "effect"
import { spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { importModule } from "../src/internal/context.js"
import { gsyf } from "./gsyf.js"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const plan = join(root, "examples/plans/seed-2026.yaml")
const temp = (label: string) => mkdtempSync(join(tmpdir(), `gsyf-${label}-`))

/** A statement through psql (an asynchronous child process), its output trimmed. */
const psql = (database: string, sql: string) =>
  new Promise<string>((resolve, reject) => {
    const child = spawn("psql", ["-h", "127.0.0.1", "-U", "postgres", "-d", database, "-tAc", sql])
    let out = ""
    child.stdout.on("data", (d) => (out += String(d)))
    child.on("error", reject)
    child.on("close", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`psql exited ${code}`))))
  })

/** Runs in another working directory, as a user outside the repository does. */
const inFolder = async <A>(dir: string, f: () => Promise<A>): Promise<A> => {
  const before = process.cwd()
  process.chdir(dir)
  try {
    return await f()
  } finally {
    process.chdir(before)
  }
}

describe("defaults that ship with the package", () => {
  it("plan and rules work from a folder without the repository's examples", async () => {
    const dir = temp("outside")
    const planned = await inFolder(dir, () => gsyf("plan"))
    expect(planned.code).toBe(0)
    expect(planned.out).toContain("passed")
    const rules = await inFolder(dir, () => gsyf("rules", "--json"))
    expect(rules.code).toBe(0)
    expect((JSON.parse(rules.out) as ReadonlyArray<unknown>).length).toBeGreaterThan(50)
  })
})

describe("help, version and the parser", () => {
  it("`demo --help` prints the command's help and runs nothing", async () => {
    const dir = temp("help")
    const r = await inFolder(dir, () => gsyf("demo", "--help"))
    expect(r.code).toBe(0)
    expect(r.out).toContain("--out")
    expect(r.out).toContain("--db")
    expect(readdirSync(dir)).toEqual([])
  })

  it("`test --help` runs no scenario", async () => {
    const r = await gsyf("test", "--help")
    expect(r.code).toBe(0)
    expect(r.out).not.toMatch(/passed|failed/)
  })

  it("--version prints the package version", async () => {
    const r = await gsyf("--version")
    const pkg = JSON.parse(readFileSync(join(root, "packages/cli/package.json"), "utf8")) as { version: string }
    expect(r.code).toBe(0)
    expect(r.out.trim()).toBe(pkg.version)
  })

  it("an unknown flag exits 2 (`rules --jsn`)", async () => {
    const r = await gsyf("rules", "--jsn")
    expect(r.code).toBe(2)
    expect(r.out).toBe("")
    expect(r.err).toContain("--jsn")
  })

  it("an option without its value exits 2 instead of falling back to the seed plan", async () => {
    for (const argv of [["rules", "--plan"], ["plan", "--plugins"], ["verify", "--db"], ["demo", "--out"]]) {
      const r = await gsyf(...argv)
      expect(r.code, argv.join(" ")).toBe(2)
      expect(r.out, argv.join(" ")).not.toContain("passed")
    }
  })

  it("an unknown command exits 2", async () => {
    expect((await gsyf("nosuch")).code).toBe(2)
  })
})

describe("verify reads and never writes", () => {
  const dir = temp("verify")
  const db = join(dir, "store.db")

  it("a project not in the store and a store without projects both answer 'not found', exit 1", async () => {
    // a store with one project
    const stored = await gsyf("demo", "--out", join(dir, "out"), "--db", db, "--plan", plan, "--json")
    expect(stored.code).toBe(0)
    expect(JSON.parse(stored.out)).toMatchObject({ ok: true, status: "filed" })
    const missing = await gsyf("verify", "nosuch", "--db", db)
    expect(missing.code).toBe(1)
    expect(missing.err).toContain("not found")
    expect(missing.out).not.toContain("✓")
    // an empty store (created by the library, no project yet)
    const empty = join(dir, "empty.db")
    await Effect.runPromise(
      Effect.provide(Effect.void, SqliteEventStore.layer({ filename: empty, projections: [] }))
    )
    const none = await gsyf("verify", "--db", empty)
    expect(none.code).toBe(1)
    expect(none.err).toContain("not found")
    const found = await gsyf("verify", "sample-city-2026", "--db", db, "--json")
    expect(found.code).toBe(0)
    expect(JSON.parse(found.out)).toMatchObject({ ok: true, found: true })
  }, 300_000)

  it("refuses a SQLite file that is not a gsyf store: no table, no WAL switch, the file byte for byte", async () => {
    // an empty file is an empty SQLite database: before, verify created the store's tables in it and switched it to WAL
    const blank = join(dir, "blank.db")
    writeFileSync(blank, "")
    const r = await gsyf("verify", "--db", blank)
    expect(r.code).toBe(1)
    expect(r.err).toContain("holds no gsyf event store")
    expect(readFileSync(blank).length).toBe(0)
    expect(existsSync(`${blank}-wal`)).toBe(false)
    // a host's own SQLite database (its tables named host_*): the database file is left as it was
    const foreign = join(dir, "host.db")
    await Effect.runPromise(
      Effect.provide(Effect.void, SqliteEventStore.layer({ filename: foreign, projections: [], tablePrefix: "host_" }))
    )
    const before = readFileSync(foreign)
    const again = await gsyf("verify", "--db", foreign)
    expect(again.code).toBe(1)
    expect(again.err).toContain("holds no gsyf event store")
    expect(readFileSync(foreign)).toEqual(before)
  })

  it("verify --pg on an empty database is refused as holding no gsyf store, and no table is created", async () => {
    const database = `gsyf_cli_empty_${process.pid}`
    await psql("test", `CREATE DATABASE ${database}`)
    try {
      const r = await gsyf("verify", "--pg", `postgres://postgres@127.0.0.1:5432/${database}`)
      expect(r.code).toBe(1)
      expect(r.err).toContain("holds no gsyf event store")
      expect(
        await psql(
          database,
          "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
        )
      ).toBe("0")
    } finally {
      await psql("test", `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    }
  })

  it("explain and ocds on an unknown project say 'not found' with exit 1", async () => {
    for (const cmd of ["explain", "ocds"]) {
      const r = await gsyf(cmd, "nosuch", "--db", db, "--plan", plan)
      expect(r.code, cmd).toBe(1)
      expect(r.err, cmd).toContain("not found")
    }
  })
})

describe("--json on every command: JSON on stdout, messages on stderr", () => {
  it("plan of a bad file prints its problems as JSON", async () => {
    const bad = join(temp("json"), "bad.yaml")
    writeFileSync(bad, readFileSync(plan, "utf8").replace("budget.total: \"300\"", "budget.total: \"abc\""))
    const r = await gsyf("plan", bad, "--json")
    expect(r.code).toBe(1)
    const report = JSON.parse(r.out) as { passed: boolean; problems: ReadonlyArray<{ en: string }> }
    expect(report.passed).toBe(false)
    expect(report.problems.some((p) => p.en.includes("budget.total"))).toBe(true)
    expect(r.err).toContain("错误")
  })

  it("test prints its results as JSON and its summary on stderr", async () => {
    const r = await gsyf("test", join(root, "examples/scenarios/briefing-late.yaml"), "--json")
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ passed: 1, failed: 0 })
    expect(r.err).toContain("1 passed")
  })
})

describe("hostile input stays harmless in the output", () => {
  it("messages: wholly Chinese first, then wholly English, no stack trace", async () => {
    const r = await gsyf("plan", join(temp("lang"), "none.yaml"))
    expect(r.code).toBe(1)
    const lines = r.err.trim().split("\n")
    expect(lines[0]).toMatch(/^错误:/)
    expect(lines[0]).not.toMatch(/no such|file:/)
    expect(lines.findIndex((l) => l.startsWith("error:"))).toBeGreaterThan(0)
    expect(r.err).not.toMatch(/\n\s+at /)
  })

  it("terminal escapes in echoed input are removed", async () => {
    const r = await gsyf("plan", "/nonexistent/\u001b]0;pwned\u0007\u001b[2Jplan.yaml")
    expect(r.code).toBe(1)
    expect(r.err).not.toContain("\u001b]")
    expect(r.err).not.toContain("\u001b[2J")
    expect(r.err).not.toContain("\u0007")
  })

  it("a file's content never appears in an error", async () => {
    const secret = join(temp("secret"), "secret.yaml")
    writeFileSync(secret, "password: hunter2-top-secret\n  : [unbalanced\n")
    const r = await gsyf("plan", secret)
    expect(r.code).toBe(1)
    expect(r.err).not.toContain("hunter2")
    expect(r.err).toMatch(/secret\.yaml:\d+:\d+/)
  })
})

describe("plugins from .ts without tsx", () => {
  it("strips the types of a plugins.ts with esbuild and loads its registry", async () => {
    const dir = join(root, "packages/cli/test-artifacts", `plugins-${process.pid}`)
    mkdirSync(dir, { recursive: true })
    const file = join(dir, "plugins.ts")
    writeFileSync(
      file,
      `import { Plugin } from "@gsyf/core"
const none: Plugin.Plugin = Plugin.make({ name: "ts-only", version: "1.0.0", description: "类型已剥离" }, {})
export const registry = (): Map<string, Plugin.Plugin> => new Map([["ts-only", none]])
`
    )
    const mod = (await importModule(file, { native: false })) as { registry: () => Map<string, unknown> }
    expect([...mod.registry().keys()]).toEqual(["ts-only"])
    expect(readdirSync(dir)).toEqual(["plugins.ts"])
  })
})

describe("demo honours --pg", () => {
  it("runs the seed lifecycle into the PostgreSQL schema it is given, not into a SQLite file", async () => {
    const database = `gsyf_cli_demo_${process.pid}`
    await psql("test", `CREATE DATABASE ${database}`)
    try {
      const out = temp("demo-pg")
      const url = `postgres://postgres@127.0.0.1:5432/${database}`
      const r = await gsyf("demo", "--out", out, "--pg", url, "--schema", "city", "--plan", plan, "--json")
      expect(r.code).toBe(0)
      expect(JSON.parse(r.out)).toMatchObject({ ok: true, status: "filed" })
      expect(existsSync(join(out, "gsyf-demo.db"))).toBe(false)
      expect(Number(await psql(database, "SELECT count(*) FROM city.events"))).toBeGreaterThan(100)
      const verified = await gsyf("verify", "sample-city-2026", "--pg", url, "--schema", "city")
      expect(verified.code).toBe(0)
    } finally {
      await psql("test", `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    }
  }, 300_000)
})

describe("demo takes its output folder for itself", () => {
  it("a second run on a folder being written is refused and deletes nothing", async () => {
    const out = temp("locked")
    writeFileSync(join(out, "gsyf-demo.db"), "the first run's store")
    writeFileSync(join(out, ".gsyf.lock"), String(process.pid))
    const r = await gsyf("demo", "--out", out, "--plan", plan)
    expect(r.code).toBe(1)
    expect(r.err).toContain("another run")
    expect(readFileSync(join(out, "gsyf-demo.db"), "utf8")).toBe("the first run's store")
  })
})
