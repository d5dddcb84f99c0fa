/**
 * The commands that drive a project through the lifecycle of 实施方案 三 and 四, assembled from the sections'
 * folders (`lifecycle/3.1-key-areas/commands.ts` … `lifecycle/4-deliverables/commands.ts`) in plan order.
 * Every command carries a command id (a retried command is recognised and not
 * applied twice), who gives it and when. Which roles may give each command is
 * listed in {@link allowedRoles}.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { Role } from "../kernel/Actor.js"
import * as KeyAreas from "./3.1-key-areas/commands.js"
import * as Plan from "./3.2-plan/commands.js"
import * as Budget from "./3.3-budget/commands.js"
import * as Publicity from "./3.4-publicity/commands.js"
import * as Procurement from "./3.5-procurement/commands.js"
import { Criterion as ProcurementCriterion } from "./3.5-procurement/Procurement.js"
import * as Contract from "./3.6-contract/commands.js"
import * as Implementation from "./3.7-implementation/commands.js"
import * as Supervision from "./3.8-supervision/commands.js"
import * as Acceptance from "./3.9-acceptance/commands.js"
import * as Deliverables from "./4-deliverables/commands.js"
import { SubProject as SubProjectSchema } from "./internal/schemas.js"

/**
 * The two sub-projects of the plan (三(二)): `hazchem` (危险化学品企业工伤预防能力提升培训项目) and `keyAreas`
 * (其他重点领域工伤预防培训宣传项目). Every command, event and parameter that names a sub-project uses this schema.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SubProject = SubProjectSchema

/**
 * A scoring criterion published in the procurement documents.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Criterion = ProcurementCriterion

/**
 * A member of a review or consultation panel. For the dispersed review panel
 * (三(五)) `organisationKind` says which body the member comes from or was
 * recommended by.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PanelMember = Procurement.PanelMember

/**
 * All commands, by plan section.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Command = Schema.Union(
  ...KeyAreas.commands,
  ...Plan.commands,
  ...Budget.commands,
  ...Publicity.commands,
  ...Procurement.commands,
  ...Contract.commands,
  ...Implementation.commands,
  ...Supervision.commands,
  ...Acceptance.commands,
  ...Deliverables.commands
).annotations({ identifier: "Command" })

/**
 * @since 0.1.0
 * @category models
 */
export type Command = typeof Command.Type

/**
 * The name of a command.
 *
 * @since 0.1.0
 * @category models
 */
export type Name = Command["_tag"]

/**
 * The command of a name.
 *
 * @since 0.2.0
 * @category models
 */
export type Of<K extends Name> = Extract<Command, { readonly _tag: K }>

/**
 * Who may give each command (实施方案 二(一), 三, 七).
 *
 * @since 0.1.0
 * @category constants
 */
export const allowedRoles: { readonly [K in Name]: ReadonlyArray<Role> } = {
  ...KeyAreas.roles,
  ...Plan.roles,
  ...Budget.roles,
  ...Publicity.roles,
  ...Procurement.roles,
  ...Contract.roles,
  ...Implementation.roles,
  ...Supervision.roles,
  ...Acceptance.roles,
  ...Deliverables.roles
}

/**
 * The names of all commands.
 *
 * @since 0.1.0
 * @category constants
 */
export const names: ReadonlyArray<Name> = Object.keys(allowedRoles) as Array<Name>
