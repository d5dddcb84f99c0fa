/**
 * A 10,000-event project for the lifecycle and trail benchmarks: the seed
 * lifecycle (both sub-projects, from key areas to filing) with thousands of
 * extra deliverables recorded during the contract period, every event decided
 * by `Lifecycle.decide` (so the stream is one a real host could have stored).
 * Not a benchmark itself (only `*.bench.ts` files are run).
 */
import { Lifecycle, type ProjectEvent } from "@gsyf/core"
import {
  acceptanceAndFiling,
  actors,
  contracting,
  delivery,
  planningToAward,
  runCommands
} from "../test/fixtures/seed.js"

/** Extra deliverables (mixed kinds, both sub-projects) dated inside the contract period 2026-04-24 – 2026-10-20. */
export const extraDeliverables = (count: number, from = 0): Array<Record<string, unknown>> => {
  const out: Array<Record<string, unknown>> = []
  const first = Date.UTC(2026, 3, 25)
  const span = 178 // days up to 2026-10-20
  for (let i = from; i < from + count; i++) {
    const date = new Date(first + ((i * 37) % span) * 86_400_000).toISOString().slice(0, 10)
    const k = i % 5
    const evidence = k === 0
      ? { _tag: "tv-report", date, outlet: "示例市电视台", title: `工伤预防专题报道 ${i}` }
      : k === 1
      ? {
        _tag: "newspaper-report",
        date,
        outlet: "示例日报",
        level: i % 3 === 0 ? "provincial" : "city",
        title: `工伤预防在身边 ${i}`
      }
      : k === 2
      ? { _tag: "park-event", date, park: `园区${i % 40}`, attendance: 100 + (i % 200) }
      : k === 3
      ? {
        _tag: "training-session",
        date,
        track: (["manufacturing", "construction", "occupationalDisease", "transportPostal"] as const)[i % 4],
        participants: 30 + (i % 70),
        venue: "示例市培训基地"
      }
      : {
        _tag: "hazchem-training",
        date,
        enterprise: `示例危化企业${i % 60}`,
        trainees: [
          { role: "safety-deputy-head", count: 1 + (i % 3) },
          { role: "team-leader", count: 5 + (i % 10) }
        ]
      }
    const actor = k === 4 ? actors.providerH1 : actors.providerA
    out.push({
      _tag: "RecordDeliverable",
      commandId: `bulk-${String(i).padStart(5, "0")}`,
      actor,
      at: `${date}T15:00:00+08:00`,
      evidence
    })
  }
  return out
}

/**
 * Decides the seed lifecycle with extra deliverables until the stream holds
 * `target` events; returns the events and the final state.
 */
export const buildProject = (target = 10_000) => {
  const base = [...planningToAward(), ...contracting(), ...delivery({ portalArticles: 18 })]
  const tail = acceptanceAndFiling({ heldBackArticles: 2 })
  const seedCount = base.length + tail.length // every seed command yields one event
  const commands = [...base, ...extraDeliverables(target - seedCount), ...tail]
  return runCommands(commands)
}

/**
 * A project still in its contract period (no acceptance yet) whose stream holds
 * `target` events: the seed lifecycle up to delivery, then extra deliverables.
 * Up to `decided` events every event is decided by `Lifecycle.decide`; beyond that
 * the decided extra deliverables are repeated with fresh event and command ids
 * (the same events a decider gives, without deciding 100,000 commands to build a
 * benchmark). Returns the events, the folded state and the number of extra
 * deliverables used (the next free index for {@link extraDeliverables}).
 */
export const buildOpenProject = (target: number, decided = 10_000) => {
  const base = [...planningToAward(), ...contracting(), ...delivery({ portalArticles: 18 })]
  const extra = Math.max(0, Math.min(target, decided) - base.length)
  const run = runCommands([...base, ...extraDeliverables(extra)])
  const events = [...run.events]
  const bulk = run.events.filter((e) => e.commandId.startsWith("bulk-"))
  let state = run.state
  let i = extra
  while (events.length < target && bulk.length > 0) {
    const model = bulk[i % bulk.length]!
    const commandId = `bulk-${String(i).padStart(6, "0")}`
    const e = { ...model, id: `${commandId}/0`, commandId } as ProjectEvent.Event
    events.push(e)
    state = Lifecycle.evolve(state, e)
    i++
  }
  return { config: run.config, state, events, next: i }
}
