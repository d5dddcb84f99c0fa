// The order guards every procurement command after the start shares: the procurement has started, and it is not
// yet closed by an award; and how a guard finds the procurement and its method.
import type { Guard, Input } from "../../Guard.js"
import { order } from "../../internal/guard.js"
import type * as ProjectCommand from "../../ProjectCommand.js"
import type { State, SubProjectKey } from "../../ProjectState.js"

/** The procurement commands given once a procurement has started. */
export type Started =
  | "SubmitBid"
  | "AppointPanel"
  | "SubmitScores"
  | "Award"
  | "ClarifyDocuments"
  | "RejectBid"
  | "TerminateProcurement"
  | "RaiseChallenge"
  | "AnswerChallenge"
  | "DeclineAward"
  | "AwardNextRanked"

interface Of {
  readonly command: { readonly subProject: SubProjectKey }
  readonly state: State
}

export const procurementOf = (input: Of) => input.state.subProjects[input.command.subProject].procurement

export const methodOf = (input: Of & { readonly config: Input["config"] }) => {
  const proc = procurementOf(input)
  return proc === undefined ? undefined : input.config.procurementMethods.get(proc.method)
}

export const started = <K extends Started>(): Guard<K> =>
  order<K>({
    id: "lifecycle.procurement-started",
    zh: "先启动采购",
    en: "Procurement must have started",
    section: "三(五)",
    description: "提交响应、审查、组建评审小组、评分、确定成交、终止、质疑前须已启动采购(本轮)。"
  }, (input) =>
    procurementOf(input as unknown as Input<Started>) === undefined
      ? ["该子项目尚未启动采购", "procurement of this sub-project has not started"]
      : undefined)

export const open = <K extends Started>(): Guard<K> =>
  order<K>({
    id: "procurement.closed",
    zh: "成交后采购结束",
    en: "Procurement closes at the award",
    section: "三(五)",
    description: "确定成交供应商后不能再提交响应、审查、澄清、评分或再次确定成交。"
  }, (input) => {
    const key = (input.command as unknown as ProjectCommand.Of<Started>).subProject
    const sp = input.state.subProjects[key]
    return sp.award !== undefined || sp.procurement?.closedBy !== undefined
      ? ["该子项目已确定成交供应商", "this sub-project is already awarded"]
      : undefined
  })
