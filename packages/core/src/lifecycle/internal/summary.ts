// Helpers of the sections' summaries (`explain.ts`): how `Explain` tells an event, in Chinese and English.
import * as Money from "../../kernel/Money.js"
import type { Title } from "../../rules/Rule.js"
import type * as ProjectEvent from "../ProjectEvent.js"

export interface Bilingual {
  readonly zh: string
  readonly en: string
}

export type Of<T extends ProjectEvent.Name> = ProjectEvent.Of<T>

/** What a summary may look at besides its event: the events around it and the procurement methods' titles. */
export interface Context {
  readonly byId: ReadonlyMap<string, ProjectEvent.Event>
  readonly order: ReadonlyMap<string, number>
  readonly events: ReadonlyArray<ProjectEvent.Event>
  /** Procurement methods by id: their titles name them (a plugin's method keeps its own title). */
  readonly methods: ReadonlyMap<string, { readonly title: Title }>
}

/** A summary line and its details, in both languages. */
export interface Told {
  readonly summary: Bilingual
  readonly details: { readonly zh: ReadonlyArray<string>; readonly en: ReadonlyArray<string> }
}

/** Tells one event of type `K`. */
export type Summary<K extends ProjectEvent.Name> = (e: Of<K>, ctx: Context) => Told

/** The summaries of a section's events. */
export type Summaries<K extends ProjectEvent.Name> = { readonly [T in K]: Summary<T> }

export const subName: Record<"hazchem" | "keyAreas", Bilingual> = {
  hazchem: { zh: "危化企业能力提升培训项目", en: "hazardous-chemicals training sub-project" },
  keyAreas: { zh: "其他重点领域培训宣传项目", en: "key areas training and publicity sub-project" }
}

export const sub = (e: { readonly subProject: "hazchem" | "keyAreas" }) => subName[e.subProject]

export const days = (n: number | string, unit: string | undefined): Bilingual =>
  unit === "working-days" ? { zh: `${n} 个工作日`, en: `${n} working days` } : { zh: `${n} 日`, en: `${n} days` }

/** The value a decision's evaluations read for a parameter, if any. */
export const readOf = (e: ProjectEvent.Event, name: string): ProjectEvent.Evaluation["reads"][number] | undefined => {
  for (const ev of e.evaluations) for (const r of ev.reads) if (r.name === name) return r
  return undefined
}

/** A procurement method by its title (a plugin's method keeps its own). */
export const method = (m: string, ctx: Context): Bilingual => ctx.methods.get(m)?.title ?? { zh: m, en: m }

/** The contract a payment is made on: among the events it rests on, else in the history. */
export const contractOf = (e: Of<"PaymentMade">, ctx: Context): Of<"ContractSigned"> | undefined => {
  for (const id of e.restsOn) {
    const x = ctx.byId.get(id)
    if (x?._tag === "ContractSigned" && x.contractId === e.contractId) return x
  }
  return ctx.events.find((x): x is Of<"ContractSigned"> => x._tag === "ContractSigned" && x.contractId === e.contractId)
}

/** What was paid on the payment's contract before it. */
export const paidBefore = (e: Of<"PaymentMade">, ctx: Context): Money.Money => {
  const position = ctx.order.get(e.id) ?? ctx.events.length
  const earlier: Array<Money.Money> = []
  for (let i = 0; i < position; i++) {
    const x = ctx.events[i]!
    if (x._tag === "PaymentMade" && x.contractId === e.contractId) earlier.push(x.amount)
  }
  return Money.sum(earlier)
}

export const told = (
  zh: string,
  en: string,
  details: { zh: Array<string>; en: Array<string> } = { zh: [], en: [] }
): Told => ({ summary: { zh, en }, details })
