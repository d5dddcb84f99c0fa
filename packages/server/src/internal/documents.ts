/** The documents of a project by name, and their rendering in four formats. @internal */
import { type EventStore, type Plugin, Project, type ProjectEvent } from "@gsyf/core"
import { type Document, Html, Markdown, ProjectDocuments } from "@gsyf/documents"
import { Docx } from "@gsyf/documents-docx"
import { Pdf } from "@gsyf/documents-pdf"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"

/** What a project's documents are built from. @internal */
export interface Source {
  readonly config: Plugin.Config
  readonly projectId: string
  readonly events: ReadonlyArray<ProjectEvent.Event>
  readonly stored: ReadonlyArray<EventStore.StoredEvent>
}

type Build = (input: unknown) => Either.Either<Document.Document, unknown>

interface Entry {
  readonly name: string
  readonly input: (s: Source) => unknown
  readonly build: Build
}

const months = (s: Source): ReadonlyArray<readonly [Project.SubProjectKey, string]> =>
  s.events.flatMap((e) =>
    e._tag === "MonthlyBriefingSubmitted" ? [[e.subProject as Project.SubProjectKey, e.month] as const] : []
  )

const attempts = (s: Source, subProject: string): ReadonlyArray<number> =>
  s.events.flatMap((e) =>
    (e._tag === "AcceptancePassed" || e._tag === "AcceptanceFailed") && e.subProject === subProject ? [e.attempt] : []
  )

const src = (s: Source) => ({ config: s.config, events: s.events })

/** Every document a project can have now (those whose facts are not recorded yet fail to build). */
const entries = (s: Source): ReadonlyArray<Entry> => [
  { name: "implementation-plan", input: src, build: ProjectDocuments.implementationPlan },
  ...Project.subProjectKeys.flatMap((subProject): Array<Entry> => [
    {
      name: `publicity-notice-${subProject}`,
      input: (x) => ({ ...src(x), subProject }),
      build: ProjectDocuments.publicityNotice
    },
    {
      name: `review-result-${subProject}`,
      input: (x) => ({ ...src(x), subProject }),
      build: ProjectDocuments.reviewResult
    },
    ...(["advance", "balance"] as const).flatMap((kind): Array<Entry> => [
      {
        name: `payment-request-${kind}-${subProject}`,
        input: (x) => ({ ...src(x), subProject, kind }),
        build: ProjectDocuments.paymentRequest
      },
      {
        name: `payment-notice-${kind}-${subProject}`,
        input: (x) => ({ ...src(x), subProject, kind }),
        build: ProjectDocuments.paymentNotice
      }
    ]),
    {
      name: `spot-check-${subProject}`,
      input: (x) => ({ ...src(x), subProject }),
      build: ProjectDocuments.spotCheckRecord
    },
    ...attempts(s, subProject).map((attempt): Entry => ({
      name: `acceptance-report-${subProject}-${attempt}`,
      input: (x) => ({ ...src(x), subProject, attempt }),
      build: ProjectDocuments.acceptanceReport
    }))
  ]),
  ...months(s).map(([subProject, month]): Entry => ({
    name: `monthly-briefing-${month}-${subProject}`,
    input: (x) => ({ ...src(x), subProject, month }),
    build: ProjectDocuments.monthlyBriefing
  })),
  { name: "follow-up-inspection", input: src, build: ProjectDocuments.followUpRecord },
  {
    name: "audit-trail-extract",
    input: (x) => ({ events: x.stored, streamId: x.projectId, config: x.config }),
    build: ProjectDocuments.auditExtract
  }
]

/** The documents that build from the project's events, with their titles. @internal */
export const available = (s: Source): ReadonlyArray<{ readonly name: string; readonly doc: Document.Document }> =>
  entries(s).flatMap((e) => {
    const doc = e.build(e.input(s))
    return Either.isRight(doc) ? [{ name: e.name, doc: doc.right }] : []
  })

/** One document by name. @internal */
export const find = (s: Source, name: string): Document.Document | undefined => {
  const entry = entries(s).find((e) => e.name === name)
  if (entry === undefined) return undefined
  return Either.getOrUndefined(entry.build(entry.input(s)))
}

/** The formats a document is served in. @internal */
export const formats = ["md", "html", "docx", "pdf"] as const

/** @internal */
export type Format = typeof formats[number]

/** @internal */
export const isFormat = (s: string): s is Format => (formats as ReadonlyArray<string>).includes(s)

/** The media type of each format. @internal */
export const mediaTypes: Record<Format, string> = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf"
}

let pdfRenderer: ReturnType<typeof Pdf.make> | undefined

/** Renders a document; PDF with the CJK font found once. @internal */
export const render = (doc: Document.Document, format: Format): Effect.Effect<Uint8Array | string, unknown> => {
  switch (format) {
    case "md":
      return Effect.succeed(Markdown.toMarkdown(doc))
    case "html":
      return Effect.succeed(Html.toHtml(doc))
    case "docx":
      return Docx.render(doc)
    case "pdf": {
      pdfRenderer ??= Effect.runSync(Effect.cached(Pdf.make({})))
      return Effect.flatMap(pdfRenderer, (r) => r.render(doc))
    }
  }
}

/**
 * `Content-Disposition` per RFC 6266: an ASCII `filename` for old clients and the Chinese title in `filename*`
 * (RFC 8187, UTF-8, percent-encoded). @internal
 */
export const disposition = (name: string, title: string, format: Format): string => {
  const utf8 = encodeURIComponent(`${title}.${format}`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
  return `attachment; filename="${name}.${format}"; filename*=UTF-8''${utf8}`
}
