/**
 * Embedding gsyf without Effect: the Promise client on PostgreSQL.
 * Run: GSYF_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx examples/embedding/promise-postgres.ts
 */
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Client } from "@gsyf/core"
import { PgEventStore } from "@gsyf/store-postgres"
import { firstSteps } from "./commands.js"
import { sampleParameters } from "./plan.js"

const main = async () => {
  const url = process.env.GSYF_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test"
  const projectId = `promise-${Date.now()}`
  const client = await Client.make({
    parameters: sampleParameters(),
    calendar: ChinaHolidays.calendar,
    store: (projections) => PgEventStore.layer({ url, projections })
  })
  for (const command of firstSteps(projectId)) {
    const result = await client.execute(projectId, command)
    if (!result.ok) throw new Error(result.rejection.en)
  }
  const [doc] = (await client.list()).filter((p) => p.projectId === projectId)
  console.log(`${projectId}: status ${doc?.status}, next deadline ${JSON.stringify(doc?.nextDeadline)}`)
  console.log(`audit trail verified: ${(await client.verify(projectId)).ok}`)
  await client.close()
  if (doc?.nextDeadline?.date !== "2026-10-12") process.exit(1)
}
main().catch((e) => {
  console.error(e)
  process.exit(1)
})
