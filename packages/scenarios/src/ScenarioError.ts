/**
 * Why a scenario cannot be loaded or configured: each problem with its file,
 * line, column and path in the file, a code saying what kind of problem it is,
 * and a message in Chinese and English. Messages about a file a scenario
 * refers to (a parameter file, a scenario it starts from) never quote that
 * file's content.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"

/**
 * What kind of problem an issue is:
 *
 * - `syntax`: the file is not well-formed YAML or JSON;
 * - `too-large`, `too-deep`, `too-many-aliases`, `too-many-values`: the file
 *   exceeds one of the loader's limits (see `Load.defaultLimits`);
 * - `unreadable`: the file is missing, not a regular file, or cannot be read;
 * - `not-a-parameter-file`, `not-a-scenario`: a referenced file is not of the kind expected;
 * - `invalid`: the content is wrong (unknown keys, wrong types, unknown commands or actors…);
 * - `configuration`: the scenario loads but cannot be configured (plugins, parameters, its starting point).
 *
 * @since 0.2.0
 * @category models
 */
export const IssueCode = Schema.Literal(
  "syntax",
  "too-large",
  "too-deep",
  "too-many-aliases",
  "too-many-values",
  "unreadable",
  "not-a-parameter-file",
  "not-a-scenario",
  "invalid",
  "configuration"
)

/**
 * @since 0.2.0
 * @category models
 */
export type IssueCode = typeof IssueCode.Type

/**
 * One problem in a scenario file (or a file it refers to), with where it is.
 *
 * @since 0.1.0
 * @category models
 */
export class ScenarioIssue extends Schema.Class<ScenarioIssue>("@gsyf/scenarios/ScenarioIssue")({
  file: Schema.String,
  line: Schema.Number,
  column: Schema.Number,
  /** Path in the file, e.g. `steps[2].expect.evnts`. */
  path: Schema.String,
  code: IssueCode,
  zh: Schema.String,
  en: Schema.String
}) {
  /** `file:line:column path: en / zh` */
  get text(): string {
    return `${this.file}:${this.line}:${this.column} ${this.path || "(root)"}: ${this.en} / ${this.zh}`
  }
}

/**
 * A scenario that cannot be loaded or configured: bad syntax, a file over the
 * limits, unknown keys, wrong types, unknown commands or actors, a missing
 * parameter file or plugin, a `from` cycle.
 *
 * @since 0.1.0
 * @category errors
 */
export class ScenarioError extends Schema.TaggedError<ScenarioError>()("ScenarioError", {
  file: Schema.String,
  issues: Schema.Array(ScenarioIssue)
}) {
  /** Every issue as `file:line:column path: en / zh`, one a line. */
  override get message(): string {
    return this.issues.map((i) => i.text).join("\n")
  }
}
