/**
 * The sections own their events' entries: each folder's names, status facts, deadline steps and summaries cover
 * exactly the events of its `events.ts`, the central records are spread from them, and a missing entry fails to
 * compile — in the folder and in the central record (the `@ts-expect-error` lines are checked by `tsc`).
 */
import { describe, expect, it } from "@effect/vitest"
import { ProjectEvent } from "@gsyf/core"
import { SchemaAST } from "effect"
import * as KeyAreasEvents from "../src/lifecycle/3.1-key-areas/events.js"
import * as KeyAreasEvolve from "../src/lifecycle/3.1-key-areas/evolve.js"
import * as KeyAreasExplain from "../src/lifecycle/3.1-key-areas/explain.js"
import * as PlanEvents from "../src/lifecycle/3.2-plan/events.js"
import * as PlanEvolve from "../src/lifecycle/3.2-plan/evolve.js"
import * as PlanExplain from "../src/lifecycle/3.2-plan/explain.js"
import * as BudgetEvents from "../src/lifecycle/3.3-budget/events.js"
import * as BudgetEvolve from "../src/lifecycle/3.3-budget/evolve.js"
import * as BudgetExplain from "../src/lifecycle/3.3-budget/explain.js"
import * as PublicityEvents from "../src/lifecycle/3.4-publicity/events.js"
import * as PublicityEvolve from "../src/lifecycle/3.4-publicity/evolve.js"
import * as PublicityExplain from "../src/lifecycle/3.4-publicity/explain.js"
import * as ProcurementEvents from "../src/lifecycle/3.5-procurement/events.js"
import * as ProcurementEvolve from "../src/lifecycle/3.5-procurement/evolve.js"
import * as ProcurementExplain from "../src/lifecycle/3.5-procurement/explain.js"
import * as ContractEvents from "../src/lifecycle/3.6-contract/events.js"
import * as ContractEvolve from "../src/lifecycle/3.6-contract/evolve.js"
import * as ContractExplain from "../src/lifecycle/3.6-contract/explain.js"
import * as ImplementationEvents from "../src/lifecycle/3.7-implementation/events.js"
import * as ImplementationEvolve from "../src/lifecycle/3.7-implementation/evolve.js"
import * as ImplementationExplain from "../src/lifecycle/3.7-implementation/explain.js"
import * as SupervisionEvents from "../src/lifecycle/3.8-supervision/events.js"
import * as SupervisionEvolve from "../src/lifecycle/3.8-supervision/evolve.js"
import * as SupervisionExplain from "../src/lifecycle/3.8-supervision/explain.js"
import * as AcceptanceEvents from "../src/lifecycle/3.9-acceptance/events.js"
import * as AcceptanceEvolve from "../src/lifecycle/3.9-acceptance/evolve.js"
import * as AcceptanceExplain from "../src/lifecycle/3.9-acceptance/explain.js"
import * as DeliverablesEvents from "../src/lifecycle/4-deliverables/events.js"
import * as DeliverablesEvolve from "../src/lifecycle/4-deliverables/evolve.js"
import * as DeliverablesExplain from "../src/lifecycle/4-deliverables/explain.js"
import type { EventNames } from "../src/lifecycle/internal/schemas.js"
import type { FactFolds } from "../src/lifecycle/internal/state.js"

const sections = [
  ["三(一)", KeyAreasEvents, KeyAreasEvolve, KeyAreasExplain],
  ["三(二)", PlanEvents, PlanEvolve, PlanExplain],
  ["三(三)", BudgetEvents, BudgetEvolve, BudgetExplain],
  ["三(四)", PublicityEvents, PublicityEvolve, PublicityExplain],
  ["三(五)", ProcurementEvents, ProcurementEvolve, ProcurementExplain],
  ["三(六)", ContractEvents, ContractEvolve, ContractExplain],
  ["三(七)", ImplementationEvents, ImplementationEvolve, ImplementationExplain],
  ["三(八)", SupervisionEvents, SupervisionEvolve, SupervisionExplain],
  ["三(九)", AcceptanceEvents, AcceptanceEvolve, AcceptanceExplain],
  ["四", DeliverablesEvents, DeliverablesEvolve, DeliverablesExplain]
] as const

const tagOf = (schema: { readonly ast: SchemaAST.AST }): string => {
  const tag = SchemaAST.getPropertySignatures(schema.ast).find((p) => p.name === "_tag")!.type
  return String((tag as SchemaAST.Literal).literal)
}

describe("the sections' own records", () => {
  it.each(sections)(
    "%s: names, folds, facts, deadline steps and summaries cover exactly its events",
    (_, ev, evo, ex) => {
      const tags = ev.events.map(tagOf).sort()
      for (const record of [ev.names, evo.folds, evo.facts, evo.deadlines, ex.summaries]) {
        expect(Object.keys(record).sort()).toEqual(tags)
      }
    }
  )

  it("the central names are the sections' together, one per event of the union, each in Chinese", () => {
    const all = sections.flatMap(([, ev]) => ev.events.map(tagOf)).sort()
    expect(Object.keys(ProjectEvent.names).sort()).toEqual(all)
    expect(ProjectEvent.Event.members.length).toBe(all.length)
    for (const name of Object.values(ProjectEvent.names)) expect(name).toMatch(/^[\u4e00-\u9fff()()]+$/)
  })

  it("a missing entry does not compile, in the folder or in the central record", () => {
    // @ts-expect-error the section's names must name each of its events (KeyEnterpriseListProvided is missing)
    const inFolder: EventNames<typeof PlanEvents.events> = { MemberOpinionRecorded: "意见", PlanIssued: "印发" }
    // @ts-expect-error the status facts of every event: a section left out leaves its events without one
    const central: FactFolds<ProjectEvent.Name> = { ...KeyAreasEvolve.facts, ...PlanEvolve.facts }
    expect([inFolder, central].length).toBe(2)
  })
})
