import { describe, expect, it } from "@effect/vitest"
import { Block, Document, DocumentRenderer, Html, Markdown, Renderers, Templates } from "@gsyf/documents"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"

const doc = Document.make({ title: "测试", blocks: [Block.paragraph("正文")] })

const plainText = DocumentRenderer.make({
  format: "TXT",
  extension: "txt",
  mediaType: "text/plain",
  name: "host plain text",
  render: (d) => Effect.succeed(d.meta.title)
})

describe("Renderers", () => {
  it.effect("renders by format, case-insensitively", () =>
    Effect.gen(function*() {
      expect(yield* Renderers.formats).toEqual(["markdown", "html"])
      const md = yield* Renderers.render("Markdown", doc)
      expect(md).toContain("# 测试")
      yield* Renderers.register(plainText)
      expect(yield* Renderers.render("txt", doc)).toBe("测试")
      const missing = yield* Effect.either(Renderers.get("odt"))
      expect(Either.isLeft(missing) && missing.left._tag === "RendererNotFound" && missing.left.message).toContain(
        "markdown, html, txt"
      )
    }).pipe(Effect.provide(Renderers.layer(Markdown.renderer, Html.renderer))))

  it.effect("refuses a duplicate format naming both renderers, and replaces on request", () =>
    Effect.gen(function*() {
      const host = { ...Html.renderer, name: "host HTML", render: () => Effect.succeed("<p>host</p>") }
      const dup = yield* Effect.flip(Renderers.register(host))
      expect(dup._tag).toBe("DuplicateRenderer")
      expect(dup.existing).toBe("@gsyf/documents HTML")
      expect(dup.incoming).toBe("host HTML")
      expect(dup.message).toContain("@gsyf/documents HTML")
      expect(dup.message).toContain("host HTML")
      const old = yield* Renderers.replace(host)
      expect(Option.map(old, (r) => r.name)).toEqual(Option.some("@gsyf/documents HTML"))
      expect(yield* Renderers.render("html", doc)).toBe("<p>host</p>")
    }).pipe(Effect.provide(Renderers.layer(Markdown.renderer, Html.renderer))))

  it.effect("fails the layer on duplicates and runs renderer effects", () =>
    Effect.gen(function*() {
      const err = yield* Effect.flip(Effect.provide(Renderers.formats, Renderers.layer(Html.renderer, Html.renderer)))
      expect(err._tag).toBe("DuplicateRenderer")
      const formats = yield* Effect.provide(Renderers.formats, Renderers.layer(Effect.succeed(plainText)))
      expect(formats).toEqual(["txt"])
    }))
})

const Acceptance = Schema.Struct({ project: Schema.String, passed: Schema.Boolean })

const acceptanceReport = Templates.make({
  kind: "acceptance-report",
  name: "example acceptance report",
  description: "验收报告",
  input: Acceptance,
  build: (i) =>
    Document.make({
      title: `关于${i.project}验收情况的报告`,
      blocks: [Block.heading(1, "验收结论"), Block.paragraph(i.passed ? "验收合格。" : "验收不合格，督促整改。")]
    })
})

describe("Templates", () => {
  it.effect("builds a document of a kind, decoding its input", () =>
    Effect.gen(function*() {
      const built = yield* Templates.build("acceptance-report", { project: "培训项目", passed: true })
      expect(built.meta.title).toBe("关于培训项目验收情况的报告")
      expect(Markdown.toMarkdown(built)).toContain("## 一、验收结论")
      const bad = yield* Effect.flip(Templates.build("acceptance-report", { project: 1 }))
      expect(bad._tag).toBe("InvalidInput")
      const missing = yield* Effect.flip(Templates.build("closing-report", {}))
      expect(missing._tag).toBe("TemplateNotFound")
      expect(yield* Templates.kinds).toEqual(["acceptance-report"])
    }).pipe(Effect.provide(Templates.layer(acceptanceReport))))

  it.effect("refuses a duplicate kind naming both, replaces on request", () =>
    Effect.gen(function*() {
      const host = Templates.make({
        kind: "acceptance-report",
        name: "host acceptance report",
        build: () => Document.make({ title: "host", blocks: [] })
      })
      const dup = yield* Effect.flip(Templates.register(host))
      expect(dup._tag).toBe("DuplicateTemplate")
      expect(dup.message).toContain("example acceptance report")
      expect(dup.message).toContain("host acceptance report")
      yield* Templates.replace(host)
      expect((yield* Templates.build("acceptance-report", null)).meta.title).toBe("host")
    }).pipe(Effect.provide(Templates.layer(acceptanceReport))))
})
