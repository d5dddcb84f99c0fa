import { describe, expect, it } from "@effect/vitest"
import { Block, Document, Markdown } from "@gsyf/documents"
import * as Effect from "effect/Effect"
import { sampleDocument, totalCapital } from "./sample.js"

describe("Markdown", () => {
  it("renders the title, numbered headings, tables and signature", async () => {
    const md = await Effect.runPromise(Markdown.render(sampleDocument()))
    const lines = md.split("\n")
    expect(lines).toContain("# 关于2026年度x市工伤预防项目验收情况的报告")
    expect(lines).toContain("## 一、项目基本情况")
    expect(lines).toContain("### （一）项目预算与支付")
    expect(lines).toContain("#### 1.预付款支付情况")
    expect(lines).toContain("##### ①预付款已于2026年2月10日支付")
    expect(lines).toContain("##### ②支付凭证齐全")
    expect(lines).toContain("#### 2.余款支付条件")
    expect(lines).toContain("### （二）项目实施情况")
    expect(lines).toContain("## 二、验收结论")
    expect(md).toContain(`**${totalCapital}**`)
    expect(lines).toContain("| 序号 | 项目内容 | 单位 | 金额（元） |")
    expect(lines).toContain("| :---: | :--- | :---: | ---: |")
    expect(lines).toContain("| 合计 |  |  | **¥123,000.00** |")
    expect(lines).toContain("x市社会保险事业管理中心（盖章）  ")
    expect(lines).toContain("2026年3月5日")
    expect(lines).toContain("x市工伤预防委员会办公室、x市财政局：")
    expect(lines).toContain("1. 完成培训12场，覆盖企业86家。")
    expect(lines).toContain("- 培训满意度95%。")
    expect(lines).toContain("- **合同金额**：**¥123,000.00**（人民币壹拾贰万叁仟元整）")
  })

  it("escapes text so it never becomes Markdown syntax", () => {
    const doc = Document.make({
      title: "a *b* #c",
      blocks: [
        Block.paragraph("# not a heading\n- not a list\n1. not a list <b>x</b> | pipe _u_ [l](u) &amp;"),
        Block.table({ header: [["a|b"]], body: [["c*d"]] })
      ]
    })
    const md = Markdown.toMarkdown(doc)
    expect(md).toContain("# a \\*b\\* \\#c")
    expect(md).toContain(
      "\\# not a heading\\\n\\- not a list\\\n1\\. not a list \\<b\\>x\\</b\\> \\| pipe \\_u\\_ \\[l\\](u) \\&amp;"
    )
    expect(md).toContain("| a\\|b |")
    expect(md).toContain("| c\\*d |")
  })
})
