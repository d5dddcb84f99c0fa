import { describe, expect, it } from "@effect/vitest"
import { EventStore, IsoDate, LegalBasis, Money, Parameter, ProjectEvent } from "@gsyf/core"
import { Block, Document, Html, Inline, Markdown, ProjectDocuments, Templates } from "@gsyf/documents"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { statSync, writeFileSync } from "node:fs"
import { planningToAward } from "../../core/test/fixtures/seed.js"
import { buildCase, cases, runSeed, storedTrail } from "./ProjectDocumentsFixture.js"
import { artifactPath, chromiumScreenshot, squash, tools } from "./tools.js"

const seed = runSeed()
const src = { config: seed.config, events: seed.events }
const all = cases(seed)

/** Markdown without its escapes and white space, for comparing text. */
const mdText = (doc: Document.Document): string => squash(Markdown.toMarkdown(doc).replace(/\\(.)/g, "$1"))

/** The plain text of a document model (title, meta and every block). */
const modelText = (doc: Document.Document): string =>
  squash(
    [
      doc.meta.title,
      doc.meta.subtitle ?? "",
      doc.meta.number ?? "",
      ...doc.blocks.map((b) => {
        switch (b._tag) {
          case "Heading":
            return b.text
          case "Paragraph":
          case "Note":
            return Inline.plainText(b.runs)
          case "Table":
            return [...b.header, ...b.body].flatMap((r) => r.map((c) => Inline.plainText(c.runs))).join("|")
          case "List":
            return b.items.map(Inline.plainText).join("|")
          case "KeyValue":
            return b.rows.map((r) => `${r.key}:${Inline.plainText(r.value)}`).join("|")
          case "Signature":
            return `${b.issuer}${b.seal ?? ""}${b.date ?? ""}`
          case "PageBreak":
            return ""
        }
      })
    ].join("\n")
  )

const byKind = (kind: string) => all.find((c) => c.kind === kind)!
const doc = (kind: string) => buildCase(byKind(kind))

describe("ProjectDocuments: the implementation plan", () => {
  const plan = doc(ProjectDocuments.kinds.implementationPlan)
  const md = Markdown.toMarkdown(plan)
  const text = modelText(plan)

  it("fills every blank of the seed plan: no stray x placeholder survives", () => {
    // the seed writes its blanks as a lone Latin x (x年, x市, x万元, x人社发〔x〕x号)
    const latin = md.match(/[A-Za-z]+/g) ?? []
    expect(latin.filter((w) => /^x$/i.test(w))).toEqual([])
    expect(text).not.toMatch(/(^|[^A-Za-z])x(?![A-Za-z])/)
  })

  it("keeps the seed's section structure: 一 to 七 and 三(一) to (九), each step with its planned month", () => {
    const headings = plan.blocks.filter((b): b is Block.Heading => b._tag === "Heading")
    expect(headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual([
      "一、总体目标",
      "二、工作原则",
      "三、工作内容及工作步骤",
      "四、工伤预防项目宣传培训内容",
      "五、项目服务范围及时间要求",
      "六、经费管理",
      "七、工作要求"
    ])
    // a schedule crossing the year end, to see how month ranges are written
    const schedule = {
      keyAreas: { from: "2026-01" },
      subProjects: { from: "2026-02" },
      budgetApproval: { from: "2026-03" },
      publicity: { from: "2026-03", to: "2026-04" },
      procurement: { from: "2026-04", to: "2026-05" },
      contract: { from: "2026-05" },
      implementation: { from: "2026-05", to: "2027-04" },
      supervision: { from: "2026-05", to: "2027-04" },
      acceptance: { from: "2027-05" }
    }
    const parameters = Either.getOrThrow(
      Parameter.overlay(seed.config.parameters, { "plan.schedule": schedule }, LegalBasis.gsyf("测试"))
    )
    const scheduled = Either.getOrThrow(
      ProjectDocuments.implementationPlan({ config: { ...seed.config, parameters }, events: seed.events })
    )
    const steps = scheduled.blocks
      .filter((b): b is Block.Heading => b._tag === "Heading" && b.level === 2)
      .map((h) => h.text)
      .slice(0, 9)
    expect(steps).toEqual([
      "（一）确定工伤预防重点领域（2026年1月）。",
      "（二）确定工伤预防实施项目（2026年2月）。",
      "（三）工伤预防费用审批（2026年3月）。",
      "（四）采购需求公示（2026年3月-4月）。",
      "（五）项目招标采购（2026年4月-5月）。",
      "（六）签订合同（2026年5月）。",
      "（七）项目实施（2026年5月-2027年4月）。",
      "（八）过程监督（2026年5月-2027年4月）。",
      "（九）项目验收（2027年5月）。"
    ])
    for (const p of ["（一）政府主导，专业运作。", "（四）规范管理，确保安全。", "（三）及时总结宣传。"]) {
      expect(text).toContain(p)
    }
  })

  it("states the key numbers from the parameters", () => {
    for (
      const t of [
        "项目预算300万元",
        "预算为80万元",
        "预算为220万元",
        "先行支付项目总额40%的预付款",
        "再行支付项目总额60%的余款",
        "600名“三类人员”",
        "为期5个工作日公示",
        "5个企业园区开展6场大型宣传活动",
        "制作3部工伤风险警示教育片",
        "一部8-10分钟",
        "市级电视台不低于4次",
        "播报不低于6次，省级以上报纸刊物刊登不少于2次",
        "全年不低于20篇新闻推送",
        "选取10家重点企业",
        "不低于4场，不少于400人",
        "不低于3场，不少于300人",
        "（一）项目周期：6个月。",
        "示人社发〔2021〕12号",
        "示人社函〔2022〕45号",
        "示工伤预防委〔2026〕1号",
        "建筑业；制造业；有色金属矿采选业；其他危险化学品相关行业",
        "2026年示例市危险化学品企业工伤预防能力提升培训项目",
        "2026年示例市其他重点领域工伤预防培训宣传项目"
      ]
    ) {
      expect(text).toContain(squash(t))
    }
    expect(plan.meta.issuer).toBe("示例市工伤预防委员会")
    expect(plan.meta.date).toBe("2026-02-10")
  })

  it("follows the parameters: another city's numbers give another plan", () => {
    const changed = Either.getOrThrow(
      Parameter.overlay(
        seed.config.parameters,
        {
          "plan.city": "样板市",
          "project.serviceArea": "样板市",
          "payment.advancePercent": 30,
          "payment.balancePercent": 70,
          "budget.total": "250",
          "quota.hazchemTrainees": 450
        },
        LegalBasis.gsyf("测试")
      )
    )
    const other = Either.getOrThrow(
      ProjectDocuments.implementationPlan({
        config: { ...seed.config, parameters: changed },
        events: seed.events.filter((e) => e._tag === "KeyAreasSelected")
      })
    )
    const t = modelText(other)
    expect(other.meta.title).toBe("2026年关于全市工伤预防项目工作实施方案")
    expect(other.meta.number).toBeUndefined()
    expect(t).toContain("总额30%的预付款")
    expect(t).toContain("总额70%的余款")
    expect(t).toContain("预算250万元")
    expect(t).toContain("450名")
    expect(t).toContain("样板市工伤预防项目")
    expect(t).not.toContain("示例市")
  })

  it("refuses parameters that leave a blank of the plan unfilled, naming the template line, bilingually", () => {
    const lacking = Either.getOrThrow(Parameter.load({ parameters: { "plan.city": "样板市" } }, { requireAll: false }))
    const r = ProjectDocuments.implementationPlan({ config: { ...seed.config, parameters: lacking }, events: [] })
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r)) {
      expect(r.left._tag).toBe("InvalidInput")
      expect(r.left.issues[0]!.en).toContain("seed-plan.txt:4: blank {年度} has no value")
      expect(r.left.issues[0]!.zh).toContain("空格{年度}（项目年度（plan.fiscalYear））没有值")
    }
  })
})

describe("ProjectDocuments: documents from the lifecycle", () => {
  it("builds every document with what it must say, in Markdown and HTML", () => {
    expect(all.map((c) => c.kind)).toEqual(Object.values(ProjectDocuments.kinds))
    for (const c of all) {
      const d = buildCase(c)
      const md = mdText(d)
      const html = squash(Html.toHtml(d).replace(/<[^>]+>/g, ""))
      for (const t of c.expected) {
        expect(md, `${c.kind} markdown: ${t}`).toContain(squash(t))
        expect(html, `${c.kind} html: ${t}`).toContain(
          squash(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
        )
      }
    }
  })

  it("publicity notice: start and end dates counted in working days, skipping the weekend", () => {
    const d = doc(ProjectDocuments.kinds.publicityNotice)
    const md = Markdown.toMarkdown(d)
    expect(d.meta.issuer).toBe("示例市社会保险事业服务中心")
    expect(d.meta.date).toBe("2026-03-16")
    expect(md).toContain("| 2026年3月21日 | 星期六 | 休息日 | 不计入 |")
    expect(md).toContain("| 2026年3月23日 | 星期一 | 工作日 | 第5个工作日 |")
    expect(md).toContain("自 2026年3月16日起公示 5 个工作日")
    expect(md).toContain("已在磋商文件中明确四类行业培训场次")
  })

  it("review result: each member's scores add up to the award's non-price score", () => {
    const d = doc(ProjectDocuments.kinds.reviewResult)
    const award = seed.events.find((e): e is Extract<ProjectEvent.Event, { _tag: "Awarded" }> =>
      e._tag === "Awarded" && e.subProject === "keyAreas"
    )!
    const sheet = d.blocks.find((b): b is Block.Table =>
      b._tag === "Table" && b.caption === "各评审成员评分（非价格因素合计）"
    )!
    const first = sheet.body[0]!.map((c) => Inline.plainText(c.runs))
    expect(first[0]).toBe(award.ranking[0]!.supplierName)
    const memberTotals = first.slice(1, -1).map(Number)
    expect(memberTotals).toEqual([71, 72, 71, 72, 71])
    expect((memberTotals.reduce((a, b) => a + b, 0) / memberTotals.length).toFixed(2)).toBe(
      award.ranking[0]!.nonPriceScore
    )
    expect(first.at(-1)).toBe("71.40")
    // the hazchem panel review shows no price score column and the trimmed-mean reason
    const hz = Either.getOrThrow(ProjectDocuments.reviewResult({ ...src, subProject: "hazchem" }))
    const t = mdText(hz)
    expect(hz.meta.title).toContain("方案评审打分汇总表及评审结果")
    expect(t).toContain("去掉一个最高分和一个最低分后平均")
    expect(t).not.toContain("价格分")
    expect(t).toContain("部门工作人员")
  })

  it("payment request and notice: amounts in figures and capital letters, the payee and the basis", () => {
    const notice = doc(ProjectDocuments.kinds.paymentNotice)
    const t = modelText(notice)
    expect(notice.meta.recipients).toEqual(["示例安康安全咨询有限公司"])
    expect(t).toContain("支付金额（大写）:人民币捌拾柒万贰仟元整")
    expect(t).toContain("累计已支付:¥872,000.00（人民币捌拾柒万贰仟元整）")
    expect(t).toContain("尚未支付:¥1,308,000.00")
    expect(t).toContain("预付款金额符合约定比例|符合")
    expect(t).not.toContain("评估验收合格后支付余款")
    const balance = Either.getOrThrow(
      ProjectDocuments.paymentNotice({ ...src, subProject: "keyAreas", kind: "balance" })
    )
    const b = modelText(balance)
    expect(b).toContain(squash(Either.getOrThrow(Money.capital(Money.unsafeYuan("1308000")))))
    expect(b).toContain("人民币壹佰叁拾万零捌仟元整")
    expect(b).toContain("尚未支付:¥0.00")
    const request = Either.getOrThrow(
      ProjectDocuments.paymentRequest({ ...src, subProject: "hazchem", kind: "balance" })
    )
    const r = modelText(request)
    expect(request.meta.issuer).toBe("示例化安应急技术服务有限公司")
    expect(r).toContain("¥468,000.00（人民币肆拾陆万捌仟元整）")
    expect(r).toContain("FP-H-001")
  })

  it("payments that cannot be asked for yet are refused with the reason", () => {
    const early = runSeed(planningToAward())
    const r = ProjectDocuments.paymentRequest({
      config: early.config,
      events: early.events,
      subProject: "keyAreas",
      kind: "advance"
    })
    expect(Either.isLeft(r) && r.left.issues[0]!.zh).toContain("须先签订合同")
    const n = ProjectDocuments.paymentNotice({
      config: early.config,
      events: early.events,
      subProject: "keyAreas",
      kind: "advance"
    })
    expect(Either.isLeft(n) && n.left.issues[0]!.en).toBe("the payment has not been made")
  })

  it("a contract without an advance has no advance to ask for, and its balance is the whole amount", () => {
    // the seed's events up to the first payment, the contracts signed with no advance (payment.advancePercent 0)
    const events = seed.events.slice(0, seed.events.findIndex((e) => e._tag === "PaymentMade")).map((e) =>
      e._tag === "ContractSigned" ? { ...e, advance: Money.zero, balance: e.amount } : e
    )
    const advance = ProjectDocuments.paymentRequest({ ...src, events, subProject: "keyAreas", kind: "advance" })
    expect(Either.isLeft(advance) && advance.left.issues[0]!.zh).toContain("合同约定预付款")
    const signed = ProjectDocuments.paymentRequest({ ...src, subProject: "keyAreas", kind: "advance" })
    expect(Either.isRight(signed)).toBe(true)
  })

  it("monthly briefing: quota progress as of the briefing's own date, percentages rounded half up to 0.1", () => {
    const row = (month: string, title: string) => {
      const d = Either.getOrThrow(ProjectDocuments.monthlyBriefing({ ...src, subProject: "keyAreas", month }))
      const table = d.blocks.filter((b): b is Block.Table => b._tag === "Table").at(-1)!
      return table.body.map((r) => r.map((c) => Inline.plainText(c.runs))).find((r) => r[1] === title)!
    }
    // park events on 05-20, 05-21, 06-20, 06-21, 07-20, 07-21; each month's briefing is submitted on its 3rd
    expect(row("2026-06", "园区大型宣传活动场次").slice(2)).toEqual(["6场", "2场", "33.3%", "进行中"])
    expect(row("2026-07", "园区大型宣传活动场次").slice(2)).toEqual(["6场", "4场", "66.7%", "进行中"])
    expect(row("2026-08", "园区大型宣传活动场次").slice(2)).toEqual(["6场", "6场", "100%", "已完成"])
    const june = Either.getOrThrow(
      ProjectDocuments.monthlyBriefing({ ...src, subProject: "keyAreas", month: "2026-06" })
    )
    const t = modelText(june)
    expect(t).toContain("报送日期:2026年6月3日（按期）")
    expect(t).toContain("截至2026年6月3日")
    expect(t).toContain("完成比例按四舍五入保留一位小数")
    expect(t).not.toContain("制造行业培训（第一场）")
    const july = modelText(
      Either.getOrThrow(ProjectDocuments.monthlyBriefing({ ...src, subProject: "keyAreas", month: "2026-07" }))
    )
    expect(july).toContain("制造行业培训（第一场）（符合要求）")
    const bad = ProjectDocuments.monthlyBriefing({ ...src, subProject: "keyAreas", month: "2026-13" })
    expect(Either.isLeft(bad) && bad.left.issues.map((i) => i.path)).toEqual(["month"])
    const before = ProjectDocuments.monthlyBriefing({ ...src, subProject: "keyAreas", month: "2026-03" })
    expect(Either.isLeft(before) && before.left.issues[0]!.zh).toContain("尚未签订合同")
  })

  it("spot check and follow-up inspection records", () => {
    const spot = doc(ProjectDocuments.kinds.spotCheckRecord)
    expect(modelText(spot)).toContain("检查人员:赵主任（示例市社会保险事业服务中心）")
    const follow = doc(ProjectDocuments.kinds.followUpRecord)
    const table = follow.blocks.find((b): b is Block.Table => b._tag === "Table")!
    expect(table.body).toHaveLength(10)
    expect(table.body[0]!.map((c) => Inline.plainText(c.runs))).toEqual([
      "1",
      "示例重点企业1号",
      "2026年6月1日",
      "2026年7月1日",
      "2026年9月1日",
      "示例重点企业1号回访巡查报告"
    ])
    expect(follow.meta.issuer).toBe("示例安康安全咨询有限公司")
    const one = Either.getOrThrow(ProjectDocuments.followUpRecord({ ...src, enterprise: "示例重点企业3号" }))
    expect(one.blocks.find((b): b is Block.Table => b._tag === "Table")!.body).toHaveLength(1)
  })

  it("acceptance report: a failed attempt orders rectification, the passed one carries the filed number", () => {
    const failed = doc(ProjectDocuments.kinds.acceptanceReport)
    const failedEvent = seed.events.find((e): e is Extract<ProjectEvent.Event, { _tag: "AcceptanceFailed" }> =>
      e._tag === "AcceptanceFailed"
    )!
    const t = modelText(failed)
    expect(t).toContain("门户网站新闻推送|20篇|18篇|不合格")
    expect(t).toContain(`于${squash(IsoDateZh(failedEvent.rectification.deadline))}前完成整改`)
    expect(failed.meta.number).toBeUndefined()
    const passed = Either.getOrThrow(ProjectDocuments.acceptanceReport({ ...src, subProject: "keyAreas" }))
    const p = modelText(passed)
    expect(passed.meta.number).toBe("示社保验〔2026〕2号")
    expect(passed.meta.subtitle).toBe("（第2次验收）")
    expect(p).toContain("门户网站新闻推送|20篇|20篇|合格")
    expect(p).not.toContain("|不合格")
    expect(p).toContain("合格19项，不合格0项")
    expect(p).toContain("验收合格")
    expect(p).toContain("¥1,308,000.00（人民币壹佰叁拾万零捌仟元整）")
    expect(p).toContain("验收专家5|示例市专家库|")
    const none = ProjectDocuments.acceptanceReport({ ...src, subProject: "hazchem", attempt: 2 })
    expect(Either.isLeft(none)).toBe(true)
  })

  it("audit trail extract: verified, and a tampered trail names the broken event", () => {
    const trail = storedTrail(seed.events)
    const ok = Either.getOrThrow(ProjectDocuments.auditExtract({ events: trail }))
    const t = modelText(ok)
    expect(t).toContain(`校验通过。共校验${seed.events.length}条事件`)
    expect(t).toContain(squash(`链头哈希值:${trail.at(-1)!.hash.replace(/(.{16})(?=.)/g, "$1 ")}`))
    const tampered = trail.map((
      e
    ) => (e.position === 41 ? { ...e, data: { ...(e.data as object), amount: "972000.00" } } : e))
    const bad = Either.getOrThrow(ProjectDocuments.auditExtract({ events: tampered, fromPosition: 38, toPosition: 44 }))
    const b = modelText(bad)
    expect(b).toContain("校验未通过。")
    expect(b).toContain("第41号事件：事件内容已被改动（哈希不符）")
    expect(b).not.toContain("project-2026")
    expect(b).toContain(`${trail[40]!.hash.slice(0, 16)}（断）`)
    expect(b).not.toContain(`${trail[39]!.hash.slice(0, 16)}（断）`)
    expect(b).toContain("摘录范围:第38号至第44号，共7条")
  })

  it.effect("audit trail extract of the rows a store keeps names who acted from the records they name", () =>
    Effect.gen(function*() {
      const store = yield* EventStore.makeMemory()
      const encode = Schema.encodeSync(ProjectEvent.Stored)
      const rows = seed.events.map((e): EventStore.NewEvent => {
        const data: Record<string, unknown> = { ...encode(e) }
        const record: Record<string, unknown> = {}
        for (const f of ProjectEvent.recordFields) {
          record[f] = data[f]
          delete data[f]
        }
        return { type: e._tag, schemaVersion: ProjectEvent.currentVersion, data, record }
      })
      yield* store.append("project-2026", 0, "whole-trail", rows)
      const stored = yield* store.readStream("project-2026")
      expect(stored.every((e) => e.record !== undefined && !("actor" in (e.data as object)))).toBe(true)
      const fromStore = modelText(Either.getOrThrow(ProjectDocuments.auditExtract({ events: stored })))
      const whole = modelText(Either.getOrThrow(ProjectDocuments.auditExtract({ events: storedTrail(seed.events) })))
      expect(fromStore).toContain(`校验通过。共校验${seed.events.length}条事件`)
      const count = (text: string, name: string) => text.split(name).length - 1
      for (const name of ["示例市社会保险事业服务中心", "示例安康安全咨询有限公司", "示例市财政局"]) {
        expect(count(fromStore, name)).toBeGreaterThan(0)
        expect(count(fromStore, name)).toBe(count(whole, name))
      }
    }))
})

const IsoDateZh = (d: IsoDate.IsoDate): string => `${IsoDate.year(d)}年${IsoDate.month(d)}月${IsoDate.day(d)}日`

describe("ProjectDocuments: templates", () => {
  it.effect("registers every kind by default; builds from stored (encoded) events like from decoded ones", () =>
    Effect.gen(function*() {
      expect(yield* Templates.kinds).toEqual(Object.values(ProjectDocuments.kinds))
      const encoded = JSON.parse(JSON.stringify(Schema.encodeSync(Schema.Array(ProjectEvent.Event))(seed.events)))
      const fromStored = yield* Templates.build("acceptance-report", {
        config: seed.config,
        events: encoded,
        subProject: "keyAreas"
      })
      const direct = Either.getOrThrow(ProjectDocuments.acceptanceReport({ ...src, subProject: "keyAreas" }))
      expect(Markdown.toMarkdown(fromStored)).toBe(Markdown.toMarkdown(direct))
      const bad = yield* Effect.flip(
        Templates.build("payment-notice", { config: {}, events: [], subProject: "x", kind: "advance" })
      )
      expect(bad._tag).toBe("InvalidInput")
      if (bad._tag === "InvalidInput") {
        expect([...new Set(bad.issues.map((i) => i.path))].sort()).toEqual(["config", "subProject"])
      }
    }).pipe(Effect.provide(ProjectDocuments.layer())))

  it.effect("lets a host replace a built-in document", () =>
    Effect.gen(function*() {
      const dup = yield* Effect.flip(Templates.register({
        kind: "acceptance-report",
        name: "host report",
        build: () => Document.make({ title: "x", blocks: [] })
      }))
      expect(dup.existing).toBe("@gsyf/documents ProjectDocuments")
      yield* Templates.replace({
        kind: "acceptance-report",
        name: "host report",
        input: ProjectDocuments.AcceptanceReportInput,
        build: (i) => Document.make({ title: `${i.subProject}验收报告（本地格式）`, blocks: [] })
      })
      const d = yield* Templates.build("acceptance-report", { ...src, subProject: "hazchem" })
      expect(d.meta.title).toBe("hazchem验收报告（本地格式）")
    }).pipe(Effect.provide(ProjectDocuments.layer())))
})

const chromium = tools.chromium()

describe.skipIf(chromium.skip)("ProjectDocuments: HTML in a browser", () => {
  it("renders the acceptance report in headless Chromium (screenshot kept under test-artifacts/)", async () => {
    const html = Html.toHtml(doc(ProjectDocuments.kinds.acceptanceReport))
    const file = artifactPath("documents", "project-acceptance-report.html")
    writeFileSync(file, html)
    const png = artifactPath("documents", "project-acceptance-report.png")
    await chromiumScreenshot(chromium.require(), file, png)
    expect(statSync(png).size).toBeGreaterThan(20_000)
  }, 120_000)
})
