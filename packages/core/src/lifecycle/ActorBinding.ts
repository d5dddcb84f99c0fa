/**
 * Actor binding: who a command acts for. The host authenticates people (gsyf never sees a password, a token or
 * a certificate) and tells gsyf which party the person acts for, as a {@link Principal}; gsyf then binds every
 * command to that party and refuses a mismatch with `Unauthorized`, before anything is written and before a
 * resent command id is answered:
 *
 * - the command's `actor` must be the principal (same id, role and member unit) — {@link bind}, rule
 *   `actors.authenticated`;
 * - a supplier bids only for itself: `SubmitBid.supplierId` is the actor's id — `actors.own-bid`;
 * - the provider steps of a sub-project (implementation plan, monthly briefings, material designs, deliverables
 *   and their corrections, the application for acceptance) come only from the provider its contract was signed
 *   with — `actors.contracted-provider`;
 * - a member unit's opinion is recorded as the unit of its actor, so with {@link bind} a unit gives only its own;
 * - an expert scores as itself (with {@link bind}) and only on a panel it sits on (`SubmitScores`, rule
 *   `roles.allowed` of 三(五)).
 *
 * The bindings on the command's content are guards of kind `authorization` (see `Guard`), listed in {@link guards}
 * and run for every command; {@link bind} is the host's port, run by `ProjectService.execute` and
 * `Client.execute` when they are given a principal. `docs/guides/security.md` states the split.
 *
 * @since 0.2.0
 */
import * as Chunk from "effect/Chunk"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { type Actor, MemberUnit, Role } from "../kernel/Actor.js"
import { gsyf, plan } from "../kernel/LegalBasis.js"
import { Text } from "../kernel/Text.js"
import * as Deliverable from "./4-deliverables/Deliverable.js"
import type { Guard, Input } from "./Guard.js"
import { authorization, type Denied } from "./internal/guard.js"
import type * as ProjectCommand from "./ProjectCommand.js"
import type { SubProjectKey } from "./ProjectState.js"
import { Unauthorized } from "./Rejection.js"

/**
 * The party an authenticated person acts for, as the host vouches for it: the id gsyf knows the party by (a
 * supplier's id, an expert's id, a member unit's actor id …), its role and, for a member unit, which unit.
 *
 * @since 0.2.0
 * @category models
 */
export const Principal = Schema.Struct({
  id: Text,
  role: Role,
  unit: Schema.optional(MemberUnit)
}).annotations({ identifier: "Principal" })

/**
 * @since 0.2.0
 * @category models
 */
export type Principal = typeof Principal.Type

const describe = (p: { readonly id: string; readonly role: string; readonly unit?: string | undefined }) =>
  `${p.role}:${p.id}${p.unit === undefined ? "" : `:${p.unit}`}`

/**
 * Binds a command's actor to the principal the host authenticated: the same id, role and member unit, or
 * `Unauthorized` (rule `actors.authenticated`) naming both.
 *
 * @since 0.2.0
 * @category binding
 */
export const bind = (
  principal: Principal,
  command: { readonly _tag: string; readonly actor: Actor }
): Either.Either<void, Unauthorized> => {
  const a = command.actor
  if (a.id === principal.id && a.role === principal.role && a.unit === principal.unit) return Either.void
  const claimed = describe(a)
  const authenticated = describe(principal)
  return Either.left(
    new Unauthorized({
      command: command._tag,
      role: claimed,
      allowed: [authenticated],
      ruleId: "actors.authenticated",
      zh: `命令以 ${claimed} 的名义发出,但经认证的是 ${authenticated}`,
      en: `the command is given as ${claimed} but the authenticated party is ${authenticated}`
    })
  )
}

// ── bindings on the command's content ──────────────────────────────────────

const ownBid = authorization<"SubmitBid">({
  id: "actors.own-bid",
  title: { zh: "供应商只为自己提交响应", en: "A supplier responds only for itself" },
  section: "三(五)",
  basis: [plan("三(五)"), gsyf("响应文件由供应商本身提交,命令的供应商即发出者")],
  description: "提交响应文件的供应商编号须为发出命令者本身;不能以其他供应商的名义提交。",
  reads: []
}, ({ command: c }): Denied | undefined =>
  c.supplierId === c.actor.id ? undefined : {
    role: `provider:${c.actor.id}`,
    allowed: [`provider:${c.supplierId}`],
    zh: `供应商 ${c.actor.id} 不能以供应商 ${c.supplierId} 的名义提交响应`,
    en: `supplier ${c.actor.id} may not respond in the name of supplier ${c.supplierId}`
  })

/** The sub-project whose contract a provider step belongs to, when it can be told from the command and state. */
type KeyOf<K extends ProjectCommand.Name> = (input: Input<K>) => SubProjectKey | undefined

const contractedProvider = <K extends ProjectCommand.Name>(keyOf: KeyOf<K>): Guard<K> =>
  authorization<K>({
    id: "actors.contracted-provider",
    title: { zh: "由签约服务机构实施", en: "Provider steps come from the contracted provider" },
    section: "三(七)",
    basis: [plan("三(六)"), plan("三(七)"), gsyf("合同约定的服务机构即实施主体")],
    description:
      "实施计划、月度简报、宣传材料设计稿、交付物及其更正、验收申请只能由该子项目合同的服务机构提交;机构经办人员更正交付物不受此限。",
    reads: []
  }, (input): Denied | undefined => {
    const actor = input.command.actor
    if (actor.role !== "provider") return undefined
    const key = keyOf(input)
    const contract = key === undefined ? undefined : input.state.subProjects[key].contract
    if (contract === undefined || contract.supplierId === actor.id) return undefined
    return {
      role: `provider:${actor.id}`,
      allowed: [`provider:${contract.supplierId}`],
      zh: `${
        key === "hazchem" ? "危化品" : "重点领域"
      }子项目由签约服务机构 ${contract.supplierId} 实施,${actor.id} 不是合同的服务机构`,
      en:
        `the ${key} sub-project is carried out by its contracted provider ${contract.supplierId}; ${actor.id} is not it`
    }
  })

const ownSubProject = <K extends ProjectCommand.Name>(input: Input<K>): SubProjectKey =>
  (input.command as unknown as { readonly subProject: SubProjectKey }).subProject

const correctedSubProject = (input: Input<"CorrectDeliverable">): SubProjectKey | undefined => {
  for (const key of ["keyAreas", "hazchem"] as const) {
    const found = Chunk.findFirst(
      input.state.subProjects[key].evidence,
      (e) => e.eventId === input.command.correctsEventId
    )
    if (found._tag === "Some") return key
  }
  return undefined
}

/**
 * The bindings on a command's content, by command; `Config.baseGuards` runs them before the sections' own
 * guards (plugins may override or remove them by id, with a stated legal reason, like any guard).
 *
 * @since 0.2.0
 * @category constants
 */
export const guards: { readonly [K in ProjectCommand.Name]?: ReadonlyArray<Guard<K>> } = {
  SubmitBid: [ownBid],
  SubmitImplementationPlan: [contractedProvider(ownSubProject)],
  SubmitMonthlyBriefing: [contractedProvider(ownSubProject)],
  ApplyForAcceptance: [contractedProvider(ownSubProject)],
  SubmitMaterialDesign: [contractedProvider(() => "keyAreas")],
  RecordDeliverable: [contractedProvider((input) => Deliverable.subProjectOf(input.command.evidence))],
  CorrectDeliverable: [contractedProvider(correctedSubProject)]
}
