/**
 * Guards: the rules a command must pass before the decider answers it, as values. A guard is a `Rule` over the
 * command's {@link Input} (the command, the project's state, the date of the act and the configuration) with a
 * {@link Kind}: an `order` guard finds the step at the wrong point of the lifecycle (`OutOfOrder`, nothing after
 * it runs), a `check` finds errors in the command (`RuleViolation`, with the other checks' findings), an
 * `authorization` finds the actor not allowed (`Unauthorized`). Each section declares its commands' guards
 * (`lifecycle/3.6-contract/guards.ts` …); plugins add guards to any command, override one by id with a priority
 * or remove one with a stated legal reason (see `Plugin`). Every guard evaluation that reads parameters or finds
 * something is recorded in the event, like the rules of the stages.
 *
 * {@link all} documents every guard and every traced step of the lifecycle (the rule reference renders it).
 *
 * @since 0.1.0
 */
import type * as IsoDate from "../kernel/IsoDate.js"
import type { LegalBasis } from "../kernel/LegalBasis.js"
import type { Rule, Title } from "../rules/Rule.js"
import { steps as keyAreasSteps } from "./3.1-key-areas/guards.js"
import { steps as planSteps } from "./3.2-plan/guards.js"
import { steps as budgetSteps } from "./3.3-budget/guards.js"
import { steps as publicitySteps } from "./3.4-publicity/guards.js"
import { steps as procurementSteps } from "./3.5-procurement/guards.js"
import { steps as contractSteps } from "./3.6-contract/guards.js"
import { steps as implementationSteps } from "./3.7-implementation/guards.js"
import { steps as supervisionSteps } from "./3.8-supervision/guards.js"
import { steps as acceptanceSteps } from "./3.9-acceptance/guards.js"
import { steps as deliverableSteps } from "./4-deliverables/guards.js"
import type { Config } from "./Config.js"
import * as ConfigModule from "./Config.js"
import * as G from "./internal/guard.js"
import type * as ProjectCommand from "./ProjectCommand.js"
import type { State } from "./ProjectState.js"

/**
 * What a guard of command `K` checks: the decoded command, the project's state before it, the date of the act
 * (China Standard Time) and the configuration.
 *
 * @since 0.2.0
 * @category models
 */
export interface Input<K extends ProjectCommand.Name = ProjectCommand.Name> {
  readonly command: ProjectCommand.Of<K>
  readonly state: State
  readonly on: IsoDate.IsoDate
  readonly config: Config
}

/**
 * How a guard's error rejects the command: `order` (`OutOfOrder`; later guards do not run), `check`
 * (`RuleViolation`; the default) or `authorization` (`Unauthorized`).
 *
 * @since 0.2.0
 * @category models
 */
export type Kind = "order" | "check" | "authorization"

/**
 * A guard of command `K` (of any command by default).
 *
 * @since 0.1.0
 * @category models
 */
export interface Guard<K extends ProjectCommand.Name = ProjectCommand.Name> extends Rule<Input<K>> {
  /** How an error of this guard rejects the command (default `check`). */
  readonly kind?: Kind | undefined
}

/**
 * A documented guard or step: what the rule reference shows.
 *
 * @since 0.2.0
 * @category models
 */
export interface Documented {
  readonly id: string
  readonly title: Title
  readonly section: string
  readonly basis: ReadonlyArray<LegalBasis>
  readonly description: string
  /** Parameters the guard or step reads, if any. */
  readonly reads: ReadonlyArray<string>
}

/**
 * Builds an order guard: `when` returns why the command comes at the wrong point (Chinese, English), or
 * `undefined` when it is in order.
 *
 * @since 0.2.0
 * @category constructors
 */
export const order: <K extends ProjectCommand.Name>(
  doc: {
    readonly id: string
    readonly zh: string
    readonly en: string
    readonly section: string
    readonly description: string
    readonly basis?: ReadonlyArray<LegalBasis>
  },
  when: (input: Input<K>) => readonly [zh: string, en: string] | undefined
) => Guard<K> = G.order

/**
 * Builds a check: `evaluate` returns findings (built with the rule's own id by `f`), reading parameters through
 * the traced reader.
 *
 * @since 0.2.0
 * @category constructors
 */
export const check: <K extends ProjectCommand.Name>(
  doc: Documented,
  evaluate: (
    input: Input<K>,
    f: import("../rules/Rule.js").FindingsOf,
    parameters: import("../rules/Rule.js").ParameterReader
  ) => ReadonlyArray<import("../rules/Rule.js").Finding>
) => Guard<K> = G.check

const general: ReadonlyArray<Documented> = G.general

/**
 * Every guard and traced step of the lifecycle, in plan order, each id once (guards that share their id with a
 * stage rule are documented by the stage rule).
 *
 * @since 0.1.0
 * @category constants
 */
export const all: ReadonlyArray<Documented> = (() => {
  const stageIds = new Set(
    Object.values(ConfigModule.baseRules).flatMap((rules) =>
      (rules as ReadonlyArray<{ readonly id: string }>).map((r) => r.id)
    )
  )
  const seen = new Set<string>()
  const out: Array<Documented> = []
  const add = (d: Documented) => {
    if (seen.has(d.id) || stageIds.has(d.id)) return
    seen.add(d.id)
    out.push({
      id: d.id,
      title: d.title,
      section: d.section,
      basis: d.basis,
      description: d.description,
      reads: d.reads
    })
  }
  general.slice(0, 2).forEach(add)
  const sections = [
    [keyAreasSteps],
    [planSteps],
    [budgetSteps],
    [publicitySteps],
    [procurementSteps],
    [contractSteps],
    [implementationSteps],
    [supervisionSteps],
    [acceptanceSteps],
    [deliverableSteps]
  ] as const
  const guardsInOrder = Object.values(ConfigModule.baseGuards).flat() as ReadonlyArray<Documented>
  for (const g of guardsInOrder) add(g)
  for (const m of ConfigModule.baseProcurementMethods) {
    for (const list of Object.values(m.guards ?? {})) for (const g of list as ReadonlyArray<Documented>) add(g)
  }
  for (const [s] of sections) s.forEach(add)
  general.slice(2).forEach(add)
  return out
})()

/**
 * A guard or step by id.
 *
 * @since 0.1.0
 * @category getters
 */
export const byId: ReadonlyMap<string, Documented> = new Map(all.map((x) => [x.id, x]))
