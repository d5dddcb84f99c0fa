/**
 * Embedding gsyf without Effect: the Promise client on SQLite.
 * Run: npx tsx examples/embedding/promise-sqlite.ts
 */
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Client } from "@gsyf/core"
import { SqliteEventStore } from "@gsyf/store-sqlite"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { firstSteps } from "./commands.js"
import { sampleParameters } from "./plan.js"

const main = async () => {
  const filename = join(mkdtempSync(join(tmpdir(), "gsyf-")), "gsyf.db")
  const client = await Client.make({
    parameters: sampleParameters(),
    calendar: ChinaHolidays.calendar,
    store: (projections) => SqliteEventStore.layer({ filename, projections })
  })
  for (const command of firstSteps("promise")) {
    const result = await client.execute("sample-city-2026", command)
    console.log(
      `${String(command._tag).padEnd(20)} → ${result.ok ? result.status : result.rejection.ruleIds.join(", ")}`
    )
  }
  // A second budget submission is out of order: a typed rejection, returned as a value.
  const again = await client.execute("sample-city-2026", {
    ...firstSteps("promise")[10],
    commandId: "promise-budget-again"
  })
  console.log(again.ok ? "unexpected" : `rejected: ${again.rejection.ruleIds.join(", ")} — ${again.rejection.zh}`)
  const progress = await client.progress("sample-city-2026", "2026-10-01")
  console.log(`quota items tracked: ${progress.length}`)
  console.log(`audit trail verified: ${(await client.verify("sample-city-2026")).ok}`)
  await client.close()
  if (again.ok) process.exit(1)
}
main().catch((e) => {
  console.error(e)
  process.exit(1)
})
