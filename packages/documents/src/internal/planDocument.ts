/**
 * The annual implementation plan (实施方案) rendered from its template: the
 * seed plan's text (or a city's own template) with every blank filled from
 * the parameters and document settings, the 附件说明 and the signature, and the
 * fee breakdown as its attachment on a page of its own.
 *
 * @internal
 */
import { Money } from "@gsyf/core"
import type { InputError } from "@gsyf/core"
import * as Either from "effect/Either"
import * as Block from "../Block.js"
import * as Document from "../Document.js"
import * as Inline from "../Inline.js"
import * as PlanTemplate from "../PlanTemplate.js"
import { blankValue } from "./planBlanks.js"
import { committeeName, eventsOf, paramOr, type Source } from "./projectFacts.js"

/** The plan's source: the project, and the template it is written from (default: the seed plan). @internal */
export interface PlanSource extends Source {
  readonly template?: PlanTemplate.PlanTemplate | undefined
}

/** The template filled for the project at a date. @internal */
export const filledPlan = (
  src: PlanSource,
  at: string
): Either.Either<PlanTemplate.FilledPlan, InputError.InvalidInput> => {
  const context = { config: src.config, events: src.events, at, given: src.settings?.blanks ?? {} }
  return PlanTemplate.fill(src.template ?? PlanTemplate.seed, (name) => blankValue(name, context))
}

/** The title of the attached fee breakdown. */
const attachmentTitle = "工伤预防费用构成明细"

/** Builds the plan; the input was checked with {@link filledPlan}. @internal */
export const implementationPlan = (src: PlanSource, at: string): Document.Document => {
  const plan = Either.getOrThrow(filledPlan(src, at))
  const issued = eventsOf(src.events, "PlanIssued").at(-1)
  const committee = issued?.actor.organisation ?? committeeName(src)
  const attachment = budgetTable(src, at)
  const blocks: Array<Block.Block> = [
    ...PlanTemplate.toBlocks(plan),
    ...(attachment.length > 0 ? Block.attachmentNote([attachmentTitle]) : []),
    Block.signature({ issuer: committee, date: issued?.issuedOn, seal: true }),
    ...(attachment.length > 0 ? Block.attachmentPages(attachmentTitle, attachment) : [])
  ]
  return Document.make({
    title: plan.title,
    number: issued?.documentNumber,
    issuer: committee,
    date: issued?.issuedOn,
    blocks
  })
}

/** The fee breakdown table (三(三)), when the parameters give one. */
const budgetTable = (src: Source, at: string): ReadonlyArray<Block.Block> => {
  const lines = paramOr<
    ReadonlyArray<
      {
        readonly subProject: "hazchem" | "keyAreas"
        readonly item: string
        readonly category: string
        readonly fundingSource: string
        readonly amount: Money.Money
      }
    >
  >(
    src.config,
    "budget.breakdown",
    at,
    []
  )
  if (lines.length === 0) return []
  const categories: Record<string, string> = {
    publicity: "宣传",
    training: "培训",
    "expert-fee": "专家劳务费",
    other: "其他"
  }
  const sources: Record<string, string> = { "prevention-fee": "工伤预防费", "agency-budget": "本单位预算调剂" }
  const fee = Money.sum(lines.filter((l) => l.fundingSource === "prevention-fee").map((l) => l.amount))
  return [
    Block.table({
      header: [["序号", "子项目", "费用项", "类别", "资金来源", "金额（元）"]],
      body: [
        ...lines.map((l, i) => [
          String(i + 1),
          l.subProject === "hazchem" ? "危化企业能力提升培训" : "其他重点领域培训宣传",
          l.item,
          categories[l.category] ?? l.category,
          sources[l.fundingSource] ?? l.fundingSource,
          Money.format(l.amount)
        ]),
        [{ text: "工伤预防费合计", colSpan: 5, align: "center" as const }, Inline.bold(Money.format(fee))]
      ],
      align: ["center", "left", "left", "center", "center", "right"],
      widths: [0.8, 2.2, 3.2, 1.2, 1.6, 2]
    })
  ]
}
