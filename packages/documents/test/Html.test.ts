import { describe, expect, it } from "@effect/vitest"
import { Block, Document, Html } from "@gsyf/documents"
import * as Effect from "effect/Effect"
import { statSync, writeFileSync } from "node:fs"
import { sampleDocument, totalCapital } from "./sample.js"
import { artifactPath, chromiumScreenshot, tools } from "./tools.js"

const chromium = tools.chromium()

describe("Html", () => {
  it("renders a self-contained page with print CSS", async () => {
    const html = await Effect.runPromise(Html.render(sampleDocument()))
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true)
    expect(html).toContain("<html lang=\"zh-CN\">")
    expect(html).toContain("size: A4;")
    expect(html).toContain("margin: 37mm 26mm 35mm 28mm;")
    expect(html).toContain(`"FZXiaoBiaoSong-B05S","方正小标宋简体","Noto Serif CJK SC","Source Han Serif SC",serif`)
    expect(html).toContain(`"FangSong","STFangsong","Noto Serif CJK SC",serif`)
    expect(html).toContain("@bottom-center { content: \"— \" counter(page) \" —\";")
    expect(html).not.toMatch(/<(link|script|img)\b/)
    expect(html).toContain("<h1 class=\"title\">关于2026年度x市工伤预防项目验收情况的报告</h1>")
    expect(html).toContain("<h2><span class=\"label\">一、</span>项目基本情况</h2>")
    expect(html).toContain("<h3><span class=\"label\">（一）</span>项目预算与支付</h3>")
    expect(html).toContain("<h4><span class=\"label\">1.</span>预付款支付情况</h4>")
    expect(html).toContain("<h5><span class=\"label\">①</span>预付款已于2026年2月10日支付</h5>")
    expect(html).toContain("<h5><span class=\"label\">②</span>支付凭证齐全</h5>")
    expect(html).toContain("<h3><span class=\"label\">（二）</span>项目实施情况</h3>")
    expect(html).toContain("<h2><span class=\"label\">二、</span>验收结论</h2>")
    expect(html).toContain(`<strong>${totalCapital}</strong>`)
    expect(html).toContain(
      "<td colspan=\"3\" class=\"align-center\">合计</td><td class=\"align-right\"><strong>¥123,000.00</strong></td>"
    )
    expect(html).toContain("<caption>表1 项目费用明细</caption>")
    expect(html).toContain("<li>（1）完成培训12场，覆盖企业86家。</li>")
    expect(html).toContain("<p class=\"issuer\">x市社会保险事业管理中心<span class=\"seal\">（盖章）</span></p>")
    expect(html).toContain("<time datetime=\"2026-03-05\">2026年3月5日</time>")
    expect(html).toContain("宣传资料印制 &lt;A&amp;B&gt;")
  })

  it("escapes text, attributes and CSS strings", () => {
    const doc = Document.make({
      title: `<script>alert("x")</script>`,
      header: `"</style><script>`,
      blocks: [Block.paragraph(`a & b < c > d "e" 'f'`), Block.heading(1, "<i>", { label: "<b>" })]
    })
    const html = Html.toHtml(doc)
    expect(html).not.toContain("<script>")
    expect(html).toContain("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>")
    expect(html).toContain("a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;")
    expect(html).toContain("<span class=\"label\">&lt;b&gt;</span>&lt;i&gt;")
    expect(html).toContain("content: \"\\22 \\3C /style\\3E \\3C script\\3E \";")
    expect(html.match(/<\/style>/g)?.length).toBe(1)
  })

  it("draws the letterhead and red line when asked", () => {
    const doc = Document.make({
      title: "t",
      issuer: "x市人力资源和社会保障局",
      number: "x人社发〔2026〕1号",
      letterhead: true,
      blocks: []
    })
    const html = Html.toHtml(doc)
    expect(html).toContain("<p class=\"letterhead\">x市人力资源和社会保障局文件</p>")
    expect(html).toContain("<hr class=\"red-line\">")
  })

  it.skipIf(chromium.skip)("renders in headless Chromium (screenshot in test-artifacts/)", async () => {
    const bin = chromium.require()
    const html = await Effect.runPromise(Html.render(sampleDocument()))
    const file = artifactPath("documents", "sample.html")
    const png = artifactPath("documents", "sample.png")
    writeFileSync(file, html)
    await chromiumScreenshot(bin, file, png)
    expect(statSync(png).size).toBeGreaterThan(50_000)
  }, 120_000)
})
