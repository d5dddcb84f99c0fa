/**
 * Why a command is rejected: the actor may not give it (`Unauthorized`), it comes at the wrong point of the
 * lifecycle (`OutOfOrder`), rules found errors (`RuleViolation`), or its input is malformed (`InvalidInput`).
 * A rejected command changes nothing.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import type { InvalidInput } from "../kernel/InputError.js"
import { Finding } from "../rules/Rule.js"

/**
 * The actor may not give this command: its role is not allowed (`roles.allowed`), or the command is not bound
 * to the party it acts for (`ruleId` names the binding, e.g. `actors.own-bid`, and `zh`/`en` say why). Nothing is
 * recorded.
 *
 * @since 0.1.0
 * @category errors
 */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", {
  command: Schema.String,
  role: Schema.String,
  allowed: Schema.Array(Schema.String),
  /** The rule that refused the actor (default `roles.allowed`). @since 0.2.0 */
  ruleId: Schema.optional(Schema.String),
  /** Why, in Chinese, when a binding refused the actor. @since 0.2.0 */
  zh: Schema.optional(Schema.String),
  /** Why, in English, when a binding refused the actor. @since 0.2.0 */
  en: Schema.optional(Schema.String)
}) {
  /** Rule ids behind the rejection. */
  get ruleIds(): ReadonlyArray<string> {
    return [this.ruleId ?? "roles.allowed"]
  }
  /** Who may not give which command, and who may, in Chinese and English. */
  override get message(): string {
    if (this.zh !== undefined && this.en !== undefined) return `${this.zh} / ${this.en}`
    return `角色 ${this.role} 无权执行 ${this.command}(允许:${
      this.allowed.join("、")
    }) / role ${this.role} may not give ${this.command} (allowed: ${this.allowed.join(", ")})`
  }
}

/**
 * The command comes at the wrong point of the lifecycle.
 *
 * @since 0.1.0
 * @category errors
 */
export class OutOfOrder extends Schema.TaggedError<OutOfOrder>()("OutOfOrder", {
  command: Schema.String,
  ruleId: Schema.String,
  zh: Schema.String,
  en: Schema.String
}) {
  /** Rule ids behind the rejection: the guard that found the step out of order. */
  get ruleIds(): ReadonlyArray<string> {
    return [this.ruleId]
  }
  /** Why the command is out of order, in Chinese and English. */
  override get message(): string {
    return `${this.zh} / ${this.en}`
  }
}

/**
 * One or more rules found errors.
 *
 * @since 0.1.0
 * @category errors
 */
export class RuleViolation extends Schema.TaggedError<RuleViolation>()("RuleViolation", {
  command: Schema.String,
  findings: Schema.Array(Finding)
}) {
  /** Rule ids behind the rejection: every rule with an error finding, once each. */
  get ruleIds(): ReadonlyArray<string> {
    return [...new Set(this.findings.filter((f) => f.severity === "error").map((f) => f.ruleId))]
  }
  /** Each error finding as `[rule id] zh / en`, joined by `; `. */
  override get message(): string {
    return this.findings
      .filter((f) => f.severity === "error")
      .map((f) => `[${f.ruleId}] ${f.zh} / ${f.en}`)
      .join("; ")
  }
}

/**
 * Why a command was rejected.
 *
 * @since 0.1.0
 * @category models
 */
export type Rejection = Unauthorized | OutOfOrder | RuleViolation | InvalidInput

/**
 * The rule ids behind a rejection (`InvalidInput` has none of its own: `input.schema`).
 *
 * @since 0.1.0
 * @category getters
 */
export const ruleIdsOf = (
  r: Rejection
): ReadonlyArray<string> => (r._tag === "InvalidInput" ? ["input.schema"] : r.ruleIds)
