/** Building issues located in a file. */
import { type IssueCode, ScenarioError, ScenarioIssue } from "../ScenarioError.js"
import { formatPath, type Path, type Position, type Problem } from "./source.js"

/** Something that can locate paths: a parsed file, or a loaded scenario. */
export interface Located {
  readonly file: string
  readonly locate?: ((p: Path) => Position) | undefined
}

/** A message in both languages. */
export interface Message {
  readonly zh: string
  readonly en: string
}

/** An issue at a path of a file. */
export const issueAt = (source: Located, path: Path, message: Message, code: IssueCode = "invalid"): ScenarioIssue => {
  const pos = source.locate?.(path) ?? { line: 1, column: 1 }
  return new ScenarioIssue({
    file: source.file,
    line: pos.line,
    column: pos.column,
    path: formatPath(path),
    code,
    zh: message.zh,
    en: message.en
  })
}

/** The issue for a file that could not be read or parsed. */
export const problemIssue = (p: Problem, prefix?: Message): ScenarioIssue =>
  new ScenarioIssue({
    file: p.file,
    line: p.position.line,
    column: p.position.column,
    path: "",
    code: p.code,
    zh: prefix === undefined ? p.zh : `${prefix.zh}:${p.zh}`,
    en: prefix === undefined ? p.en : `${prefix.en}: ${p.en}`
  })

/** A ScenarioError of the given issues. */
export const failWith = (file: string, issues: ReadonlyArray<ScenarioIssue>): ScenarioError =>
  new ScenarioError({ file, issues })
