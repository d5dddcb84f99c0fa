/**
 * One finding of the validation, and the sink the checks write to.
 *
 * @internal
 */

/** @internal The checks, each named after the rule it applies. */
export type Check =
  | "json-schema"
  | "undeclared-field"
  | "codelist"
  | "empty-field"
  | "party-reference"
  | "budget-breakdown"
  | "release-id"
  | "ocid-prefix"
  | "date-order"
  | "tag-order"
  | "compiled-release"
  | "extension"

/** @internal Which document of the input an issue is in. */
export type DocumentKind = "package" | "release" | "compiled" | "extension"

/** @internal */
export interface Issue {
  readonly check: Check
  readonly severity: "error" | "warning"
  readonly document: DocumentKind
  /** The release id, the compiled release's ocid, or the extension's name; empty for the package. */
  readonly id: string
  /** A JSON Pointer inside the document (for an extension: `/<file>/…`). */
  readonly path: string
  readonly zh: string
  readonly en: string
}

/** @internal Collects issues for one document. */
export interface Sink {
  readonly error: (check: Check, path: string, zh: string, en: string) => void
  readonly warning: (check: Check, path: string, zh: string, en: string) => void
}

/** @internal A sink writing into `out` for the document `document`/`id`. */
export const sink = (out: Array<Issue>, document: DocumentKind, id: string): Sink => ({
  error: (check, path, zh, en) => out.push({ check, severity: "error", document, id, path, zh, en }),
  warning: (check, path, zh, en) => out.push({ check, severity: "warning", document, id, path, zh, en })
})
