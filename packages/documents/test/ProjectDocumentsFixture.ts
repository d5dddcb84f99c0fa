/**
 * The seed scenario for the project-document tests and benchmarks of the
 * three document packages: runs the seed plan's `fullLifecycle()` through
 * `Project.decide` / `Project.evolve`, hashes the encoded events into a
 * stored trail with the AuditTrail helpers, and builds each of the project
 * documents with the inputs a host would give.
 */
import { AuditTrail, ProjectEvent } from "@gsyf/core"
import { type Document, ProjectDocuments } from "@gsyf/documents"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { actors, at, fullLifecycle, runCommands, seedConfig } from "../../core/test/fixtures/seed.js"

export const runSeed = (commands: ReadonlyArray<unknown> = fullLifecycle(), config = seedConfig()) =>
  runCommands(commands, config)

export type Seed = ReturnType<typeof runSeed>

/**
 * The seed up to its awards, then a challenge of the key-areas result, upheld, and the round terminated: the
 * events of the termination notice and the challenge answer.
 */
export const recoveryEvents = (config = seedConfig()) => {
  const all = fullLifecycle()
  const before = all.slice(0, all.findIndex((c) => c._tag === "SignContract"))
  const agency = (tag: string, date: string, input: Record<string, unknown>) => ({
    _tag: tag,
    commandId: `recovery-${tag}`,
    actor: actors.agency,
    at: at(date),
    subProject: "keyAreas",
    ...input
  })
  return runCommands([
    ...before,
    agency("RaiseChallenge", "2026-04-13", {
      challengeId: "Q-1",
      supplierId: "sup-b",
      supplierName: "示例明安培训中心",
      receivedOn: "2026-04-13",
      grounds: "认为一名磋商小组成员的技术评分未按评分标准执行",
      suspendsSigning: true
    }),
    agency("AnswerChallenge", "2026-04-17", {
      challengeId: "Q-1",
      answer: "经复核，该成员对实施方案的评分与评分标准不符，质疑成立",
      upheld: true
    }),
    agency("TerminateProcurement", "2026-04-17", {
      reason: "challenge-upheld",
      note: "质疑成立，本次磋商结果作废，重新组织采购",
      noticePublishedOn: "2026-04-17"
    })
  ], config)
}

/**
 * The seed with a supplementary contract for key areas (¥20,000.00 of printed leaflets, within the budget) and the
 * key areas contract terminated after its rectified acceptance fails again (work valued at ¥800,000.00 against the
 * ¥872,000.00 advance paid): the events of the supplementary contract summary and the termination settlement.
 */
export const contractChangeEvents = (config = seedConfig()) => {
  const all = fullLifecycle()
  // after both advances, so the advance stays as signed
  const filed = all.findIndex((c) => c._tag === "MakePayment" && c["subProject"] === "hazchem")
  const rectified = all.findIndex((c, i) =>
    i > filed && c._tag === "RecordDeliverable" && String(c["at"]) >= "2026-10-27"
  )
  const agency = (tag: string, date: string, input: Record<string, unknown>) => ({
    _tag: tag,
    commandId: `contract-${tag}`,
    actor: actors.agency,
    at: at(date),
    subProject: "keyAreas",
    ...input
  })
  return runCommands([
    ...all.slice(0, filed + 1),
    agency("AmendContract", "2026-06-15", {
      supplementId: "BC-1",
      amount: "20000.00",
      reason: "重点园区宣传活动增加一场，宣传折页需增印",
      items: ["宣传折页增印五千份", "园区宣传活动增加一场"]
    }),
    ...all.slice(filed + 1, rectified),
    { ...all[rectified + 2]!, commandId: "contract-reapply" },
    { ...all[rectified + 3]!, commandId: "contract-reevaluate" },
    agency("TerminateContract", "2026-11-10", { reason: "整改后再次验收仍不合格", workValue: "800000.00" })
  ], config)
}

/** The events as stored: encoded, in one stream, hashed into a chain. */
export const storedTrail = (events: ReadonlyArray<ProjectEvent.Event>, streamId = "project-2026") => {
  const encoded = Schema.encodeSync(Schema.Array(ProjectEvent.Event))(events) as ReadonlyArray<
    { readonly _tag: string; readonly commandId: string; readonly at: string }
  >
  const bodies = encoded.map((data, i) => ({
    streamId,
    position: i + 1,
    type: data._tag,
    schemaVersion: ProjectEvent.currentVersion,
    commandId: data.commandId,
    recordedAt: new Date(Date.parse(data.at)).toISOString(),
    data: JSON.parse(JSON.stringify(data)) as unknown
  }))
  return AuditTrail.chain(AuditTrail.genesisHash, bodies).map((e, i) => ({ ...e, globalPosition: i + 1 }))
}

/**
 * One built document per kind, with what its rendering must say (texts chosen
 * outside narrow table cells, which wrap in PDF text extraction).
 */
export interface Case {
  readonly kind: string
  readonly file: string
  readonly input: Record<string, unknown>
  readonly build: (input: unknown) => Either.Either<Document.Document, unknown>
  readonly expected: ReadonlyArray<string>
}

export const cases = (seed: Seed): ReadonlyArray<Case> => {
  const src = { config: seed.config, events: seed.events }
  const recovered = recoveryEvents(seed.config)
  const recovery = { config: seed.config, events: recovered.events }
  const changed = { config: seed.config, events: contractChangeEvents(seed.config).events }
  const K = ProjectDocuments.kinds
  return [
    {
      kind: K.implementationPlan,
      file: "implementation-plan",
      input: src,
      build: ProjectDocuments.implementationPlan,
      expected: [
        "2026年关于全市工伤预防项目工作实施方案",
        "示工伤预防委〔2026〕1号",
        "三、工作内容及工作步骤",
        "300万元",
        "220万元",
        "600名",
        "5个工作日",
        "七、工作要求"
      ]
    },
    {
      kind: K.publicityNotice,
      file: "publicity-notice-keyAreas",
      input: { ...src, subProject: "keyAreas" },
      build: ProjectDocuments.publicityNotice,
      expected: ["采购需求公示", "2026年3月16日", "2026年3月23日24时", "第5个工作日", "公示期间收到的异议及答复"]
    },
    {
      kind: K.reviewResult,
      file: "review-result-keyAreas",
      input: { ...src, subProject: "keyAreas" },
      build: ProjectDocuments.reviewResult,
      expected: [
        "竞争性磋商评审汇总表及成交结果",
        "示例安康安全咨询有限公司",
        "90.21",
        "18.81",
        "71.40",
        "人民币贰佰壹拾捌万元整"
      ]
    },
    {
      kind: K.terminationNotice,
      file: "termination-notice-keyAreas",
      input: { ...recovery, subProject: "keyAreas" },
      build: ProjectDocuments.terminationNotice,
      expected: ["终止公告", "采购方式：竞争性磋商", "供应商质疑成立，影响采购结果", "重新组织采购活动"]
    },
    {
      kind: K.challengeAnswer,
      file: "challenge-answer-keyAreas",
      input: { ...recovery, subProject: "keyAreas" },
      build: ProjectDocuments.challengeAnswer,
      expected: ["质疑的答复", "示例明安培训中心：", "2026年4月13日", "质疑成立", "已暂停签订合同"]
    },
    {
      kind: K.amendmentSummary,
      file: "amendment-summary-keyAreas",
      input: { ...changed, subProject: "keyAreas" },
      build: ProjectDocuments.amendmentSummary,
      expected: [
        "补充合同摘要",
        "¥2,180,000.00",
        "人民币贰佰壹拾捌万元整",
        "¥20,000.00",
        "人民币贰万元整",
        "¥2,200,000.00",
        "0.92%（上限10%）",
        "2026年6月15日",
        "宣传折页增印五千份",
        "第四十九条"
      ]
    },
    {
      kind: K.terminationSettlement,
      file: "termination-settlement-keyAreas",
      input: { ...changed, subProject: "keyAreas" },
      build: ProjectDocuments.terminationSettlement,
      expected: [
        "合同终止结算单",
        "经2次验收不合格，于2026年11月10日解除",
        "整改后再次验收仍不合格",
        "¥2,200,000.00",
        "¥800,000.00",
        "¥872,000.00",
        "¥72,000.00",
        "人民币柒万贰仟元整",
        "2026年4月27日",
        "第五百六十六条"
      ]
    },
    {
      kind: K.paymentRequest,
      file: "payment-request-keyAreas-advance",
      input: { ...src, subProject: "keyAreas", kind: "advance" },
      build: ProjectDocuments.paymentRequest,
      expected: [
        "关于申请支付",
        "预付款的函",
        "¥872,000.00",
        "人民币捌拾柒万贰仟元整",
        "SZ-2026-GS-02",
        "6222021000001234"
      ]
    },
    {
      kind: K.paymentNotice,
      file: "payment-notice-keyAreas-advance",
      input: { ...src, subProject: "keyAreas", kind: "advance" },
      build: ProjectDocuments.paymentNotice,
      expected: [
        "预付款的通知",
        "¥872,000.00",
        "人民币捌拾柒万贰仟元整",
        "中国工商银行示例市分行",
        "6222021000001234",
        "实施方案三（六）"
      ]
    },
    {
      kind: K.monthlyBriefing,
      file: "monthly-briefing-keyAreas-2026-06",
      input: { ...src, subProject: "keyAreas", month: "2026-06" },
      build: ProjectDocuments.monthlyBriefing,
      expected: ["月度项目计划及进展简报", "2026年6月", "指标完成进度", "门户网站新闻推送"]
    },
    {
      kind: K.spotCheckRecord,
      file: "spot-check-keyAreas",
      input: { ...src, subProject: "keyAreas" },
      build: ProjectDocuments.spotCheckRecord,
      expected: ["抽查记录", "制造行业培训（第一场）", "签到表齐全", "符合要求"]
    },
    {
      kind: K.followUpRecord,
      file: "follow-up-inspection",
      input: src,
      build: ProjectDocuments.followUpRecord,
      expected: ["重点企业回访巡查记录", "三步精准培训完成情况", "10家"]
    },
    {
      kind: K.acceptanceReport,
      file: "acceptance-report-keyAreas-1",
      input: { ...src, subProject: "keyAreas", attempt: 1 },
      build: ProjectDocuments.acceptanceReport,
      expected: ["验收报告", "验收不合格", "门户网站新闻推送", "20篇", "18篇", "不合格", "整改通知", "验收专家签字"]
    },
    {
      kind: K.auditExtract,
      file: "audit-trail-extract",
      input: {
        events: storedTrail(seed.events),
        subject: "2026年度示例市工伤预防项目",
        toPosition: 40,
        config: seed.config
      },
      build: ProjectDocuments.auditExtract,
      expected: [
        "审计追踪摘录",
        "校验通过",
        `共校验${seed.events.length}条事件`,
        "事件清单",
        "链头哈希值"
      ]
    }
  ]
}

/** Builds a case's document or throws with the decoding error. */
export const buildCase = (c: Case): Document.Document =>
  Either.getOrThrowWith(
    c.build(c.input),
    (e) => new Error(`${c.kind}: ${String((e as { message?: string }).message ?? e)}`)
  )

/** A stored trail of `count` events: the seed's events repeated, positions 1…count in one stream. */
export const largeTrail = (events: ReadonlyArray<ProjectEvent.Event>, count: number, streamId = "project-2026") => {
  const many = Array.from({ length: count }, (_, i) => events[i % events.length]!)
  return storedTrail(many, streamId)
}

/** The documents `gsyf demo` writes for the seed lifecycle: name and built document. */
export const documentSet = (seed: Seed): ReadonlyArray<readonly [string, Document.Document]> => {
  const src = { config: seed.config, events: seed.events }
  const build = (f: (i: unknown) => Either.Either<Document.Document, unknown>, input: unknown) =>
    Either.getOrThrowWith(f(input), (e) => new Error(String((e as { message?: string }).message ?? e)))
  const recovery = { config: seed.config, events: recoveryEvents(seed.config).events }
  const changed = { config: seed.config, events: contractChangeEvents(seed.config).events }
  const P = ProjectDocuments
  const subs = ["keyAreas", "hazchem"] as const
  return [
    ["implementation-plan", build(P.implementationPlan, src)],
    ...subs.map((s) => [`publicity-notice-${s}`, build(P.publicityNotice, { ...src, subProject: s })] as const),
    ...subs.map((s) => [`review-result-${s}`, build(P.reviewResult, { ...src, subProject: s })] as const),
    ["termination-notice-keyAreas", build(P.terminationNotice, { ...recovery, subProject: "keyAreas" })],
    ["challenge-answer-keyAreas", build(P.challengeAnswer, { ...recovery, subProject: "keyAreas" })],
    ["amendment-summary-keyAreas", build(P.amendmentSummary, { ...changed, subProject: "keyAreas" })],
    ["termination-settlement-keyAreas", build(P.terminationSettlement, { ...changed, subProject: "keyAreas" })],
    ...(["advance", "balance"] as const).flatMap((kind) => [
      [`payment-request-${kind}-keyAreas`, build(P.paymentRequest, { ...src, subProject: "keyAreas", kind })] as const,
      [`payment-notice-${kind}-keyAreas`, build(P.paymentNotice, { ...src, subProject: "keyAreas", kind })] as const
    ]),
    [
      "monthly-briefing-2026-06-keyAreas",
      build(P.monthlyBriefing, { ...src, subProject: "keyAreas", month: "2026-06" })
    ],
    ["spot-check-keyAreas", build(P.spotCheckRecord, { ...src, subProject: "keyAreas" })],
    ["follow-up-inspection", build(P.followUpRecord, src)],
    ["acceptance-report-keyAreas-1", build(P.acceptanceReport, { ...src, subProject: "keyAreas", attempt: 1 })],
    ["acceptance-report-keyAreas-2", build(P.acceptanceReport, { ...src, subProject: "keyAreas", attempt: 2 })],
    ["acceptance-report-hazchem", build(P.acceptanceReport, { ...src, subProject: "hazchem" })],
    ["audit-trail-extract", build(P.auditExtract, { events: storedTrail(seed.events), config: seed.config })]
  ]
}
