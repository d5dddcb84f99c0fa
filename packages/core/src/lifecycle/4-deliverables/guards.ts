// 四 guards: material designs (四(二)③) follow the key-areas contract, are submitted once and reviewed when
// submitted; a correction targets a deliverable in force and withdraws no key-enterprise step later ones need.
import * as Chunk from "effect/Chunk"
import { plan } from "../../kernel/LegalBasis.js"
import { contractFirst } from "../3.6-contract/guards.js"
import type { Guard, Input } from "../Guard.js"
import { check, type Doc, order } from "../internal/guard.js"
import * as Deliverable from "./Deliverable.js"

const designOnce = order<"SubmitMaterialDesign">({
  id: "materials.design-once",
  zh: "设计稿不重复报送",
  en: "A design is submitted once",
  section: "四(二)③",
  description: "待审核或已通过的设计稿不能再次报送。"
}, ({ command: c, state }) => {
  const d = state.designs.get(c.designId)
  return d !== undefined && d.status !== "returned"
    ? ["该设计稿已报送", "this design was already submitted"]
    : undefined
})

const designSubmitted = order<"ReviewMaterialDesign">({
  id: "materials.design-submitted",
  zh: "审核已报送的设计稿",
  en: "Review a submitted design",
  section: "四(二)③",
  description: "只能审核已报送的设计稿。"
}, ({ command: c, state }) =>
  state.designs.get(c.designId)?.status !== "submitted"
    ? ["没有待审核的该设计稿", "there is no such design awaiting review"]
    : undefined)

/** The evidence a correction targets, when it is still in force. */
export const correctionTarget = (input: Input<"CorrectDeliverable">) => {
  const owner = input.state.evidenceOwner.get(input.command.correctsEventId)
  if (owner === undefined) return undefined
  const found = Chunk.findFirst(
    input.state.subProjects[owner].evidence,
    (x) => x.eventId === input.command.correctsEventId
  )
  return found._tag === "Some" ? { owner, evidence: found.value.evidence } : undefined
}

const correctionInForce = check<"CorrectDeliverable">({
  id: "deliverable.correction-target",
  title: { zh: "更正有效的交付物记录", en: "Correct a deliverable in force" },
  section: "四",
  basis: [plan("四")],
  description: "更正须指向一条仍然有效的交付物事件;原事件不修改,更正以新事件记录。",
  reads: []
}, (input, f) =>
  correctionTarget(input) === undefined
    ? [
      f.error(
        "correctsEventId",
        `没有可更正的交付物事件 ${input.command.correctsEventId}`,
        `no deliverable event ${input.command.correctsEventId} to correct`
      )
    ]
    : [])

const withdrawalInOrder = check<"CorrectDeliverable">({
  id: "deliverable.key-enterprise-order",
  title: { zh: "撤回不破坏重点企业三步顺序", en: "A withdrawal keeps the key-enterprise steps in order" },
  section: "四(二) 一是",
  basis: [plan("四(二)", "第一步调研,第二步定制化培训,第三步回访巡查")],
  description: "撤回(不替换)某重点企业的第一或第二步时,该企业不得已有后续步骤。",
  reads: []
}, (input, f) => {
  if (input.command.replacement !== undefined) return []
  const target = correctionTarget(input)
  if (target === undefined) return []
  const step = Deliverable.keyEnterpriseStep(target.evidence)
  if (step === undefined || step >= 3) return []
  const name = (target.evidence as { readonly enterprise: string }).enterprise
  const later = Chunk.some(
    input.state.subProjects[target.owner].evidence,
    (e) =>
      (Deliverable.keyEnterpriseStep(e.evidence) ?? 0) > step &&
      (e.evidence as { readonly enterprise?: string }).enterprise === name
  )
  return later
    ? [
      f.error(
        "correctsEventId",
        `“${name}”已有后续步骤,不能撤回第${step}步`,
        `"${name}" has later steps; step ${step} cannot be withdrawn`
      )
    ]
    : []
})

export const guards: {
  readonly SubmitMaterialDesign: ReadonlyArray<Guard<"SubmitMaterialDesign">>
  readonly ReviewMaterialDesign: ReadonlyArray<Guard<"ReviewMaterialDesign">>
  readonly RecordDeliverable: ReadonlyArray<Guard<"RecordDeliverable">>
  readonly CorrectDeliverable: ReadonlyArray<Guard<"CorrectDeliverable">>
} = {
  SubmitMaterialDesign: [
    contractFirst<"SubmitMaterialDesign">(
      "合同签订后方可报送宣传材料设计稿",
      "material designs follow the contract",
      () => "keyAreas"
    ),
    designOnce
  ],
  ReviewMaterialDesign: [designSubmitted],
  RecordDeliverable: [],
  CorrectDeliverable: [correctionInForce, withdrawalInOrder]
}

export const steps: ReadonlyArray<Doc> = []
