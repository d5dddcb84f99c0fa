import { Cli } from "@gsyf/cli"
import { AuditKey, Checkpoint, EventStore } from "@gsyf/core"
import { SqliteEventStore } from "@gsyf/store-sqlite"
import { Effect, Either } from "effect"
import { execFile } from "node:child_process"
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest"
import { stopWatching } from "../src/internal/commands/test.js"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const plan = join(root, "examples/plans/seed-2026.yaml")
const scenarios = join(root, "examples/scenarios")

/** Runs the CLI in-process, capturing what it prints. */
const gsyf = async (...argv: Array<string>) => {
  let out = ""
  let err = ""
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true))
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true))
  try {
    const code = await Cli.main(argv)
    return { code, out, err }
  } finally {
    o.mockRestore()
    e.mockRestore()
  }
}

afterEach(() => vi.restoreAllMocks())

describe("gsyf plan", () => {
  it("validates the sample plan and prints the rule report", async () => {
    const r = await gsyf("plan", plan)
    expect(r.code).toBe(0)
    expect(r.out).toContain("budget.fee-cap")
    expect(r.out).toContain("payment.advancePercent = 40")
    expect(r.out).toContain("passed: 9 rules, 0 errors")
  })

  it("names every problem of a bad parameter file and exits non-zero", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gsyf-cli-"))
    const bad = join(dir, "bad.yaml")
    writeFileSync(
      bad,
      readFileSync(plan, "utf8").replace("budget.total: \"300\"", "budget.total: \"abc\"\n  budget.totl: \"300\"")
    )
    const r = await gsyf("plan", bad)
    expect(r.code).toBe(1)
    expect(r.err).toContain("parameters.budget.total")
    expect(r.err).toContain("parameters.budget.totl")
    expect(r.err).toContain("unknown parameter")
  })

  it("refuses a file over the size limit (GSYF_MAX_FILE_MB) without reading it, and a bad limit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gsyf-cli-"))
    const big = join(dir, "big.yaml")
    // a valid plan padded with a comment to 1.5 MB
    writeFileSync(big, readFileSync(plan, "utf8") + "# " + "x".repeat(1_572_864) + "\n")
    expect((await gsyf("plan", big)).code).toBe(0)
    vi.stubEnv("GSYF_MAX_FILE_MB", "1")
    try {
      const r = await gsyf("plan", big)
      expect(r.code).toBe(1)
      expect(r.err).toContain("超过 1 MB")
      expect(r.err).toContain("is larger than 1 MB (GSYF_MAX_FILE_MB)")
      expect(r.err).not.toContain("xxxx")
      vi.stubEnv("GSYF_MAX_FILE_MB", "1e9")
      const bad = await gsyf("plan", big)
      expect(bad.code).toBe(2)
      expect(bad.err).toContain("GSYF_MAX_FILE_MB must be a whole number of MB from 1 to 1024")
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it("refuses a device, a symlink to one, a pipe and bytes that are not UTF-8, without reading without end", async () => {
    // the size the file system reports says nothing here: /dev/zero reports 0 bytes and was read until memory ran
    // out (`gsyf plan /dev/zero`: 5 GB in 20 s), a pipe hung the command, and `--public-key` had no limit at all.
    const dir = mkdtempSync(join(tmpdir(), "gsyf-cli-"))
    const link = join(dir, "zero.yaml")
    symlinkSync("/dev/zero", link)
    const fifo = join(dir, "pipe.yaml")
    await promisify(execFile)("mkfifo", [fifo])
    for (
      const args of [["plan", "/dev/zero"], ["plan", link], ["plan", fifo], ["verify", "--public-key", "/dev/zero"]]
    ) {
      const r = await gsyf(...args)
      expect(r.code).toBe(1)
      expect(r.err).toContain("is not a regular file")
      expect(r.err).toContain("不是普通文件")
    }
    const bytes = join(dir, "latin1.yaml")
    writeFileSync(
      bytes,
      Buffer.concat([Buffer.from(readFileSync(plan, "utf8")), Buffer.from("  plan.city: \xff\xfe\n", "latin1")])
    )
    const r = await gsyf("plan", bytes)
    expect(r.code).toBe(1)
    expect(r.err).toContain("is not valid UTF-8 text")
  })

  it("refuses a city file looser than a national bound, naming the parameter, value, bound and law", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gsyf-cli-"))
    const looser = join(dir, "looser.yaml")
    const text = readFileSync(plan, "utf8")
    writeFileSync(
      looser,
      text + [
        "  procurement.consultation.minSuppliers: 1",
        "  procurement.consultation.minDocumentDays: 3",
        "  procurement.consultation.expertShare: 1/3",
        "  payment.dueDays: 90",
        "  contract.signWithinDays: 90",
        ""
      ].join("\n")
    )
    const r = await gsyf("plan", looser)
    expect(r.code).toBe(1)
    for (const name of ["minSuppliers", "minDocumentDays", "expertShare"]) {
      expect(r.err).toContain(`parameters.procurement.consultation.${name}`)
    }
    expect(r.err).toContain("parameters.payment.dueDays")
    expect(r.err).toContain(
      "取值 90,比全国规定宽松:依据《保障中小企业款项支付条例》(国务院令第802号) 第九条,应不超过 30"
    )
    expect(r.err).toContain(
      "parameter contract.signWithinDays (Days to sign the contract after the award notice) is 90"
    )
    expect(r.err).toContain("《政府采购法》 第四十六条 requires at most 30")
    const stricter = join(dir, "stricter.yaml")
    writeFileSync(
      stricter,
      text + ["  procurement.consultation.minSuppliers: 4", "  contract.signWithinDays: 20", ""].join("\n")
    )
    const ok = await gsyf("plan", stricter)
    expect(ok.code).toBe(0)
    expect(ok.out).toContain("passed")
  })

  it("reports a plan that breaks a rule", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gsyf-cli-"))
    const over = join(dir, "over.yaml")
    writeFileSync(
      over,
      readFileSync(plan, "utf8").replace(
        "fund.priorYearContributionRevenue: \"12000\"",
        "fund.priorYearContributionRevenue: \"9000\""
      )
    )
    const r = await gsyf("plan", over)
    expect(r.code).toBe(1)
    expect(r.out).toContain("budget.fee-cap")
    expect(r.out).toMatch(/failed: 1 error/)
  })

  it("says so when the file is missing", async () => {
    const r = await gsyf("plan", "/nonexistent/plan.yaml")
    expect(r.code).toBe(1)
    expect(r.err).toContain("no such file")
  })
})

describe("gsyf rules", () => {
  it("lists stage rules and lifecycle guards with their basis", async () => {
    const r = await gsyf("rules", "--plan", plan, "--json")
    expect(r.code).toBe(0)
    const rows = JSON.parse(r.out) as Array<{ id: string; basis: Array<string> }>
    const ids = new Set(rows.map((x) => x.id))
    for (
      const id of [
        "budget.fee-cap",
        "payment.advance-amount",
        "procurement.consultation.panel",
        "publicity.before-procurement",
        "roles.allowed"
      ]
    ) {
      expect(ids.has(id)).toBe(true)
    }
    expect(rows.every((x) => x.basis.length > 0)).toBe(true)
  })
})

describe("gsyf verify on bad stores", () => {
  it("refuses a missing database without creating it", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "gsyf-cli-")), "none.db")
    const r = await gsyf("verify", "--db", file)
    expect(r.code).toBe(1)
    expect(r.err).toContain("no such file")
    expect(existsSync(file)).toBe(false)
  })

  it("reports a file that is not a database", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "gsyf-cli-")), "broken.db")
    writeFileSync(file, "this is not a sqlite database, just text ".repeat(200))
    const r = await gsyf("verify", "--db", file)
    expect(r.code).toBe(1)
    expect(r.err).toContain("cannot use the database")
  })
})

describe("gsyf test", () => {
  it("passes the example scenarios", async () => {
    const r = await gsyf(
      "test",
      join(scenarios, "payment-wrong-payee.yaml"),
      join(scenarios, "publicity-national-day.yaml")
    )
    expect(r.code).toBe(0)
    expect(r.out).toContain("2 passed, 0 failed")
  })

  it("loads the plugins.js beside a scenario folder as it is (no build), and its plugin changes the outcome", async () => {
    const r = await gsyf("test", join(root, "examples/city-scenarios"))
    expect([r.code, r.out]).toEqual([0, expect.stringContaining("1 passed, 0 failed")])
    // one file of the folder: the registry beside it still holds
    const file = await gsyf("test", join(root, "examples/city-scenarios/publicity-seven-days.yaml"))
    expect([file.code, file.out]).toEqual([0, expect.stringContaining("1 passed, 0 failed")])
    // the same scenario without its folder's registry names an unknown plugin
    const dir = mkdtempSync(join(tmpdir(), "gsyf-noplugins-"))
    const alone = join(dir, "alone.yaml")
    writeFileSync(alone, readFileSync(join(root, "examples/city-scenarios/publicity-seven-days.yaml"), "utf8"))
    const without = await gsyf("test", alone)
    expect(without.code).toBe(1)
    expect(without.out).toContain("LongerPublicity")
  })

  it("fails a wrong expectation with a readable diff and writes JUnit XML", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gsyf-cli-"))
    const source = readFileSync(join(scenarios, "publicity-national-day.yaml"), "utf8")
    expect(source).toContain("2026-10-12")
    const wrong = join(dir, "wrong.yaml")
    writeFileSync(
      wrong,
      source.replace("endsOn: 2026-10-12", "endsOn: 2026-10-09").replaceAll("./seed/", join(scenarios, "seed") + "/")
    )
    const junit = join(dir, "junit.xml")
    const r = await gsyf("test", wrong, "--junit", junit)
    expect(r.code).toBe(1)
    expect(r.out).toContain("2026-10-09")
    expect(r.out).toContain("2026-10-12")
    expect(r.out).toMatch(/expected/)
    expect(r.out).toContain("0 passed, 1 failed")
    expect(readFileSync(junit, "utf8")).toMatch(/failures="1"/)
  })
})

describe("gsyf new-scenario and gsyf test --watch", () => {
  const until = async (f: () => boolean, what: string) => {
    for (let i = 0; i < 600 && !f(); i++) await new Promise((r) => setTimeout(r, 100))
    if (!f()) throw new Error(`waited for ${what}`)
  }

  it("writes a scenario from a checkpoint that passes as written, and never overwrites one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gsyf-new-"))
    const file = join(dir, "award.yaml")
    const made = await gsyf("new-scenario", "seed@scored", "--out", file)
    expect(made.code).toBe(0)
    expect(readFileSync(file, "utf8")).toContain("from: seed@scored\n")
    expect(readFileSync(file, "utf8")).toContain("command: Award")
    const r = await gsyf("test", file)
    expect([r.code, r.out]).toEqual([0, expect.stringContaining("1 passed, 0 failed")])
    const again = await gsyf("new-scenario", "scored", "--out", file)
    expect(again.code).toBe(1)
    expect(again.err).toContain("was not overwritten")
    const unknown = await gsyf("new-scenario", "seed@scoring")
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain("no checkpoint named seed@scoring")
  })

  it("reruns a scenario file when it changes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gsyf-watch-"))
    const file = join(dir, "contract.yaml")
    expect((await gsyf("new-scenario", "awarded", "--out", file)).code).toBe(0)
    let out = ""
    const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true))
    const e = vi.spyOn(process.stderr, "write").mockImplementation(() => true)
    try {
      const running = Cli.main(["test", "--watch", dir])
      await until(() => out.includes("watching"), "the first run")
      expect(out).toContain("1 passed, 0 failed")
      writeFileSync(file, readFileSync(file, "utf8").replace("date: 2026-04-20", "date: 2026-04-21"))
      await until(() => out.includes("0 passed, 1 failed"), "the rerun")
      expect(out).toContain(`changed: ${file}`)
      expect(out).toContain("- expected: \"2026-10-20\"")
      stopWatching()
      expect(await running).toBe(1)
    } finally {
      o.mockRestore()
      e.mockRestore()
    }
  })
})

describe("gsyf demo, then the commands that read its store", () => {
  const out = mkdtempSync(join(tmpdir(), "gsyf-demo-"))
  // --db is honoured: the store goes where it says, not into the output folder
  const db = join(mkdtempSync(join(tmpdir(), "gsyf-demo-store-")), "store.db")
  let demo: Awaited<ReturnType<typeof gsyf>>

  beforeAll(async () => {
    demo = await gsyf("demo", "--out", out, "--db", db, "--plan", plan, "--scenario", join(scenarios, "seed-plan.yaml"))
  }, 300_000)

  it("writes the store where --db says", () => {
    expect(existsSync(db)).toBe(true)
    expect(existsSync(join(out, "gsyf-demo.db"))).toBe(false)
    expect(existsSync(join(out, ".gsyf.lock"))).toBe(false)
  })

  it("runs the seed lifecycle to filing and writes every document", () => {
    expect(demo.code).toBe(0)
    expect(demo.out).toContain("人民币捌拾柒万贰仟元整")
    expect(demo.out).toContain("不合格 / failed")
    expect(demo.out).toContain("chain verified")
    for (
      const f of [
        "01-implementation-plan.docx",
        "07-acceptance-report-keyAreas-2.html",
        "04-payment-notice-advance-keyAreas.md",
        "08-audit-trail-extract.docx",
        "audit-trail.jsonl",
        "ocds-release-package.json"
      ]
    ) {
      expect(existsSync(join(out, f))).toBe(true)
    }
    expect(readFileSync(join(out, "07-acceptance-report-keyAreas-1.md"), "utf8")).toContain("不合格")
  })

  it("verifies the stored trail", async () => {
    const r = await gsyf("verify", "--db", db)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/sample-city-2026: \d+ events/)
    // the same outcome whoever hashes the rows; a thread count out of range is refused
    for (const threads of ["0", "2"]) {
      const again = await gsyf("verify", "--db", db, "--hash-threads", threads)
      expect(again.code).toBe(0)
      expect(again.out).toBe(r.out)
    }
    const bad = await gsyf("verify", "--db", db, "--hash-threads", "17")
    expect(bad.code).toBe(1)
    expect(bad.err).toContain("--hash-threads must be an integer from 0 to 16, got 17")
  })

  it("shows progress on a terminal while it verifies and rebuilds the read models, and none when piped", async () => {
    const piped = await gsyf("verify", "--read-models", "--db", db, "--plan", plan)
    expect(piped.code).toBe(0)
    expect(piped.err).not.toContain("[#")
    const was = Object.getOwnPropertyDescriptor(process.stderr, "isTTY")
    Object.defineProperty(process.stderr, "isTTY", { value: true, configurable: true })
    try {
      const rebuild = await gsyf("verify", "--read-models", "--db", db, "--plan", plan)
      expect(rebuild.code).toBe(0)
      const bars = [...rebuild.err.matchAll(/\r\[[#.]+\] (\d+)\/(\d+) 重建读模型/g)].map((
        m
      ) => [Number(m[1]), Number(m[2])])
      expect(bars.length).toBeGreaterThan(0)
      // it counts up to the store's events and ends there, then clears its line
      const [done, total] = bars[bars.length - 1]!
      expect(done).toBe(total)
      expect(total).toBeGreaterThan(10)
      expect(rebuild.out).toContain("no finding")
      const chains = await gsyf("verify", "--db", db)
      expect(chains.code).toBe(0)
      expect(chains.err).toMatch(/\r\[\.+\] 0\/1 sample-city-2026/)
    } finally {
      if (was === undefined) delete (process.stderr as { isTTY?: boolean }).isTTY
      else Object.defineProperty(process.stderr, "isTTY", was)
    }
  })

  it(
    "audits the whole store: read models rebuilt, a checkpoint kept elsewhere; a cut tail and an edited read model are named",
    async () => {
      const clean = await gsyf("verify", "--read-models", "--db", db, "--plan", plan)
      expect(clean.code).toBe(0)
      expect(clean.out).toContain("no finding")
      // a copy of the store, its checkpoint written to another folder, and the audit key's public half
      const copy = join(out, "audited.db")
      copyFileSync(db, copy)
      const { privateKeyPem, publicKeyPem } = AuditKey.generate()
      const signer = Either.getOrThrow(AuditKey.signer(privateKeyPem))
      const folder = join(out, "checkpoints")
      await Effect.runPromise(
        Effect.flatMap(EventStore.EventStore, (store) => Checkpoint.take(store, signer)).pipe(
          Effect.flatMap((c) => Checkpoint.write(c, [Checkpoint.toFile(folder)])),
          Effect.provide(SqliteEventStore.layer({ filename: copy, readOnly: true }))
        )
      )
      const checkpoint = join(folder, readdirSync(folder)[0]!)
      const publicKey = join(out, "audit.pub")
      writeFileSync(publicKey, publicKeyPem)
      const audit = (...more: Array<string>) =>
        gsyf("verify", "--checkpoint", checkpoint, "--public-key", publicKey, "--db", copy, "--plan", plan, ...more)
      expect((await audit("--read-models")).code).toBe(0)
      // the last command cut off (events and command row), and a payment taken out of the ledger
      const Database = createRequire(join(root, "packages/store-sqlite/package.json"))("better-sqlite3")
      const sqlite = new Database(copy)
      const last = sqlite.prepare("SELECT MAX(first_position) AS p FROM commands WHERE stream_id = ?").get(
        "sample-city-2026"
      ).p
      sqlite.prepare("DELETE FROM events WHERE stream_id = ? AND position >= ?").run("sample-city-2026", last)
      sqlite.prepare("DELETE FROM commands WHERE stream_id = ? AND first_position >= ?").run("sample-city-2026", last)
      const ledger = sqlite.prepare("SELECT doc FROM read_models WHERE projection = 'gsyf.payment-ledger' LIMIT 1")
        .get()
      const doc = JSON.parse(ledger.doc)
      sqlite.prepare("UPDATE read_models SET doc = ? WHERE projection = 'gsyf.payment-ledger' AND doc = ?").run(
        JSON.stringify({ ...doc, payments: doc.payments.slice(1) }),
        ledger.doc
      )
      sqlite.close()
      const found = await audit("--read-models", "--json")
      expect(found.code).toBe(1)
      const kinds = JSON.parse(found.out).findings as Array<{ kind: string; streamId?: string; position?: number }>
      expect(kinds).toContainEqual(expect.objectContaining({ kind: "stream-truncated", streamId: "sample-city-2026" }))
      expect(kinds.map((f) => f.kind)).toContain("read-model-mismatch")
      const text = await audit()
      expect(text.code).toBe(1)
      expect(text.out).toContain(`sample-city-2026`)
    },
    120_000
  )

  it("explains the advance payment with the parameters it read", async () => {
    const list = await gsyf("explain", "sample-city-2026", "--db", db, "--plan", plan)
    expect(list.code).toBe(0)
    const line = list.out.split("\n").find((l) => l.includes("PaymentMade") && l.includes("预付款"))!
    const eventId = line.trim().split(/\s+/)[0]!
    const r = await gsyf("explain", "sample-city-2026", eventId, "--db", db, "--plan", plan)
    expect(r.code).toBe(0)
    expect(r.out).toContain("payment.advance-amount")
    expect(r.out).toContain("payment.advancePercent")
  })

  it("exports the OCDS release package", async () => {
    const file = join(out, "ocds.json")
    const r = await gsyf("ocds", "sample-city-2026", "--db", db, "--plan", plan, "--out", file)
    expect(r.code).toBe(0)
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { version: string; releases: Array<{ ocid: string }> }
    expect(pkg.version).toBe("1.1")
    expect(pkg.releases.length).toBeGreaterThan(100)
  })

  it("validates the OCDS export as Ocds.validate does, and a package file that breaks the rules", async () => {
    const r = await gsyf("ocds", "sample-city-2026", "--db", db, "--plan", plan, "--validate")
    expect(r.code).toBe(0)
    expect(r.out).toContain("OCDS 校验通过 / valid")
    expect(r.out).toContain("extensions: budgetBreakdown, gsyf")
    const json = await gsyf("ocds", "sample-city-2026", "--db", db, "--plan", plan, "--validate", "--json")
    const report = JSON.parse(json.out) as { valid: boolean; compiledReleases: number }
    expect(report.valid).toBe(true)
    expect(report.compiledReleases).toBe(3)
    const file = join(out, "ocds-to-break.json")
    expect((await gsyf("ocds", "sample-city-2026", "--db", db, "--plan", plan, "--out", file)).code).toBe(0)
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { releases: Array<Record<string, unknown>> }
    pkg.releases.reverse()
    const broken = join(out, "ocds-broken.json")
    writeFileSync(broken, JSON.stringify(pkg))
    const bad = await gsyf("ocds", "--validate", "--file", broken)
    expect(bad.code).toBe(1)
    expect(bad.out).toContain("date-order")
  })
})
