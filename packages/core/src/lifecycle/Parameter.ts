/**
 * Every blank `x` of the plan as a named, typed, documented parameter with a unit, a legal basis and an
 * effective-dated value history (OpenFisca style). The catalogue is the sections' trees merged
 * (`lifecycle/3.3-budget/parameters.ts` declares `budget.*` and `fund.*`, and so on): each name is written once,
 * as its path in the tree, and a parameter's plan section is its folder's unless it says otherwise.
 *
 * National defaults come with their citation. A parameter that no national text fixes has no default and must be
 * given by the city. The machinery (sets, histories, overlays, trees) is `ParameterSet`; its functions are also
 * exported here.
 *
 * @since 0.1.0
 */
import type * as Either from "effect/Either"
import type { InvalidInput } from "../kernel/InputError.js"
import * as ParameterSet from "../rules/ParameterSet.js"
import { parameters as plan } from "./3.2-plan/parameters.js"
import { parameters as budget } from "./3.3-budget/parameters.js"
import { parameters as publicity } from "./3.4-publicity/parameters.js"
import { parameters as procurement } from "./3.5-procurement/parameters.js"
import { parameters as contract } from "./3.6-contract/parameters.js"
import { parameters as supervision } from "./3.8-supervision/parameters.js"
import { parameters as acceptance } from "./3.9-acceptance/parameters.js"
import { parameters as quotas } from "./4-deliverables/parameters.js"
import { SubProject } from "./internal/schemas.js"

export { extend, intAtLeast, overlay, ParameterFile, readings, resolve, show } from "../rules/ParameterSet.js"
export type { Dated, Definition, ParameterSet, Read, Unit } from "../rules/ParameterSet.js"

/**
 * The catalogue as one tree, in plan order.
 *
 * @since 0.2.0
 * @category constants
 */
export const tree = ParameterSet.merge(plan, budget, publicity, procurement, contract, supervision, acceptance, quotas)

/**
 * The decoded type of each parameter.
 *
 * @since 0.1.0
 * @category models
 */
export type Values = ParameterSet.ValuesOf<typeof tree>

/**
 * The name of a parameter in the catalogue.
 *
 * @since 0.1.0
 * @category models
 */
export type Name = keyof Values & string

/**
 * The catalogue of parameters, keyed by name.
 *
 * @since 0.1.0
 * @category constants
 */
export const definitions: { readonly [K in Name]: ParameterSet.Definition<Values[K]> } = Object.fromEntries(
  ParameterSet.flatten(tree).map((d) => [d.name, d])
) as { readonly [K in Name]: ParameterSet.Definition<Values[K]> }

/**
 * The catalogue as a map (for documentation and plugins).
 *
 * @since 0.1.0
 * @category constants
 */
export const catalogue: ReadonlyMap<string, ParameterSet.Definition> = new Map(
  Object.entries(definitions) as Array<[string, ParameterSet.Definition]>
)

/**
 * The two sub-projects of the plan (三(二)).
 *
 * @since 0.1.0
 * @category models
 */
export const SubProjectKey = SubProject

/**
 * @since 0.1.0
 * @category models
 */
export type SubProjectKey = typeof SubProject.Type

/**
 * Validates a city's parameter file against the catalogue (or the definitions given): unknown names, wrong types
 * and missing required parameters are reported with their path. Later values override earlier ones from their
 * date on.
 *
 * @since 0.1.0
 * @category constructors
 */
export const load = (
  input: unknown,
  options: {
    readonly definitions?: ReadonlyMap<string, ParameterSet.Definition> | undefined
    readonly requireAll?: boolean | undefined
  } = {}
): Either.Either<ParameterSet.ParameterSet, InvalidInput> =>
  ParameterSet.load(input, { definitions: options.definitions ?? catalogue, requireAll: options.requireAll })

/**
 * Typed lookup of a catalogue parameter at a date.
 *
 * @since 0.1.0
 * @category getters
 */
export const get = <K extends Name>(set: ParameterSet.ParameterSet, name: K, at: string): Values[K] | undefined =>
  ParameterSet.get<Values[K]>(set, name, at)
