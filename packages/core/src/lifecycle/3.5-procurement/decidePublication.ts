// 三(五) decisions of the publications: the procurement intention with the first day the procurement may start,
// the result notice with its due date and the end of the challenge period it opens, and the due date of the
// notice an award sets.
import * as Either from "effect/Either"
import * as IsoDate from "../../kernel/IsoDate.js"
import { national, texts } from "../../kernel/LegalBasis.js"
import { calendarFinding, type Context, type Handlers, ok, traced, violation } from "../internal/decide.js"
import type { Evaluation } from "../ProjectEvent.js"
import { type Rejection, RuleViolation } from "../Rejection.js"
import { intentionLead, resultNoticePeriod } from "./publication.js"
import { challengeDays, challengeEnd, challengePeriods } from "./recovery.js"

/** The last day to publish the result of an award decided on `on`, with the trace of the period read. */
export const resultNoticeDue = (
  input: Context
): Either.Either<{ readonly date: IsoDate.IsoDate; readonly evaluation: Evaluation }, Rejection> => {
  const days = traced(input, resultNoticePeriod, (p) => p.read<number>("procurement.resultNotice.workingDays"))
  if (Either.isLeft(days)) return Either.left(days.left)
  const end = input.config.calendar.periodEnd(input.on as IsoDate.IsoDate, days.right.value, "working-days")
  if (Either.isLeft(end)) {
    return Either.left(new RuleViolation({ command: input.command._tag, findings: [calendarFinding(end.left, "at")] }))
  }
  return Either.right({ date: end.right, evaluation: days.right.evaluation })
}

export const handlers: Handlers<"PublishIntention" | "PublishResult"> = {
  PublishIntention: (input) => {
    const { command: c, state: s, on } = input
    const lead = traced(input, intentionLead, (p) => p.read<number>("procurement.intention.leadDays"))
    if (Either.isLeft(lead)) return Either.left(lead.left)
    return ok({
      draft: {
        _tag: "IntentionPublished",
        subProject: c.subProject,
        summary: c.summary,
        budget: c.budget,
        expectedStart: c.expectedStart,
        medium: c.medium,
        publishedOn: on,
        earliestStart: IsoDate.addDays(on, lead.right.value)
      },
      basis: [national(`${texts.intentionNotice} 三`)],
      evaluations: [lead.right.evaluation],
      restsOn: s.plan === undefined ? [] : [s.plan.eventId]
    })
  },
  PublishResult: (input) => {
    const { command: c, state: s, config, on } = input
    const award = s.subProjects[c.subProject].award!
    const period = traced(input, challengePeriods, (p) => challengeEnd(config.calendar, challengeDays(p), on))
    if (Either.isLeft(period)) return Either.left(period.left)
    const challengeBy = period.right.value
    if (Either.isLeft(challengeBy)) return violation(c._tag, [calendarFinding(challengeBy.left, "at")])
    const dueOn = award.resultNoticeBy ?? on
    return ok({
      draft: {
        _tag: "ResultPublished",
        subProject: c.subProject,
        supplierId: award.supplierId,
        supplierName: award.supplierName,
        value: award.value,
        medium: c.medium,
        publishedOn: on,
        dueOn,
        late: on > dueOn,
        challengeBy: challengeBy.right
      },
      basis: [
        national(`${texts.procurementRegulation} 第四十三条`),
        national(`${texts.procurementLaw} 第五十二条`),
        national(`${texts.challengeMeasures} 第十条`)
      ],
      evaluations: [period.right.evaluation],
      restsOn: [award.eventId]
    })
  }
}
