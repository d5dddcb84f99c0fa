// 三(二) decisions: member units' opinions, the plan issued with the plan and budget rules, the key-enterprise list.
import { InputIssue, InvalidInput } from "../../kernel/InputError.js"
import { plan } from "../../kernel/LegalBasis.js"
import { basisOf, type Handlers, ok, planBasis, runStage, violation } from "../internal/decide.js"
import type * as ProjectCommand from "../ProjectCommand.js"

/** Input checks beyond the schema, made before any guard. */
export const validate = {
  RecordMemberOpinion: (c: ProjectCommand.Of<"RecordMemberOpinion">): InvalidInput | undefined =>
    c.actor.unit === undefined
      ? new InvalidInput({
        subject: "Command",
        issues: [
          new InputIssue({
            path: "actor.unit",
            zh: "成员单位须注明所属单位",
            en: "a member-unit actor must name its unit"
          })
        ]
      })
      : undefined
}

export const handlers: Handlers<"RecordMemberOpinion" | "IssuePlan" | "ProvideKeyEnterpriseList"> = {
  RecordMemberOpinion: ({ command: c }) =>
    ok({
      draft: { _tag: "MemberOpinionRecorded", unit: c.actor.unit!, opinion: c.opinion, agrees: c.agrees },
      basis: planBasis("三(二)", "征求工伤预防委员会各成员单位意见")
    }),
  IssuePlan: (input) => {
    const { command: c, state: s, on } = input
    // the budget's rules run first, then the plan's own (the order the trace shows)
    const budget = runStage(input, "budget", {})
    const planRules = runStage(input, "plan", {})
    const findings = [...budget.findings, ...planRules.findings]
    if (budget.errors.length + planRules.errors.length > 0) return violation(c._tag, findings)
    return ok({
      draft: { _tag: "PlanIssued", documentNumber: c.documentNumber, issuedOn: on },
      basis: [plan("三(二)", "以市工伤预防委员会名义印发"), ...basisOf([...budget.rules, ...planRules.rules])],
      evaluations: [...budget.evaluations, ...planRules.evaluations],
      restsOn: [s.keyAreas!.eventId, ...[...s.opinions.values()].map((o) => o.eventId)]
    })
  },
  ProvideKeyEnterpriseList: ({ command: c }) =>
    ok({
      draft: { _tag: "KeyEnterpriseListProvided", enterprises: c.enterprises },
      basis: planBasis("四(二)", "具体企业名单由市工伤预防委员会研究提供")
    })
}
