/**
 * Checking the official documents a project produces: a document is built
 * with the `@gsyf/documents` builders from the configuration and the events
 * so far, read as plain text block by block, and checked for the texts it
 * must and must not contain, for blanks left unfilled, and for amounts whose
 * figures and capital letters disagree.
 */
import { Money, type Plugin, type ProjectEvent } from "@gsyf/core"
import { Block, type Document, Inline, ProjectDocuments } from "@gsyf/documents"
import * as Either from "effect/Either"
import * as Capital from "./capital.js"

type Kinds = typeof ProjectDocuments.kinds

/** The document kinds a scenario can check (the audit extract needs a store and is left out). */
export const kinds = [
  "implementation-plan",
  "publicity-notice",
  "review-result",
  "termination-notice",
  "challenge-answer",
  "amendment-summary",
  "termination-settlement",
  "payment-request",
  "payment-notice",
  "monthly-briefing",
  "spot-check-record",
  "follow-up-inspection-record",
  "acceptance-report"
] as const satisfies ReadonlyArray<Kinds[keyof Kinds]>

/** A document kind a scenario can check. */
export type Kind = (typeof kinds)[number]

const builders: { readonly [K in Kind]: (input: unknown) => Either.Either<Document.Document, { message: string }> } = {
  "implementation-plan": ProjectDocuments.implementationPlan,
  "publicity-notice": ProjectDocuments.publicityNotice,
  "review-result": ProjectDocuments.reviewResult,
  "termination-notice": ProjectDocuments.terminationNotice,
  "challenge-answer": ProjectDocuments.challengeAnswer,
  "amendment-summary": ProjectDocuments.amendmentSummary,
  "termination-settlement": ProjectDocuments.terminationSettlement,
  "payment-request": ProjectDocuments.paymentRequest,
  "payment-notice": ProjectDocuments.paymentNotice,
  "monthly-briefing": ProjectDocuments.monthlyBriefing,
  "spot-check-record": ProjectDocuments.spotCheckRecord,
  "follow-up-inspection-record": ProjectDocuments.followUpRecord,
  "acceptance-report": ProjectDocuments.acceptanceReport
}

/** Builds a document from the configuration, the events so far and the builder's other input. */
export const build = (
  kind: Kind,
  config: Plugin.Config,
  events: ReadonlyArray<ProjectEvent.Event>,
  input: Readonly<Record<string, unknown>>
): Either.Either<Document.Document, string> =>
  Either.mapLeft(builders[kind]({ ...input, config, events }), (e) => e.message)

const runs = (rs: ReadonlyArray<Inline.Run>) => Inline.plainText(rs)

const blockText: { readonly [T in Block.Block["_tag"]]: (b: Extract<Block.Block, { _tag: T }>) => string } = {
  Heading: (b) => b.text,
  Paragraph: (b) => runs(b.runs),
  Table: (b) =>
    [b.caption ?? "", ...[...b.header, ...b.body].map((row) => row.map((c) => runs(c.runs)).join(" | "))].join("\n"),
  List: (b) => b.items.map(runs).join("\n"),
  KeyValue: (b) => [b.caption ?? "", ...b.rows.map((r) => `${r.key}：${runs(r.value)}`)].join("\n"),
  Signature: (b) => [b.issuer, b.date ?? "", b.seal ?? ""].join("\n"),
  PageBreak: () => "",
  Note: (b) => `${b.label ?? ""}${runs(b.runs)}`
}

/** The document as plain text, one entry per block (the meta data first). */
export const texts = (doc: Document.Document): ReadonlyArray<string> => {
  const m = doc.meta
  const meta = [m.title, m.subtitle, m.number, m.issuer, ...(m.recipients ?? []), m.date].filter(
    (x): x is string => x !== undefined
  )
  return [meta.join("\n"), ...doc.blocks.map((b) => (blockText[b._tag] as (x: typeof b) => string)(b))]
}

/** Key-value rows left empty (`—` or nothing); table cells may be empty on purpose (a column to sign in). */
const emptyFields = (doc: Document.Document): ReadonlyArray<string> =>
  doc.blocks.flatMap((b) =>
    b._tag === "KeyValue"
      ? b.rows.filter((r) => /^\s*[—–-]?\s*$/.test(runs(r.value))).map((r) => `${r.key}：${runs(r.value)}`)
      : []
  )

const blankPatterns: ReadonlyArray<RegExp> = [
  /\{[^{}\n]{1,30}\}/g,
  /[_＿]{2,}/g,
  /(?<![A-Za-z0-9])[xX×]{1,4}(?=[年月日号市区县个名家人次项条万元%％])/g,
  /\b(?:undefined|null|NaN)\b|\[object Object\]/g,
  /（\s*）|\(\s*\)|〔\s*〕/g
]

/** The blanks left in a document: template blanks, placeholders, empty fields. */
export const blanks = (doc: Document.Document): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (const text of texts(doc)) {
    for (const p of blankPatterns) {
      for (const m of text.matchAll(p)) {
        const at = m.index ?? 0
        out.push(text.slice(Math.max(0, at - 12), at + m[0].length + 12).replace(/\n/g, " "))
      }
    }
  }
  return [...out, ...emptyFields(doc)]
}

/**
 * Capital amounts that are not a legal form, or that no amount in figures of
 * the same block agrees with.
 */
export const disagreements = (doc: Document.Document): ReadonlyArray<string> =>
  texts(doc).flatMap((text) => {
    const figures = Capital.findFigures(text)
    return Capital.findCapitals(text).flatMap((capital) => {
      const fen = Capital.parse(capital)
      if (fen === undefined) return [`${capital}: not an amount`]
      const amount = Money.fromFen(fen)
      if (!Capital.isFormOf(capital, amount)) return [`${capital}: not a legal form (${Capital.usual(amount)})`]
      return figures.includes(fen)
        ? []
        : [
          `${capital} (${amount.toString()}): no amount in figures agrees in “${text.replace(/\n/g, " ").slice(0, 80)}”`
        ]
    })
  })
