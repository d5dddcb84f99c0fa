// 四 decisions: material designs submitted and reviewed, deliverables recorded and corrected (checked by the
// deliverable rules against the contract, the approved plan and designs, the key-enterprise steps).
import * as Chunk from "effect/Chunk"
import * as Option from "effect/Option"
import { plan } from "../../kernel/LegalBasis.js"
import { basisOf, type Context, type Handlers, ok, planBasis, runStage, violation } from "../internal/decide.js"
import * as EvidenceIndex from "../internal/evidenceIndex.js"
import { LazyMap } from "../internal/lazyMap.js"
import type { State } from "../ProjectState.js"
import * as Deliverable from "./Deliverable.js"
import type { DeliverableInput } from "./DeliverableRules.js"

const deliverableInput = (
  input: Context & { readonly state: State },
  evidence: Deliverable.Evidence,
  excluding?: string
): DeliverableInput => {
  const s = input.state
  const sp = s.subProjects[Deliverable.subProjectOf(evidence)]
  // Steps done per key enterprise, from the counters (without the evidence a correction replaces).
  const corrected = excluding === undefined
    ? Option.none()
    : Chunk.findFirst(sp.evidence, (x) => x.eventId === excluding)
  const index = Option.isNone(corrected)
    ? sp.evidenceIndex
    : EvidenceIndex.remove(sp.evidenceIndex, corrected.value.evidence)
  // Views answering one key from the state (the rules look up one design or enterprise): deciding a deliverable
  // costs the same however many designs and enterprises the project has.
  const steps = new LazyMap(
    (enterprise: string) => EvidenceIndex.keyEnterpriseStepsOf(index, enterprise),
    () => EvidenceIndex.keyEnterpriseSteps(index)
  )
  const approvedDesigns = new LazyMap((id: string) => {
    const d = s.designs.get(id)
    return d?.status === "approved" ? d.materialType : undefined
  }, () => {
    const all = new Map<string, string>()
    for (const [id, d] of s.designs) if (d.status === "approved") all.set(id, d.materialType)
    return all
  })
  return {
    evidence,
    contract: sp.contract === undefined
      ? undefined
      : { signedOn: sp.contract.signedOn, periodEnd: sp.contract.periodEnd },
    rectificationDeadline: sp.acceptance.status === "failed" ? sp.acceptance.rectificationDeadline : undefined,
    implementationPlanApproved: sp.implementationPlan?.status === "approved",
    approvedDesigns,
    keyEnterpriseSteps: steps,
    keyEnterpriseList: s.keyEnterpriseList,
    customTypes: input.config.deliverableTypes
  }
}

export const handlers: Handlers<
  "SubmitMaterialDesign" | "ReviewMaterialDesign" | "RecordDeliverable" | "CorrectDeliverable"
> = {
  SubmitMaterialDesign: ({ command: c }) =>
    ok({
      draft: { _tag: "MaterialDesignSubmitted", designId: c.designId, materialType: c.materialType, title: c.title },
      basis: planBasis("四(二)③", "设计宣传资料初稿,报请合同甲方审核")
    }),
  ReviewMaterialDesign: ({ command: c }) =>
    c.decision === "return"
      ? ok({
        draft: { _tag: "MaterialDesignReturned", designId: c.designId, reasons: c.reasons ?? [] },
        basis: planBasis("四(二)③")
      })
      : ok({ draft: { _tag: "MaterialDesignApproved", designId: c.designId }, basis: planBasis("四(二)③") }),
  RecordDeliverable: (input) => {
    const c = input.command
    const key = Deliverable.subProjectOf(c.evidence)
    const checked = runStage(input, "deliverable", deliverableInput(input, c.evidence))
    if (checked.errors.length > 0) return violation(c._tag, checked.findings)
    const sp = input.state.subProjects[key]
    return ok({
      draft: { _tag: "DeliverableRecorded", subProject: key, evidence: c.evidence },
      basis: [plan("四"), ...basisOf(checked.rules)],
      evaluations: checked.evaluations,
      restsOn: [sp.contract!.eventId, ...(sp.implementationPlan ? [sp.implementationPlan.eventId] : [])]
    })
  },
  CorrectDeliverable: (input) => {
    const c = input.command
    const replacement = c.replacement
    const checked = replacement === undefined
      ? undefined
      : runStage(input, "deliverable", deliverableInput(input, replacement, c.correctsEventId))
    if (checked !== undefined && checked.errors.length > 0) return violation(c._tag, checked.findings)
    return ok({
      draft: {
        _tag: "DeliverableCorrected",
        corrects: c.correctsEventId,
        reason: c.reason,
        ...(replacement === undefined ? {} : { replacement })
      },
      basis: planBasis("四", "更正以新事件记录,原事件不修改"),
      evaluations: checked?.evaluations ?? [],
      restsOn: [c.correctsEventId]
    })
  }
}
