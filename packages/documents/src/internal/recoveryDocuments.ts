/**
 * The documents of a procurement that does not end as planned (三(五)): the termination notice of a round
 * (终止公告) and the answer to a supplier's challenge (质疑答复).
 *
 * @internal
 */
import * as Block from "../Block.js"
import * as Document from "../Document.js"
import { basisTextFor } from "./official.js"
import {
  distinctBases,
  issuerOf,
  lastSub,
  methodNames,
  type Source,
  subEventsOf,
  type SubProject,
  subProjectTitle,
  zhDate
} from "./projectFacts.js"

const terminationReasons: Record<string, string> = {
  "too-few-qualified": "符合条件的供应商不足法定家数",
  "winner-declined": "成交供应商放弃成交资格，且无可依次确定的候选人",
  "challenge-upheld": "供应商质疑成立，影响采购结果",
  other: "出现影响采购公正的违法、违规行为或者因重大变故采购任务取消"
}

/** Whether a termination notice can be built. @internal */
export const terminationReady = (src: Source, sub: SubProject): boolean =>
  lastSub(src.events, "ProcurementTerminated", sub) !== undefined

/** The termination notice of the sub-project's last terminated round. @internal */
export const terminationNotice = (src: Source, sub: SubProject): Document.Document => {
  const e = lastSub(src.events, "ProcurementTerminated", sub)!
  const title = subProjectTitle(src.config, sub, e.noticePublishedOn)
  const issuer = issuerOf(e)
  const round = e.round === 1 ? "" : `（第${e.round}次）`
  return Document.make({
    title: `${title}${round}终止公告`,
    issuer,
    date: e.noticePublishedOn,
    footer: "— {page} —",
    blocks: [
      Block.paragraph(
        `${issuer}组织的${title}${round}采购活动（采购方式：${methodNames[e.method] ?? "其他方式"}），因${
          terminationReasons[e.reason] ?? terminationReasons["other"]
        }，现予终止。`
      ),
      Block.heading(1, "终止原因"),
      Block.paragraph(`${e.note}。`),
      Block.heading(1, "后续安排"),
      Block.paragraph("采购人将依法重新组织采购活动，届时另行公告。"),
      Block.heading(1, "依据"),
      Block.numbered(distinctBases(e.basis).map(basisTextFor(src))),
      Block.signature({ issuer, date: e.noticePublishedOn, seal: true })
    ]
  })
}

/** Whether a challenge answer can be built: the sub-project has an answered challenge. @internal */
export const challengeAnswerReady = (src: Source, sub: SubProject): boolean =>
  lastSub(src.events, "ChallengeAnswered", sub) !== undefined

/** The answer to the sub-project's last answered challenge. @internal */
export const challengeAnswer = (src: Source, sub: SubProject): Document.Document => {
  const answer = lastSub(src.events, "ChallengeAnswered", sub)!
  const raised = subEventsOf(src.events, "ChallengeRaised", sub).filter((c) => c.challengeId === answer.challengeId)
    .at(-1)!
  const title = subProjectTitle(src.config, sub, answer.answeredOn)
  const issuer = issuerOf(answer)
  return Document.make({
    title: `关于${title}质疑的答复`,
    issuer,
    date: answer.answeredOn,
    footer: "— {page} —",
    blocks: [
      Block.paragraph(`${raised.supplierName}:`),
      Block.paragraph(
        `你单位于${zhDate(raised.receivedOn)}提出的关于${title}采购结果的书面质疑收悉。${
          raised.suspendsSigning ? "质疑处理期间,采购人已暂停签订合同。" : ""
        }经审查，现答复如下。`
      ),
      Block.heading(1, "质疑事项"),
      Block.paragraph(`${raised.grounds}。`),
      Block.heading(1, "答复意见"),
      Block.paragraph(`${answer.answer}。`),
      Block.heading(1, "处理结论"),
      Block.paragraph(
        answer.upheld
          ? "质疑成立。采购人将依法另行确定成交供应商或者重新开展采购活动。"
          : "质疑不成立，维持原采购结果。"
      ),
      Block.paragraph(
        `如对本答复不满意，你单位可以在答复期满后十五个工作日内向同级政府采购监督管理部门投诉。答复日期：${
          zhDate(answer.answeredOn)
        }。`
      ),
      Block.heading(1, "依据"),
      Block.numbered(distinctBases([...raised.basis, ...answer.basis]).map(basisTextFor(src))),
      Block.signature({ issuer, date: answer.answeredOn, seal: true })
    ]
  })
}
