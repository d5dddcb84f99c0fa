/**
 * A host without Effect: everything through Promises and plain values, no `effect` import. The pack-and-install
 * test (scripts/install-test.mjs) compiles this file unchanged with `tsc --strict --module nodenext` as an ES
 * module and as CommonJS (a `.cts` copy), and runs both against the packed packages, next to effect 3 and next
 * to effect 4.
 *
 * Run: npx tsx examples/hosts/plain-host.ts
 * Environment: GSYF_PLAN (parameter file, default examples/plans/seed-2026.yaml), GSYF_HOST_STORES
 * (`sqlite`, `postgres` or both, comma-separated; default `sqlite`), GSYF_DATABASE_URL (PostgreSQL).
 */
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Client, Money, Parameter, Plain } from "@gsyf/core"
import { ProjectDocuments } from "@gsyf/documents"
import { Docx } from "@gsyf/documents-docx"
import { Ocds } from "@gsyf/ocds"
import { readFileSync } from "node:fs"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parse } from "yaml"

const at = (date: string) => `${date}T09:30:00+08:00`
const bureau = { id: "hrss-01", name: "王局长", organisation: "示例市人力资源和社会保障局", role: "hrss-bureau" }
const selectKeyAreas = (commandId: string) => ({
  _tag: "SelectKeyAreas",
  commandId,
  actor: bureau,
  at: at("2026-01-15"),
  top: 2,
  stats: (["C", "E", "G"] as const).flatMap((code, i) =>
    ["prior-year", "first-half"].map((period) => ({
      code,
      period,
      accidents: (3 - i) * (period === "prior-year" ? 40 : 20),
      accidentRate: `${3 + i}.1`,
      occupationalDiseaseCases: 3 - i,
      deaths: 1 + i,
      disabilityGrades1to4: 4 + i,
      fundPayout: `${4 - i}200000`,
      contributions: `${6 - i}1000000`
    }))
  )
})

const storeOf = (kind: string, dir: string): Client.Options["store"] =>
  kind === "postgres"
    ? { postgres: process.env.GSYF_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test", schema: "plain_host" }
    : { sqlite: join(dir, "plain-host.db") }

const main = async (): Promise<void> => {
  const file: unknown = parse(readFileSync(process.env.GSYF_PLAN ?? "examples/plans/seed-2026.yaml", "utf8"))

  // Parameters: a plain result with every bad field path, in Chinese and English.
  const parameters = Plain.result(Parameter.load(file))
  if (!parameters.ok) throw new Error(parameters.error.issues.map((i) => `${i.path}: ${i.zh}`).join("\n"))
  const refused = Plain.result(Parameter.load({ ...(file as object), "fees.capRate": "lots" }))
  console.log(
    `parameters: ${parameters.value.histories.size} values; a bad file → ${refused.ok ? "?" : refused.error.tag}`
  )

  // Money in capital letters, as a plain string.
  console.log(`capital: ${Plain.unwrap(Money.capital(Money.unsafeYuan("872000")))}`)

  const dir = mkdtempSync(join(tmpdir(), "gsyf-plain-host-"))
  for (const kind of (process.env.GSYF_HOST_STORES ?? "sqlite").split(",")) {
    const client = await Client.make({ parameters: file, calendar: ChinaHolidays.calendar, store: storeOf(kind, dir) })
    try {
      const projectId = `plain-host-${process.pid}`
      const done = await client.execute(projectId, selectKeyAreas(`${projectId}-1`))
      if (!done.ok) throw new Error(done.rejection.en)
      const events = await client.events(projectId)
      const verified = await client.verify(projectId)

      // A document to bytes: the implementation plan as DOCX (Docx.render and Pdf.render are Effects).
      const plan = Plain.unwrap(ProjectDocuments.implementationPlan({ config: client.config, events }))
      const docx: Uint8Array = await Plain.promise(Docx.render(plan))
      // OCDS: the release package of the project's events (empty until procurement starts).
      const ocds = Plain.result(Ocds.fromStream(events, {
        projectId,
        parameters: client.config.parameters,
        uri: `https://example.invalid/${projectId}.json`,
        publishedDate: "2026-01-16T00:00:00Z",
        publisher: { name: "示例市人力资源和社会保障局" }
      }))
      console.log(
        `${kind}: ${done.status}, ${events.length} events, trail ${verified.ok ? "verified" : "BROKEN"}, ` +
          `plan ${docx.byteLength} bytes of DOCX, OCDS ${
            ocds.ok ? ocds.value.releasePackage.releases.length : ocds.error.en
          }`
      )
      if (!verified.ok) process.exitCode = 1
    } finally {
      await client.close()
    }
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
