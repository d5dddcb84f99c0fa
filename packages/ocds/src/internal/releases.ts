/**
 * The projection from a project's events to OCDS releases.
 *
 * @internal
 */
import { Deliverable, Industry, IsoDate, type LegalBasis, type Money, Parameter, type ProjectEvent } from "@gsyf/core"
import { dayEnd, dayStart, instant, value } from "./format.js"
import type { Json } from "./merge.js"

type Event = ProjectEvent.Event
type Of<T extends Event["_tag"]> = Extract<Event, { _tag: T }>
type SubProject = "hazchem" | "keyAreas"
type JsonObject = { [k: string]: Json }

/** @internal */
export interface MethodMapping {
  readonly method: "open" | "selective" | "limited" | "direct"
  readonly details: string
  readonly rationale?: string | undefined
}

/** @internal */
export interface Settings {
  readonly projectId: string
  readonly ocidPrefix: string
  readonly parameters: Parameter.ParameterSet
  readonly methods: Readonly<Record<string, MethodMapping>>
}

/** @internal */
export type Release = JsonObject & {
  ocid: string
  id: string
  date: string
  tag: Array<string>
  initiationType: "tender"
}

const subProjects: ReadonlyArray<SubProject> = ["hazchem", "keyAreas"]

const subProjectTitles: Record<SubProject, string> = {
  hazchem: "危险化学品企业工伤预防能力提升培训项目",
  keyAreas: "其他重点领域工伤预防培训宣传项目"
}

const basisText = (b: ReadonlyArray<LegalBasis.LegalBasis>): string =>
  b.map((x) => (x.note === undefined ? x.citation : `${x.citation}(${x.note})`)).join(";")

interface Party {
  readonly id: string
  readonly name: string
  readonly roles: ReadonlyArray<string>
}

const party = (id: string, name: string, roles: ReadonlyArray<string>): Party => ({ id, name, roles })
const ref = (p: { readonly id: string; readonly name: string }) => ({ id: p.id, name: p.name })
const partiesJson = (ps: ReadonlyArray<Party>): Json => ps.map((p) => ({ id: p.id, name: p.name, roles: [...p.roles] }))

/** The state the projection keeps while folding the events. */
interface Fold {
  readonly lastRelease: Map<string, string>
  readonly agency: { id: string; name: string } | undefined
  readonly budgets: Map<SubProject, Money.Money>
  readonly bids: Map<SubProject, Array<Of<"BidSubmitted">>>
  readonly procurement: Map<SubProject, Of<"ProcurementStarted">>
  readonly award: Map<SubProject, { id: string; supplier: { id: string; name: string } }>
  readonly contract: Map<SubProject, { id: string; awardID: string; supplier: { id: string; name: string } }>
  /** Deliverable and correction event ids: their sub-project and the milestone that shows them. */
  readonly evidence: Map<string, { sub: SubProject; milestone: string }>
  readonly failed: Map<SubProject, Array<{ attempt: number; releaseId: string }>>
}

/** @internal The ocid of the project's own (planning) process and of each sub-project's contracting process. */
export const ocids = (s: { readonly ocidPrefix: string; readonly projectId: string }) => {
  const project = `${s.ocidPrefix}-${s.projectId}`
  return { project, hazchem: `${project}-hazchem`, keyAreas: `${project}-keyAreas` } as const
}

const evidenceTitle = (e: Deliverable.Evidence): string => {
  const kind = Deliverable.kindNames[e._tag]
  switch (e._tag) {
    case "deployment-meeting":
      return `${kind}(${e.enterprises} 家企业参会)`
    case "park-event":
      return `${kind}:${e.park}`
    case "material-produced":
      return `${kind}:${e.materialType} ${e.quantity} 份`
    case "warning-video":
    case "summary-video":
    case "portal-article":
      return `${kind}:${e.title}`
    case "tv-report":
    case "newspaper-report":
      return `${kind}:${e.outlet}`
    case "hazchem-training":
      return `${kind}:${e.enterprise} ${e.trainees.reduce((n, t) => n + t.count, 0)} 人`
    case "training-session":
      return `${kind}:${e.participants} 人`
    case "key-enterprise-survey":
    case "key-enterprise-training":
    case "key-enterprise-followup":
      return `${kind}:${e.enterprise}`
    case "custom":
      return `${kind}:${e.customType} ${e.count}`
  }
}

const quotaResults = (items: ReadonlyArray<ProjectEvent.QuotaResult>, assessed: string): Json =>
  items.map((q) => ({
    id: q.itemId,
    title: q.title.zh,
    title_en: q.title.en,
    unit: q.unit,
    required: q.required,
    achieved: q.done,
    met: q.met,
    dateAssessed: assessed,
    ...(q.note === undefined ? {} : { note: q.note.zh, note_en: q.note.en })
  }))

const targetsJson = (
  ts: ReadonlyArray<{ readonly name: string; readonly target: string; readonly actual: string; readonly met: boolean }>,
  assessed: string
): Json =>
  ts.map((t) => ({ id: t.name, title: t.name, target: t.target, actual: t.actual, met: t.met, dateAssessed: assessed }))

/**
 * Projects the events, in stream order, to releases.
 *
 * @internal
 */
export const project = (settings: Settings, events: ReadonlyArray<Event>): Array<Release> => {
  const ids = ocids(settings)
  const out: Array<Release> = []
  const f: Fold = {
    lastRelease: new Map(),
    agency: undefined,
    budgets: new Map(),
    bids: new Map(),
    procurement: new Map(),
    award: new Map(),
    contract: new Map(),
    evidence: new Map(),
    failed: new Map()
  }
  let agency = f.agency

  const emit = (ocid: string, e: Event, tag: ReadonlyArray<string>, body: JsonObject): string => {
    const id = `${ocid}-${e.id}`
    const related = ocid === ids.project
      ? {}
      : {
        relatedProcesses: [
          {
            id: "planning",
            relationship: ["planning"],
            title: "工伤预防项目年度实施方案与预算",
            scheme: "ocid",
            identifier: ids.project
          }
        ]
      }
    out.push({
      ocid,
      id,
      date: instant(e.at),
      tag: [...tag],
      initiationType: "tender",
      language: "zh",
      ...related,
      ...body
    })
    f.lastRelease.set(ocid, id)
    return id
  }
  const buyer = (): JsonObject => (agency === undefined ? {} : { buyer: ref(agency) })
  const agencyParties = (roles: ReadonlyArray<string> = ["buyer", "procuringEntity", "payer"]): Array<Party> =>
    agency === undefined ? [] : [party(agency.id, agency.name, roles)]
  const noteAgency = (e: Event) => {
    if (agency === undefined && e.actor.role === "agency") agency = { id: e.actor.id, name: e.actor.organisation }
  }
  const param = <K extends Parameter.Name>(name: K, on: string) => Parameter.get(settings.parameters, name, on)

  const contractOf = (sub: SubProject) => f.contract.get(sub)
  /** A party's roles are the same in every release of a process (roles lists are replaced whole when merged). */
  const supplierRoles = (sub: SubProject, id: string): ReadonlyArray<string> =>
    (f.bids.get(sub) ?? []).some((b) => b.supplierId === id) ? ["tenderer", "supplier", "payee"] : ["supplier", "payee"]
  /** A contract-scoped release body (`contracts[0]` with the contract id). */
  const contractBody = (
    sub: SubProject,
    fields: JsonObject,
    parties: ReadonlyArray<Party> = []
  ): JsonObject | undefined => {
    const c = contractOf(sub)
    if (c === undefined) return undefined
    return {
      ...(parties.length > 0 ? { parties: partiesJson(parties) } : {}),
      contracts: [{ id: c.id, awardID: c.awardID, ...fields }]
    }
  }

  /**
   * An evaluation after a failed one re-evaluates the acceptance: an amendment
   * names the release before it and this release.
   */
  const reEvaluation = (
    sub: SubProject,
    e: Of<"AcceptancePassed"> | Of<"AcceptanceFailed">,
    failed: ReadonlyArray<{ attempt: number; releaseId: string }>
  ): JsonObject => {
    const last = failed[failed.length - 1]
    if (last === undefined) return {}
    const before = f.lastRelease.get(ids[sub])
    return {
      amendments: [
        {
          id: e.id,
          date: instant(e.at),
          rationale: `整改后重新评估验收(第 ${e.attempt} 次)`,
          description: `重新评估验收${
            e._tag === "AcceptancePassed" ? "合格" : "仍不合格"
          },取代第 ${last.attempt} 次评估结论(发布 ${last.releaseId})`,
          ...(before === undefined ? {} : { amendsReleaseID: before }),
          releaseID: `${ids[sub]}-${e.id}`
        }
      ]
    }
  }

  for (const e of events) {
    noteAgency(e)
    switch (e._tag) {
      case "KeyAreasSelected": {
        const hrss = party(e.actor.id, e.actor.organisation, ["buyer", "funder"])
        emit(ids.project, e, ["planning"], {
          buyer: ref(hrss),
          parties: partiesJson([hrss]),
          planning: {
            rationale: `依据实施方案 三(一)确定年度工伤预防重点领域。权重方案:${e.weighting}`,
            keyAreas: e.selected.map((s, i) => ({
              id: String(i + 1),
              title: s.label,
              rank: i + 1,
              classifications: s.codes.map((code) => ({
                scheme: "GB/T 4754-2017",
                id: Industry.normalize(code),
                description: Industry.label(code)
              })),
              rationale: s.reason,
              legalBasis: s.basis
            })),
            milestones: [
              {
                id: "key-areas",
                title: "确定工伤预防重点领域",
                type: "preProcurement",
                status: "met",
                dateMet: instant(e.at),
                dateModified: instant(e.at)
              }
            ]
          }
        })
        break
      }
      case "PlanIssued": {
        const committee = party(e.actor.id, e.actor.organisation, ["reviewBody"])
        emit(ids.project, e, ["planningUpdate"], {
          parties: partiesJson([committee]),
          planning: {
            documents: [
              {
                id: "plan",
                documentType: "procurementPlan",
                title: `工伤预防项目工作实施方案(${e.documentNumber})`,
                description: `以工伤预防委员会名义印发,文号 ${e.documentNumber}(实施方案 三(二))`,
                datePublished: dayStart(e.issuedOn),
                language: "zh"
              }
            ],
            milestones: [
              {
                id: "plan-issued",
                title: "印发年度实施方案",
                type: "approval",
                status: "met",
                dateMet: dayStart(e.issuedOn),
                dateModified: instant(e.at)
              }
            ]
          }
        })
        break
      }
      case "BudgetSubmitted": {
        const on = IsoDate.dateOf(e.at)
        const year = param("plan.fiscalYear", on) as number | undefined
        const period = year === undefined
          ? {}
          : { period: { startDate: dayStart(`${year}-01-01`), endDate: dayEnd(`${year}-12-31`) } }
        const hrss = party(e.actor.id, e.actor.organisation, ["buyer", "funder"])
        const funder = party(e.actor.id, e.actor.organisation, ["funder"])
        const lines = (param("budget.breakdown", on) ?? []) as ReadonlyArray<{
          readonly subProject: SubProject
          readonly item: string
          readonly category: string
          readonly fundingSource: "prevention-fee" | "agency-budget"
          readonly amount: Money.Money
        }>
        const source = (
          s: "prevention-fee" | "agency-budget"
        ) => (s === "prevention-fee" ? "工伤保险基金工伤预防费" : "经办机构部门预算")
        const categories: Record<string, string> = {
          publicity: "宣传",
          training: "培训",
          "expert-fee": "专家劳务",
          other: "其他"
        }
        const split = { hazchem: e.hazchem, keyAreas: e.keyAreas }
        f.budgets.set("hazchem", e.hazchem)
        f.budgets.set("keyAreas", e.keyAreas)
        emit(ids.project, e, ["planningUpdate"], {
          parties: partiesJson([hrss]),
          planning: {
            budget: {
              id: `${settings.projectId}-budget`,
              description: `工伤预防项目预算(实施方案 三(三)),上限 ${e.cap.toString()} 元`,
              amount: value(e.total),
              project: settings.parameters.city === undefined
                ? "工伤预防项目"
                : `${settings.parameters.city}工伤预防项目`,
              projectID: settings.projectId,
              budgetBreakdown: subProjects.map((sub) => ({
                id: sub,
                description: subProjectTitles[sub],
                amount: value(split[sub]),
                ...period,
                sourceParty: ref(hrss)
              }))
            },
            milestones: [{
              id: "budget-approval",
              title: "工伤预防费用审批",
              type: "approval",
              status: "scheduled",
              dateModified: instant(e.at)
            }]
          }
        })
        for (const sub of subProjects) {
          const own = lines.filter((l) => l.subProject === sub)
          // a budget submitted again after being returned updates the planning stage
          emit(ids[sub], e, [f.lastRelease.has(ids[sub]) ? "planningUpdate" : "planning"], {
            parties: partiesJson([funder]),
            planning: {
              rationale: `${subProjectTitles[sub]}(实施方案 三(二))`,
              budget: {
                id: `${settings.projectId}-budget-${sub}`,
                description: subProjectTitles[sub],
                amount: value(split[sub]),
                projectID: settings.projectId,
                ...(own.length === 0
                  ? {}
                  : {
                    budgetBreakdown: own.map((l, i) => ({
                      id: String(i + 1),
                      description: `${l.item}(${categories[l.category] ?? l.category};资金来源:${
                        source(l.fundingSource)
                      })`,
                      amount: value(l.amount),
                      ...period,
                      // The prevention fee comes from the work-injury insurance fund the HRSS bureau manages.
                      ...(l.fundingSource === "prevention-fee" ? { sourceParty: ref(funder) } : {})
                    }))
                  })
              },
              milestones: [{
                id: "budget-approval",
                title: "工伤预防费用审批",
                type: "approval",
                status: "scheduled",
                dateModified: instant(e.at)
              }]
            }
          })
        }
        break
      }
      case "BudgetApproved":
      case "BudgetReturned": {
        const finance = party(e.actor.id, e.actor.organisation, ["reviewBody"])
        const approved = e._tag === "BudgetApproved"
        const milestone = approved
          ? {
            id: "budget-approval",
            status: "met",
            dateMet: dayStart(e.approvedOn),
            dateModified: instant(e.at),
            ...(e.note === undefined ? {} : { description: e.note })
          }
          : {
            id: "budget-approval",
            status: "notMet",
            dateModified: instant(e.at),
            description: `退回:${e.reasons.join(";")}`
          }
        for (const ocid of [ids.project, ids.hazchem, ids.keyAreas]) {
          emit(ocid, e, ["planningUpdate"], { parties: partiesJson([finance]), planning: { milestones: [milestone] } })
        }
        break
      }
      case "PublicityStarted": {
        emit(ids[e.subProject], e, ["tender"], {
          ...buyer(),
          parties: partiesJson(agencyParties()),
          tender: {
            id: `${e.subProject}-tender`,
            title: subProjectTitles[e.subProject],
            status: "planning",
            ...(agency === undefined ? {} : { procuringEntity: ref(agency) }),
            ...(f.budgets.has(e.subProject) ? { value: value(f.budgets.get(e.subProject)!) } : {}),
            enquiryPeriod: {
              startDate: dayStart(e.startsOn),
              endDate: dayEnd(e.endsOn),
              durationInDays: Math.round((Date.parse(e.endsOn) - Date.parse(e.startsOn)) / 86_400_000) + 1
            },
            documents: [
              {
                id: "requirements-publicity",
                documentType: "procurementPlan",
                title: "采购需求公示",
                description: `${e.explanation.zh}(实施方案 三(四))`,
                datePublished: dayStart(e.startsOn),
                language: "zh"
              }
            ]
          }
        })
        break
      }
      case "ObjectionRecorded": {
        emit(ids[e.subProject], e, ["tenderUpdate"], {
          tender: { id: `${e.subProject}-tender`, hasEnquiries: true }
        })
        break
      }
      case "ProcurementStarted": {
        f.procurement.set(e.subProject, e)
        const mapping = settings.methods[e.method]
        const priced = e.priceWeight !== undefined
        const criteria = e.criteria.map((c) => `${c.name} ${c.maxPoints.toString()} 分`).join(";")
        const sub = e.subProject
        const first = !out.some((r) => r.ocid === ids[sub] && r.tag.includes("tender"))
        emit(ids[sub], e, [first ? "tender" : "tenderUpdate"], {
          ...buyer(),
          parties: partiesJson(agencyParties()),
          tender: {
            id: `${sub}-tender`,
            title: subProjectTitles[sub],
            status: "active",
            ...(agency === undefined ? {} : { procuringEntity: ref(agency) }),
            ...(mapping === undefined
              ? { procurementMethodDetails: `采购方式 ${e.method}(未映射到 OCDS method 代码表)` }
              : {
                procurementMethod: mapping.method,
                procurementMethodDetails: mapping.details,
                ...(mapping.rationale === undefined ? {} : { procurementMethodRationale: mapping.rationale })
              }),
            mainProcurementCategory: e.category,
            awardCriteria: priced ? "ratedCriteria" : "qualityOnly",
            awardCriteriaDetails: priced
              ? `综合评分:${criteria};价格 ${e.priceWeight!.toFixed()} 分`
              : `方案评审打分:${criteria}`,
            submissionMethod: ["written"],
            tenderPeriod: { startDate: dayStart(e.documentsIssuedOn), endDate: dayEnd(e.responseDeadline) },
            documents: [
              {
                id: "procurement-documents",
                documentType: "biddingDocuments",
                title: e.method === "competitive-consultation" ? "竞争性磋商文件" : "采购文件",
                description: `${basisText(e.basis)}${e.governmentPurchasedService ? ";政府购买服务" : ""}`,
                datePublished: dayStart(e.documentsIssuedOn),
                language: "zh"
              }
            ]
          }
        })
        break
      }
      case "BidSubmitted": {
        const list = f.bids.get(e.subProject) ?? []
        list.push(e)
        f.bids.set(e.subProject, list)
        break
      }
      case "Awarded": {
        const sub = e.subProject
        const awardId = `${sub}-award`
        const supplier = { id: e.supplierId, name: e.supplierName }
        f.award.set(sub, { id: awardId, supplier })
        const bids = f.bids.get(sub) ?? []
        const tenderers = bids.map((b) =>
          party(
            b.supplierId,
            b.supplierName,
            b.supplierId === e.supplierId ? ["tenderer", "supplier", "payee"] : ["tenderer"]
          )
        )
        const summary = e.ranking
          .map((r) =>
            `第${r.rank}名 ${r.supplierName}:综合得分 ${r.total}${
              r.priceScore === undefined ? "" : `(价格 ${r.priceScore},其他 ${r.nonPriceScore})`
            }${r.quote === undefined ? "" : `,报价 ${r.quote.toString()} 元`}`
          )
          .join(";")
        const proc = f.procurement.get(sub)
        emit(ids[sub], e, ["award", "tenderUpdate"], {
          ...buyer(),
          parties: partiesJson([...agencyParties(), ...tenderers]),
          tender: {
            id: `${sub}-tender`,
            status: "complete",
            numberOfTenderers: bids.length,
            tenderers: bids.map((b) => ({ id: b.supplierId, name: b.supplierName })),
            awardPeriod: {
              ...(proc === undefined ? {} : { startDate: dayStart(proc.responseDeadline) }),
              endDate: dayEnd(e.awardedOn)
            }
          },
          awards: [
            {
              id: awardId,
              title: `${subProjectTitles[sub]}成交结果`,
              description: `评审结果:${summary}${
                e.tieBreaks.length === 0 ? "" : `。并列处理:${e.tieBreaks.join(";")}`
              }`,
              status: "active",
              date: dayStart(e.awardedOn),
              value: value(e.value),
              suppliers: [supplier]
            }
          ]
        })
        break
      }
      case "ContractSigned": {
        const sub = e.subProject
        const award = f.award.get(sub)
        const awardID = award?.id ?? `${sub}-award`
        const supplier = { id: e.supplierId, name: e.supplierName }
        f.contract.set(sub, { id: e.contractId, awardID, supplier })
        const advancePercent = param("payment.advancePercent", e.signedOn)
        emit(ids[sub], e, ["contract"], {
          ...buyer(),
          parties: partiesJson([
            ...agencyParties(),
            party(supplier.id, supplier.name, supplierRoles(sub, supplier.id))
          ]),
          contracts: [
            {
              id: e.contractId,
              awardID,
              title: `${subProjectTitles[sub]}服务合同`,
              description: [...e.qualityRequirements, ...e.acceptanceStandards].join(";"),
              status: "active",
              period: { startDate: dayStart(e.signedOn), endDate: dayEnd(e.periodEnd) },
              value: value(e.amount),
              dateSigned: dayStart(e.signedOn),
              items: e.deliverables.map((d) => ({
                id: d.itemId,
                description: d.title,
                quantity: d.required,
                unit: { name: d.unit }
              })),
              milestones: [
                {
                  id: "advance",
                  title: "预付款",
                  type: "payment",
                  code: "advance",
                  description: `合同签订后支付预付款${
                    advancePercent === undefined ? "" : `(合同金额的 ${String(advancePercent)}%)`
                  }(实施方案 三(六))`,
                  status: "scheduled",
                  dateModified: instant(e.at),
                  value: value(e.advance)
                },
                {
                  id: "balance",
                  title: "余款",
                  type: "payment",
                  code: "balance",
                  description: "评估验收合格后支付余款(实施方案 三(九))",
                  status: "scheduled",
                  dateModified: instant(e.at),
                  value: value(e.balance)
                }
              ]
            }
          ]
        })
        break
      }
      case "PaymentMade": {
        const sub = e.subProject
        const c = contractOf(sub)
        const payee = c?.supplier ?? { id: e.payee.name, name: e.payee.name }
        const body = contractBody(sub, {
          milestones: [{
            id: e.kind,
            status: "met",
            dateMet: dayStart(e.paidOn),
            dateModified: instant(e.at),
            ...(e.dueDate === undefined ? {} : { dueDate: dayEnd(e.dueDate) })
          }],
          implementation: {
            transactions: [
              {
                id: e.id,
                date: dayStart(e.paidOn),
                value: value(e.amount),
                ...(agency === undefined ? {} : { payer: ref(agency) }),
                payee: ref(payee)
              }
            ]
          }
        }, [...agencyParties(), party(payee.id, payee.name, supplierRoles(sub, payee.id))])
        if (body !== undefined) emit(ids[sub], e, ["implementation"], body)
        break
      }
      case "ImplementationPlanApproved":
      case "ImplementationPlanReturned": {
        const ok = e._tag === "ImplementationPlanApproved"
        const body = contractBody(e.subProject, {
          implementation: {
            milestones: [
              {
                id: "implementation-plan",
                title: "年度实施计划审批",
                type: "approval",
                status: ok ? "met" : "notMet",
                ...(ok ? { dateMet: instant(e.at) } : { description: `退回:${e.reasons.join(";")}` }),
                dateModified: instant(e.at)
              }
            ]
          }
        })
        if (body !== undefined) emit(ids[e.subProject], e, ["implementationUpdate"], body)
        break
      }
      case "DeliverableRecorded": {
        f.evidence.set(e.id, { sub: e.subProject, milestone: `deliverable-${e.id}` })
        const body = contractBody(e.subProject, {
          implementation: {
            milestones: [
              {
                id: `deliverable-${e.id}`,
                title: evidenceTitle(e.evidence),
                type: "delivery",
                code: e.evidence._tag,
                status: "met",
                dateMet: dayStart(e.evidence.date),
                dateModified: instant(e.at)
              }
            ]
          }
        })
        if (body !== undefined) emit(ids[e.subProject], e, ["implementationUpdate"], body)
        break
      }
      case "DeliverableCorrected": {
        const target = f.evidence.get(e.corrects)
        if (target === undefined) break
        const sub = target.sub
        if (e.replacement !== undefined) f.evidence.set(e.id, target)
        const before = f.lastRelease.get(ids[sub])
        const after = `${ids[sub]}-${e.id}`
        const body = contractBody(sub, {
          amendments: [
            {
              id: e.id,
              date: instant(e.at),
              rationale: e.reason,
              description: e.replacement === undefined
                ? `撤销交付记录 ${e.corrects}`
                : `更正交付记录 ${e.corrects}:${evidenceTitle(e.replacement)}`,
              ...(before === undefined ? {} : { amendsReleaseID: before }),
              releaseID: after
            }
          ],
          implementation: {
            milestones: [
              e.replacement === undefined
                ? {
                  id: target.milestone,
                  status: "notMet",
                  description: `已撤销:${e.reason}`,
                  dateModified: instant(e.at)
                }
                : {
                  id: target.milestone,
                  title: evidenceTitle(e.replacement),
                  code: e.replacement._tag,
                  status: "met",
                  dateMet: dayStart(e.replacement.date),
                  description: `已更正:${e.reason}`,
                  dateModified: instant(e.at)
                }
            ]
          }
        })
        if (body !== undefined) emit(ids[sub], e, ["implementationUpdate"], body)
        break
      }
      case "MonthlyBriefingSubmitted": {
        const body = contractBody(e.subProject, {
          implementation: {
            milestones: [
              {
                id: `briefing-${e.month}`,
                title: `${e.month} 月度项目计划及进展简报`,
                type: "reporting",
                description: e.progress,
                dueDate: dayEnd(e.dueOn),
                status: e.late ? "partiallyMet" : "met",
                dateMet: dayStart(e.submittedOn),
                dateModified: instant(e.at)
              }
            ]
          }
        })
        if (body !== undefined) emit(ids[e.subProject], e, ["implementationUpdate"], body)
        break
      }
      case "SpotCheckRecorded": {
        const body = contractBody(e.subProject, {
          implementation: {
            milestones: [
              {
                id: `spot-check-${e.id}`,
                title: `抽查:${e.activity}`,
                type: "assessment",
                description: e.observations.join(";"),
                status: e.satisfactory ? "met" : "notMet",
                ...(e.satisfactory ? { dateMet: dayStart(e.checkedOn) } : {}),
                dateModified: instant(e.at)
              }
            ]
          }
        })
        if (body !== undefined) emit(ids[e.subProject], e, ["implementationUpdate"], body)
        break
      }
      case "ProgressReported": {
        for (const sub of subProjects) {
          const own = e.quotas.filter((q) => q.subProject === sub)
          if (own.length === 0) continue
          const body = contractBody(sub, {
            implementation: { quotaResults: quotaResults(own, dayStart(e.reportedOn)) }
          })
          if (body !== undefined) emit(ids[sub], e, ["implementationUpdate"], body)
        }
        break
      }
      case "AcceptanceApplied": {
        const body = contractBody(e.subProject, {
          implementation: {
            milestones: [
              {
                id: "acceptance",
                title: "项目评估验收",
                type: "assessment",
                description: `第 ${e.attempt} 次验收申请:${e.details};发票合计 ${e.receiptsTotal.toString()} 元`,
                status: "scheduled",
                dateModified: instant(e.at)
              }
            ]
          }
        })
        if (body !== undefined) emit(ids[e.subProject], e, ["implementationUpdate"], body)
        break
      }
      case "AcceptanceFailed": {
        const sub = e.subProject
        const assessed = dayStart(e.evaluatedOn)
        const earlier = f.failed.get(sub) ?? []
        const body = contractBody(sub, {
          ...reEvaluation(sub, e, earlier),
          implementation: {
            milestones: [
              {
                id: "acceptance",
                status: "notMet",
                description: `第 ${e.attempt} 次评估验收不合格,督促整改(实施方案 三(九))${
                  e.remarks === undefined ? "" : ":" + e.remarks
                }`,
                dateModified: instant(e.at)
              }
            ],
            quotaResults: quotaResults(e.items, assessed),
            performanceTargets: targetsJson(e.targets, assessed),
            rectifications: [
              {
                id: `attempt-${e.attempt}`,
                order: [...e.rectification.items],
                orderedDate: assessed,
                deadline: dayEnd(e.rectification.deadline),
                explanation: e.rectification.explanation.zh,
                explanation_en: e.rectification.explanation.en,
                status: "ordered"
              }
            ]
          }
        })
        if (body !== undefined) {
          const id = emit(ids[sub], e, ["implementationUpdate"], body)
          f.failed.set(sub, [...earlier, { attempt: e.attempt, releaseId: id }])
        }
        break
      }
      case "AcceptancePassed": {
        const sub = e.subProject
        const assessed = dayStart(e.evaluatedOn)
        const failed = f.failed.get(sub) ?? []
        const body = contractBody(sub, {
          ...reEvaluation(sub, e, failed),
          milestones: [{
            id: "balance",
            dueDate: dayEnd(e.dueDate),
            description: `${e.dueExplanation.zh}`,
            dateModified: instant(e.at)
          }],
          implementation: {
            milestones: [
              {
                id: "acceptance",
                status: "met",
                dateMet: assessed,
                description: `第 ${e.attempt} 次评估验收合格${e.remarks === undefined ? "" : ":" + e.remarks}`,
                dateModified: instant(e.at)
              }
            ],
            quotaResults: quotaResults(e.items, assessed),
            performanceTargets: targetsJson(e.targets, assessed),
            ...(failed.length === 0
              ? {}
              : {
                rectifications: failed.map((x) => ({
                  id: `attempt-${x.attempt}`,
                  status: "completed",
                  dateCompleted: assessed
                }))
              })
          }
        })
        if (body !== undefined) emit(ids[sub], e, ["implementationUpdate"], body)
        break
      }
      case "AcceptanceReportFiled": {
        const body = contractBody(e.subProject, {
          status: "terminated",
          implementation: {
            documents: [
              {
                id: "acceptance-report",
                documentType: "completionCertificate",
                title: `评估验收报告(${e.reportNumber})`,
                description: "报工伤预防委员会办公室备案(实施方案 三(九))",
                datePublished: dayStart(e.filedOn),
                language: "zh"
              }
            ]
          }
        })
        if (body !== undefined) emit(ids[e.subProject], e, ["contractTermination"], body)
        break
      }
      case "MemberOpinionRecorded":
      case "KeyEnterpriseListProvided":
      case "ObjectionResolved":
      case "PanelAppointed":
      case "ScoresSubmitted":
      case "ImplementationPlanSubmitted":
      case "MaterialDesignSubmitted":
      case "MaterialDesignApproved":
      case "MaterialDesignReturned":
        break
    }
  }
  return out
}
