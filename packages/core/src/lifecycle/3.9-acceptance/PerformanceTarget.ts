/**
 * Performance targets (绩效目标) as measures over the recorded evidence: the
 * number of pieces of evidence of a kind, or the sum of one of their numeric
 * fields, at least a declared value. The plan declares them per sub-project
 * (`acceptance.performanceTargets`, none by default); at acceptance each is
 * computed from the sub-project's evidence up to the evaluation date.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { IsoDate } from "../../kernel/IsoDate.js"
import * as Param from "../../rules/internal/parameterSchemas.js"
import * as Deliverable from "../4-deliverables/Deliverable.js"

const kinds = Object.keys(Deliverable.kindNames) as ReadonlyArray<Deliverable.Kind>

/**
 * The numeric fields of evidence a target may sum, with their Chinese names.
 *
 * @since 0.1.0
 * @category constants
 */
export const fieldNames = {
  participants: "参加人数",
  attendance: "到场人数",
  trainees: "培训人次",
  enterprises: "企业数",
  quantity: "数量",
  count: "数量",
  durationMinutes: "时长(分钟)"
} as const

/**
 * A declared target: `evidence` names the kind counted; with `field`, the field summed instead.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Declared = Schema.Struct({
  name: Param.NonEmptyText,
  subProject: Schema.Literal("hazchem", "keyAreas"),
  evidence: Schema.Literal(...kinds),
  field: Schema.optional(Schema.Literal(...(Object.keys(fieldNames) as Array<keyof typeof fieldNames>))),
  atLeast: Param.Count
})

/**
 * @since 0.1.0
 * @category models
 */
export type Declared = typeof Declared.Type

/**
 * A target the contract declares for its own sub-project (`SignContract.performanceTargets`): a declared target
 * without the sub-project, which is the contract's.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Agreed = Declared.pipe(Schema.omit("subProject"))

/**
 * @since 0.2.0
 * @category models
 */
export type Agreed = typeof Agreed.Type

/**
 * The targets that hold for a sub-project: the plan's for it, then the contract's; a contract target with the
 * name of a plan target takes its place only when it asks for at least as much (a contract may be stricter than
 * the plan, never looser).
 *
 * @since 0.2.0
 * @category combinators
 */
export const forSubProject = (
  planned: ReadonlyArray<Declared>,
  agreed: ReadonlyArray<Agreed>,
  subProject: "hazchem" | "keyAreas"
): ReadonlyArray<Declared> => {
  const own = planned.filter((d) => d.subProject === subProject)
  const stricter = (a: Agreed) => {
    const p = own.find((d) => d.name === a.name)
    return p === undefined || (p.evidence === a.evidence && p.field === a.field && a.atLeast >= p.atLeast)
  }
  const kept = agreed.filter(stricter).map((a): Declared => ({ ...a, subProject }))
  return [...own.filter((d) => !kept.some((a) => a.name === d.name)), ...kept]
}

/**
 * A declared target computed at a date.
 *
 * @since 0.1.0
 * @category models
 */
export interface Computed {
  readonly name: string
  readonly target: string
  readonly actual: string
  readonly met: boolean
  /** The value measured and the pieces of evidence read for it. */
  readonly value: number
  readonly read: number
}

// a numeric field counts as itself, a list of parts by their `count`s (hazchem trainees by role)
const amountOf = (v: unknown): number =>
  typeof v === "number"
    ? v
    : Array.isArray(v)
    ? v.reduce((n: number, x: unknown) => n + amountOf((x as { count?: unknown }).count), 0)
    : 0

/**
 * The target's measure over the evidence dated on or before `on`.
 *
 * @since 0.1.0
 * @category getters
 */
export const compute = (d: Declared, evidence: ReadonlyArray<Deliverable.Evidence>, on: IsoDate): Computed => {
  const read = evidence.filter((e) => e._tag === d.evidence && e.date <= on)
  const value = d.field === undefined
    ? read.length
    : read.reduce((n, e) => n + amountOf((e as unknown as Record<string, unknown>)[d.field as string]), 0)
  const unit = d.field === undefined ? `${Deliverable.kindNames[d.evidence]}条数` : `${fieldNames[d.field]}合计`
  return {
    name: d.name,
    target: `${unit} ≥ ${d.atLeast}`,
    actual: String(value),
    met: value >= d.atLeast,
    value,
    read: read.length
  }
}

/**
 * A target as assessed: typed by the experts, or computed (then `typedMet` is the experts' flag, when they gave one).
 *
 * @since 0.1.0
 * @category models
 */
export interface Assessed {
  readonly name: string
  readonly target: string
  readonly actual: string
  readonly met: boolean
  readonly computed?: Computed | undefined
  readonly typedMet?: boolean | undefined
}

/**
 * The typed targets (legacy `met` flags) with the computed ones: a computed target takes the place of a typed one
 * of the same name, keeping the typed flag to compare.
 *
 * @since 0.1.0
 * @category combinators
 */
export const assess = (
  typed: ReadonlyArray<
    { readonly name: string; readonly target: string; readonly actual: string; readonly met: boolean }
  >,
  computed: ReadonlyArray<Computed>
): ReadonlyArray<Assessed> => [
  ...typed.filter((t) => !computed.some((c) => c.name === t.name)),
  ...computed.map((c) => {
    const t = typed.find((x) => x.name === c.name)
    return {
      name: c.name,
      target: c.target,
      actual: c.actual,
      met: c.met,
      computed: c,
      ...(t === undefined ? {} : { typedMet: t.met })
    }
  })
]

/**
 * The declared targets of a sub-project computed over its evidence at a date.
 *
 * @since 0.1.0
 * @category getters
 */
export const computeAll = (
  declared: ReadonlyArray<Declared>,
  subProject: "hazchem" | "keyAreas",
  evidence: ReadonlyArray<Deliverable.Evidence>,
  on: IsoDate
): ReadonlyArray<Computed> => declared.filter((d) => d.subProject === subProject).map((d) => compute(d, evidence, on))
