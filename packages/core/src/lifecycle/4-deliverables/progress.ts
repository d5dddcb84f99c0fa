// 四 quota progress: done / required per quota item, from the evidence in force (events record the required and
// done counts of every item). The plan's own items read the counters the folds keep (`State.evidenceIndex`), so
// progress costs the same at any length of history; an item a plugin adds counts over the evidence list.
import type * as IsoDate from "../../kernel/IsoDate.js"
import type { Config } from "../Config.js"
import * as EvidenceIndex from "../internal/evidenceIndex.js"
import * as Parameter from "../Parameter.js"
import type { QuotaResult } from "../ProjectEvent.js"
import { evidenceOf, type State, type SubProjectKey } from "../ProjectState.js"
import type * as Deliverable from "./Deliverable.js"
import * as Quota from "./Quota.js"

type Index = EvidenceIndex.EvidenceIndex
interface Reader {
  readonly done: (index: Index, ctx: Quota.Context) => number
  readonly extra?: (index: Index, ctx: Quota.Context) => Quota.Condition | undefined
}

const kind = (k: string): Reader => ({ done: (ix) => EvidenceIndex.count(ix, "kind", k) })
const tracks = ["manufacturing", "construction", "occupationalDisease", "transportPostal"] as const

// The same counts as the items' own `count` / `extra` over the evidence list (a test compares both).
const readers: Record<string, Reader> = {
  "deployment-meeting": kind("deployment-meeting"),
  "park-events": kind("park-event"),
  parks: { done: (ix) => EvidenceIndex.distinct(ix, "park") },
  "material-types": {
    done: (ix, ctx) => {
      const all = ctx.read("quota.materialTypes") as ReadonlyArray<string>
      let n = 0
      for (let i = 0; i < all.length; i++) {
        if (all.indexOf(all[i]!) === i && EvidenceIndex.count(ix, "material", all[i]!) > 0) n++
      }
      return n
    }
  },
  "warning-videos": {
    done: (ix) => EvidenceIndex.count(ix, "kind", "warning-video"),
    extra: (ix, ctx) => {
      const industries = ctx.read("quota.warningVideoIndustries") as ReadonlyArray<string>
      const missing = industries.filter((i) => EvidenceIndex.count(ix, "industry", i) === 0)
      return missing.length === 0
        ? undefined
        : { zh: `尚未覆盖行业:${missing.join("、")}`, en: `industries not yet covered: ${missing.join(", ")}` }
    }
  },
  "summary-video": {
    done: (ix, ctx) => {
      const min = ctx.read("quota.summaryVideo.minMinutes") as number
      const max = ctx.read("quota.summaryVideo.maxMinutes") as number
      let n = 0
      for (const minutes of EvidenceIndex.valuesOf(ix, "summary")) {
        if (Number(minutes) >= min && Number(minutes) <= max) n += EvidenceIndex.count(ix, "summary", minutes)
      }
      return Math.min(1, n)
    }
  },
  "city-tv-reports": { done: (ix) => EvidenceIndex.count(ix, "tv", "city-or-higher") },
  "city-newspaper-reports": { done: (ix) => EvidenceIndex.count(ix, "newspaper", "city") },
  "provincial-newspaper-reports": { done: (ix) => EvidenceIndex.count(ix, "newspaper", "higher") },
  "portal-articles": kind("portal-article"),
  "hazchem-trainees": { done: (ix) => EvidenceIndex.count(ix, "trainees", "") },
  "key-enterprises": { done: (ix) => EvidenceIndex.completedKeyEnterprises(ix) },
  ...Object.fromEntries(
    tracks.flatMap((t) => [
      [`training.${t}.sessions`, { done: (ix: Index) => EvidenceIndex.count(ix, "sessions", t) }],
      [`training.${t}.people`, { done: (ix: Index) => EvidenceIndex.count(ix, "people", t) }]
    ])
  )
}

// Only the plan's own item objects use the counters; an item replaced or added by a plugin counts itself.
const readerOf = new Map<Quota.Item, Reader>(
  Quota.planItems.flatMap((item) => (readers[item.id] === undefined ? [] : [[item, readers[item.id]!] as const]))
)

/** Whether an item's progress is read from the counters (the plan's own items), not counted over the list. */
export const readsCounters = (item: Quota.Item): boolean => readerOf.has(item)

/**
 * Progress on quota items: the plan's own items from the counters of their sub-project (`indexOf`), the others
 * (a plugin's) over the evidence list, asked for only then.
 */
export const progressFrom = (
  items: ReadonlyArray<Quota.Item>,
  indexOf: (key: SubProjectKey) => Index,
  evidenceList: () => ReadonlyArray<Deliverable.Evidence>,
  ctx: Quota.Context
): ReadonlyArray<Quota.Progress> => {
  let evidence: ReadonlyArray<Deliverable.Evidence> | undefined
  const all = () => (evidence ??= evidenceList())
  return items.map((item) => {
    const reader = readerOf.get(item)
    const required = Quota.requiredOf(item, ctx)
    const index = reader === undefined ? undefined : indexOf(item.subProject)
    const done = reader === undefined ? item.count(all(), ctx) : reader.done(index!, ctx)
    const note = reader === undefined ? item.extra?.(all(), ctx) : reader.extra?.(index!, ctx)
    // two literals rather than a spread of the note: progress is read after every command
    return note === undefined
      ? {
        itemId: item.id,
        title: item.title,
        subProject: item.subProject,
        unit: item.unit,
        required,
        done,
        met: done >= required
      }
      : {
        itemId: item.id,
        title: item.title,
        subProject: item.subProject,
        unit: item.unit,
        required,
        done,
        met: false,
        note
      }
  })
}

/** Quota progress at a date, reading the parameters in force (untraced: a getter for hosts and read models). */
export const quotaProgress = (
  config: Config,
  s: State,
  at: IsoDate.IsoDate,
  key?: SubProjectKey
): ReadonlyArray<Quota.Progress> => {
  const items = key === undefined ? config.quotaItems : config.quotaItems.filter((i) => i.subProject === key)
  const ctx: Quota.Context = { read: (name) => Parameter.resolve(config.parameters, name, at)?.value }
  return progressFrom(items, (k) => s.subProjects[k].evidenceIndex, () => evidenceOf(s, key), ctx)
}

/** A quota item's progress as events record it. */
export const toQuotaResult = (p: Quota.Progress): QuotaResult => ({
  itemId: p.itemId,
  title: p.title,
  subProject: p.subProject,
  unit: p.unit,
  required: p.required,
  done: p.done,
  met: p.met,
  ...(p.note === undefined ? {} : { note: p.note })
})
