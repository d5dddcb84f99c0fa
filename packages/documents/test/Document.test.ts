import { describe, expect, it } from "@effect/vitest"
import { Block, Document, Inline } from "@gsyf/documents"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { sampleDocument } from "./sample.js"

describe("Document", () => {
  it("builds blocks with pleasant constructors", () => {
    const t = Block.table({
      header: [["a", "b", "c"]],
      body: [[{ text: "合计", colSpan: 2 }, Inline.bold("3")]],
      align: ["center", "left", "right"]
    })
    expect(Block.columnCount(t)).toBe(3)
    expect(t.body[0]![0]!.colSpan).toBe(2)
    expect(Block.cellAlign(t, t.body[0]![1]!, 2)).toBe("right")
    expect(Block.signature({ issuer: "x", seal: true }).seal).toBe("（盖章）")
    expect(Inline.plainText(Block.paragraph(["a", Inline.bold("b")]).runs)).toBe("ab")
    expect(Block.keyValue({ 项目: "培训" }).rows[0]!.key).toBe("项目")
  })

  it("round-trips through its JSON form", () =>
    Effect.gen(function*() {
      const doc = sampleDocument()
      const json = JSON.parse(JSON.stringify(Document.encode(doc)))
      const back = yield* Document.decode(json)
      expect(back.meta.title).toBe(doc.meta.title)
      expect(back.blocks.length).toBe(doc.blocks.length)
      expect(back.blocks.map((b) => b._tag)).toEqual(doc.blocks.map((b) => b._tag))
    }).pipe(Effect.runPromise))

  it("reports bad input with field paths", async () => {
    const exit = await Effect.runPromiseExit(
      Document.decode({ meta: { title: "t", date: "2026-13-01" }, blocks: [{ _tag: "Heading", level: 5, text: "x" }] })
    )
    expect(Exit.isFailure(exit)).toBe(true)
    if (Exit.isFailure(exit) && exit.cause._tag === "Fail") {
      const paths = exit.cause.error.issues.map((i) => i.path)
      expect(paths).toContain("meta.date")
      expect(paths.some((p) => p.startsWith("blocks[0]"))).toBe(true)
    }
  })

  it("joins recipients with 、 and ends with a colon", () => {
    expect(Document.recipientsLine(sampleDocument())).toBe("x市工伤预防委员会办公室、x市财政局：")
  })
})
