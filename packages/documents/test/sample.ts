/**
 * A realistic sample document shared by the tests and benchmarks of the three
 * document packages: an acceptance report (验收报告) of a city's annual
 * 工伤预防 project, with headings at all four levels, a budget table with a
 * column span, a key-value table, lists, a note and a signature block.
 */
import { Money } from "@gsyf/core"
import { Block, Document, Inline } from "@gsyf/documents"
import * as Either from "effect/Either"

export const total = Money.unsafeYuan("123000")
export const totalCapital = Either.getOrThrow(Money.capital(total))

export const sampleDocument = (options: { readonly pages?: number } = {}): Document.Document => {
  const advance = Money.percentOf(total, "30")
  const balance = Money.subtract(total, advance)
  const extraRows = Array.from({ length: (options.pages ?? 1) * 30 }, (_, i) => [
    String(i + 4),
    `第${i + 1}期企业安全生产培训（制造业、建筑业）`,
    "家",
    Money.format(Money.unsafeYuan(1000 + i))
  ])
  return Document.make({
    title: "关于2026年度x市工伤预防项目验收情况的报告",
    subtitle: "（危险化学品企业工伤预防能力提升培训项目）",
    number: "x人社发〔2026〕12号",
    issuer: "x市人力资源和社会保障局",
    recipients: ["x市工伤预防委员会办公室", "x市财政局"],
    date: "2026-03-05",
    classification: "内部",
    footer: "— {page} —",
    header: "x市工伤预防项目 · 验收报告",
    blocks: [
      Block.paragraph(
        "根据《x市工伤预防项目工作实施方案》和项目实施合同约定，市级社会保险经办机构组织相关专家，对项目实施情况和绩效目标实现情况进行了评估验收。现将有关情况报告如下："
      ),
      Block.heading(1, "项目基本情况"),
      Block.keyValue(
        [
          ["项目名称", "2026年x市危险化学品企业工伤预防能力提升培训项目"],
          ["实施机构", "x市安全生产培训中心"],
          ["合同金额", [Inline.bold(Money.format(total)), `（${totalCapital}）`]],
          ["实施周期", "2026年1月至2026年12月"]
        ],
        { caption: "项目概况" }
      ),
      Block.heading(2, "项目预算与支付"),
      Block.paragraph([
        "项目总金额为",
        Inline.bold(totalCapital),
        "。按合同约定先行支付项目总额30%的预付款",
        Inline.emphasis(Money.format(advance)),
        "，验收合格后支付余款",
        Money.format(balance),
        "。"
      ]),
      Block.table({
        caption: "表1 项目费用明细",
        header: [["序号", "项目内容", "单位", "金额（元）"]],
        body: [
          ["1", "企业主要负责人和安全管理人员培训", "人次", "80,000.00"],
          ["2", "一线职工工伤预防知识培训", "人次", "30,000.00"],
          ["3", "宣传资料印制 <A&B>", "份", "13,000.00"],
          ...extraRows,
          [{ text: "合计", colSpan: 3, align: "center" }, Inline.bold(Money.format(total))]
        ],
        align: ["center", "left", "center", "right"],
        widths: [1, 5, 1.2, 2.2]
      }),
      Block.heading(3, "预付款支付情况"),
      Block.heading(4, "预付款已于2026年2月10日支付"),
      Block.heading(4, "支付凭证齐全"),
      Block.heading(3, "余款支付条件"),
      Block.heading(2, "项目实施情况"),
      Block.numbered(["完成培训12场，覆盖企业86家。", "发放宣传资料5,000份。"]),
      Block.bullets(["培训满意度95%。", "考核合格率98%。"]),
      Block.heading(1, "验收结论"),
      Block.paragraph("经评估验收，项目完成合同约定的数量和质量要求，验收合格。"),
      Block.note("评估验收报告报x市工伤预防委员会办公室备案。"),
      Block.signature({ issuer: "x市社会保险事业管理中心", date: "2026-03-05", seal: true })
    ]
  })
}

/** Texts every rendering of the sample must contain (after removing white space). */
export const expectedTexts = [
  "关于2026年度x市工伤预防项目验收情况的报告",
  "x人社发〔2026〕12号",
  "一、项目基本情况",
  "（一）项目预算与支付",
  "1.预付款支付情况",
  "①预付款已于2026年2月10日支付",
  "②支付凭证齐全",
  "2.余款支付条件",
  "（二）项目实施情况",
  "二、验收结论",
  "人民币壹拾贰万叁仟元整",
  "企业主要负责人和安全管理人员培训",
  "x市社会保险事业管理中心（盖章）",
  "2026年3月5日"
] as const
