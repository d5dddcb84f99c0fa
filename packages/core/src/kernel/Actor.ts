/**
 * Who gives a command: the plan's roles (实施方案 二、三、七(一)) and the
 * member units of the city's work-injury prevention committee.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Text } from "./Text.js"

/**
 * The roles of the plan.
 *
 * - `hrss-bureau` 市人力资源和社会保障局 (leads: 二(一), 三(二)(三))
 * - `committee` 市工伤预防委员会 and its office (issues the plan, receives progress reports and the filed acceptance report)
 * - `member-unit` a member unit of the committee (gives opinions, 三(二))
 * - `finance-bureau` 市财政局 (reviews the fee breakdown, 三(三))
 * - `agency` 市社会保险经办机构 (procures, contracts, pays, supervises, accepts: 三(五)–(九))
 * - `provider` the 工伤预防服务机构 (delivers)
 * - `expert` a review-panel or acceptance expert
 * - `employer` an 用人单位 taking part (may raise objections during publicity)
 * - `public` anyone else (may raise objections during publicity)
 *
 * @since 0.1.0
 * @category models
 */
export const Role = Schema.Literal(
  "hrss-bureau",
  "committee",
  "member-unit",
  "finance-bureau",
  "agency",
  "provider",
  "expert",
  "employer",
  "public"
).annotations({ identifier: "Role" })

/**
 * @since 0.1.0
 * @category models
 */
export type Role = typeof Role.Type

/**
 * The member units of the committee named in 实施方案 七(一) of the seed:
 * 人社、工信、财政、应急、卫健、住建、交通、工会. They are the default of the parameter
 * `committee.memberUnits`; a city lists its own units there.
 *
 * @since 0.1.0
 * @category models
 */
export const SeedMemberUnit = Schema.Literal(
  "hr",
  "industry-it",
  "finance",
  "emergency-management",
  "health",
  "housing-construction",
  "transport",
  "trade-union"
).annotations({ identifier: "SeedMemberUnit" })

/**
 * @since 0.1.0
 * @category models
 */
export type SeedMemberUnit = typeof SeedMemberUnit.Type

/**
 * A member unit of the committee, by its id: one of the seed's eight or a unit a city lists in the parameter
 * `committee.memberUnits` (whether the unit is a member is the rule `plan.member-unit-listed`'s to say).
 *
 * @since 0.1.0
 * @category models
 */
export const MemberUnit = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9-]{0,63}$/)
).annotations({ identifier: "MemberUnit" })

/**
 * @since 0.1.0
 * @category models
 */
export type MemberUnit = typeof MemberUnit.Type

/**
 * Chinese names of the seed's member units.
 *
 * @since 0.1.0
 * @category constants
 */
export const memberUnitNames: Readonly<Record<SeedMemberUnit, string>> = {
  hr: "人社",
  "industry-it": "工信",
  finance: "财政",
  "emergency-management": "应急",
  health: "卫健",
  "housing-construction": "住建",
  transport: "交通",
  "trade-union": "工会"
}

/**
 * Chinese names of the roles.
 *
 * @since 0.1.0
 * @category constants
 */
export const roleNames: Record<Role, string> = {
  "hrss-bureau": "市人力资源和社会保障局",
  committee: "市工伤预防委员会",
  "member-unit": "委员会成员单位",
  "finance-bureau": "市财政局",
  agency: "市社会保险经办机构",
  provider: "工伤预防服务机构",
  expert: "专家",
  employer: "用人单位",
  public: "社会公众"
}

const NonEmpty = Text

/**
 * The person or body giving a command.
 *
 * @since 0.1.0
 * @category models
 */
export const Actor = Schema.Struct({
  id: NonEmpty,
  name: NonEmpty,
  organisation: NonEmpty,
  role: Role,
  /** For `member-unit` actors: which unit. */
  unit: Schema.optional(MemberUnit)
}).annotations({ identifier: "Actor" })

/**
 * @since 0.1.0
 * @category models
 */
export type Actor = typeof Actor.Type
