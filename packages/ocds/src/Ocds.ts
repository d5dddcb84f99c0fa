/**
 * Open Contracting Data Standard (OCDS 1.1) export of a project: releases, a
 * compiled release per contracting process, and a release package.
 *
 * A project becomes three contracting processes. The project's own process,
 * `ocid = <prefix>-<projectId>`, carries the planning stage of the whole plan
 * (key areas, the plan, the budget split between the sub-projects). Each
 * sub-project is procured, awarded and contracted on its own (实施方案 三(五):
 * different methods, suppliers and contracts), so each is its own process,
 * `<prefix>-<projectId>-hazchem` and `<prefix>-<projectId>-keyAreas`, linked to
 * the project's process by `relatedProcesses` (relationship `planning`). A
 * release's id is `<ocid>-<eventId>`.
 *
 * @since 0.1.0
 */
import { InputError, IsoDate, type Parameter, ProjectEvent } from "@gsyf/core"
import { Either } from "effect"
import * as Schema from "effect/Schema"
import { instant, UnsafeAmountSignal } from "./internal/format.js"
import { compile as compileOne, type Json } from "./internal/merge.js"
import { ocids as ocidsOf, project as projectEvents } from "./internal/releases.js"

const { InvalidInput } = InputError
type InvalidInput = InputError.InvalidInput

const NonEmpty = Schema.String.pipe(
  Schema.filter((s) => s.trim().length > 0, InputError.bilingual("不能为空", "must not be empty"))
)

/**
 * The default ocid prefix: a clearly local one. Real publishers register their
 * own prefix (`ocds-` and six characters) with the Open Contracting Partnership
 * and pass it as `ocidPrefix`; data published under the default prefix is not
 * globally unique.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultOcidPrefix = "ocds-gsyf00"

/**
 * An ocid prefix: `ocds-` and six lower-case letters or digits.
 *
 * @since 0.1.0
 * @category schemas
 */
export const OcidPrefix = Schema.String.pipe(
  Schema.filter(
    (s) => /^ocds-[a-z0-9]{6}$/.test(s),
    InputError.bilingual(
      "ocid 前缀须为 ocds- 加 6 位小写字母或数字",
      "an ocid prefix is ocds- and six lower-case letters or digits"
    )
  )
)

/**
 * A project id as used in ocids: letters, digits, `.`, `_` and `-` only (no
 * `#`, which release ids must not contain, and nothing a URL would escape).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProjectId = Schema.String.pipe(
  Schema.filter(
    (s) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(s),
    InputError.bilingual(
      "项目编号只能含字母、数字、点、下划线和连字符",
      "a project id may hold only letters, digits, '.', '_' and '-'"
    )
  )
)

/**
 * How a gsyf procurement method is published: a code of the closed OCDS
 * `method` codelist, the Chinese name in `procurementMethodDetails`, and an
 * optional rationale.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MethodMapping = Schema.Struct({
  method: Schema.Literal("open", "selective", "limited", "direct"),
  details: NonEmpty,
  rationale: Schema.optional(NonEmpty)
})

/**
 * @since 0.1.0
 * @category models
 */
export type MethodMapping = typeof MethodMapping.Type

/**
 * The default method mapping. The OCDS `method` codelist: `open` — all
 * interested suppliers may submit a tender; `selective` — only qualified
 * suppliers are invited to submit; `limited` — the procuring entity contacts a
 * number of suppliers of its choice; `direct` — awarded to a single supplier
 * without competition.
 *
 * - `competitive-consultation` (竞争性磋商, 财库〔2014〕214号) → `open`: the plan
 *   procures this sub-project "公开招标采购,采用竞争性磋商方式", i.e. suppliers are
 *   invited by a public announcement (214号 第六条, first route) and any interested
 *   supplier may respond; qualification is checked after responses, not in a
 *   separate pre-qualification round, so it is not `selective`. A city inviting
 *   from the supplier database or by written recommendation (the other two routes
 *   of 第六条) chooses whom to contact and should map it to `limited`.
 * - `panel-review` (分散采购, 评审小组评审) → `limited`: the agency itself invites
 *   service providers and a panel of department staff and recommended experts
 *   scores their proposals (实施方案 三(五)); there is no public call.
 * - `public-tender` (公开招标) → `open`.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultMethods: Readonly<Record<string, MethodMapping>> = {
  "competitive-consultation": {
    method: "open",
    details: "竞争性磋商(以发布公告方式邀请供应商)",
    rationale:
      "实施方案 三(五):公开招标采购,采用竞争性磋商方式;《政府采购竞争性磋商采购方式管理暂行办法》(财库〔2014〕214号)"
  },
  "panel-review": {
    method: "limited",
    details: "分散采购:经办机构邀请服务机构,由相关部门工作人员和推荐专家组成的评审小组对培训项目方案评审打分",
    rationale: "实施方案 三(五):分散采购,参照政府采购法及本单位内控制度"
  },
  "public-tender": { method: "open", details: "公开招标", rationale: "《中华人民共和国政府采购法》第二十六条" }
}

const ParameterSetSchema = Schema.declare(
  (u: unknown): u is Parameter.ParameterSet =>
    typeof u === "object" && u !== null && (u as { histories?: unknown }).histories instanceof Map &&
    (u as { definitions?: unknown }).definitions instanceof Map,
  { identifier: "ParameterSet", description: "a parameter set from Parameter.load" }
)

/**
 * Options of {@link releases}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Options = Schema.Struct({
  /** The project's id (its event stream id); the ocid is `<ocidPrefix>-<projectId>`. */
  projectId: ProjectId,
  /** The city's parameters (budget breakdown, fiscal year, payment percentages). */
  parameters: ParameterSetSchema,
  /** Registered ocid prefix; {@link defaultOcidPrefix} when absent. */
  ocidPrefix: Schema.optional(OcidPrefix),
  /** Mappings for plugin procurement methods, or overrides of {@link defaultMethods}. */
  methods: Schema.optional(Schema.Record({ key: Schema.String, value: MethodMapping }))
})

/**
 * @since 0.1.0
 * @category models
 */
export type Options = typeof Options.Type

/**
 * An amount cannot be written as an exact JSON number: 2^53 fen or more, or a
 * number whose shortest decimal form is not the amount (possible from 10^15 fen).
 *
 * @since 0.1.0
 * @category errors
 */
export class UnsafeAmount extends Schema.TaggedError<UnsafeAmount>()("UnsafeAmount", {
  amount: Schema.String,
  reason: Schema.Literal("too-large", "not-exact")
}) {
  /** The amount and why it cannot be written exactly, in Chinese and English. */
  override get message(): string {
    return `金额 ${this.amount} 元无法精确表示为 JSON 数字 / amount ${this.amount} cannot be written exactly as a JSON number (${this.reason})`
  }
}

/**
 * An OCDS release (the fields every release has; the rest is plain JSON).
 *
 * @since 0.1.0
 * @category models
 */
export interface Release {
  readonly ocid: string
  readonly id: string
  readonly date: string
  readonly tag: ReadonlyArray<string>
  readonly initiationType: "tender"
  readonly [field: string]: Json
}

/**
 * A compiled release: `tag` is `["compiled"]`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CompiledRelease extends Release {
  readonly tag: ReadonlyArray<"compiled">
}

/**
 * The ocids of a project: its own planning process and each sub-project's contracting process.
 *
 * @since 0.1.0
 * @category getters
 */
export const ocids = (
  projectId: string,
  ocidPrefix: string = defaultOcidPrefix
): { readonly project: string; readonly hazchem: string; readonly keyAreas: string } =>
  ocidsOf({ projectId, ocidPrefix })

const decodeOptions = InputError.decodeEither(Options, "OcdsOptions")
const decodeEvents = InputError.decodeEither(
  Schema.Array(Schema.Union(Schema.typeSchema(ProjectEvent.Event), ProjectEvent.Event)),
  "Events"
)

const guard = <A>(f: () => A): Either.Either<A, UnsafeAmount> => {
  try {
    return Either.right(f())
  } catch (e) {
    if (e instanceof UnsafeAmountSignal) return Either.left(new UnsafeAmount({ amount: e.amount, reason: e.reason }))
    throw e
  }
}

/**
 * The releases of a project, in event order. Events are decoded events
 * (`ProjectEvent.Event`) or their encoded JSON form; options are checked.
 *
 * Which events give releases, and their tags: `KeyAreasSelected` planning;
 * `PlanIssued` planningUpdate; `BudgetSubmitted` planningUpdate (project) and
 * planning (each sub-project); `BudgetApproved`/`BudgetReturned` planningUpdate
 * (all three); `PublicityStarted` tender; `ObjectionRecorded` tenderUpdate;
 * `ProcurementStarted` tenderUpdate (tender when no publicity came first);
 * `Awarded` award + tenderUpdate (with the tenderers, known once bids are
 * opened); `ContractSigned` contract; `PaymentMade` implementation; plan
 * reviews, deliverables, corrections, briefings, spot checks, progress reports,
 * acceptance applications and evaluations implementationUpdate;
 * `AcceptanceReportFiled` contractTermination. Member opinions, the key
 * enterprise list, objection answers, bids (until the award), panels, scores and
 * material designs are not published.
 *
 * @since 0.1.0
 * @category projections
 */
export const releases = (
  events: unknown,
  options: unknown
): Either.Either<Array<Release>, InvalidInput | UnsafeAmount> =>
  Either.gen(function*() {
    const o = yield* decodeOptions(options)
    const es = yield* decodeEvents(events)
    return yield* guard(
      () =>
        projectEvents(
          {
            projectId: o.projectId,
            ocidPrefix: o.ocidPrefix ?? defaultOcidPrefix,
            parameters: o.parameters,
            methods: { ...defaultMethods, ...(o.methods ?? {}) }
          },
          es
        ) as Array<Release>
    )
  })

const ReleaseShape = Schema.Struct(
  {
    ocid: NonEmpty,
    id: NonEmpty,
    date: IsoDate.IsoDateTime,
    tag: Schema.Array(Schema.String),
    initiationType: Schema.Literal("tender")
  },
  Schema.Record({ key: Schema.String, value: Schema.Unknown })
)
const decodeReleases = InputError.decodeEither(Schema.Array(ReleaseShape), "Releases")

/**
 * Compiles releases into one compiled release per ocid (in order of first
 * appearance), following the OCDS merge routine for the fields this package
 * emits: releases are applied in date order, the latest value of each field
 * wins, `null` removes a field, objects merge field by field, arrays whose items
 * all have an `id` merge item by item on the id, other arrays are replaced whole;
 * `id`, `date` and `tag` of the releases are omitted, and the compiled release
 * gets `tag: ["compiled"]`, the latest date and the id `<ocid>-compiled`.
 *
 * @since 0.1.0
 * @category merging
 */
export const compile = (input: unknown): Either.Either<Array<CompiledRelease>, InvalidInput> =>
  Either.map(decodeReleases(input), (rs) => {
    const groups = new Map<string, Array<{ readonly [k: string]: Json }>>()
    for (const r of rs) {
      const list = groups.get(r.ocid) ?? []
      list.push(r as unknown as { readonly [k: string]: Json })
      groups.set(r.ocid, list)
    }
    return [...groups.values()].map((g) => compileOne(g) as unknown as CompiledRelease)
  })

/**
 * URLs of the extensions the releases use. The Budget Breakdown extension is
 * the official one; the gsyf extension ships in this package under
 * `extension/` (`@gsyf/ocds/extension/extension.json`) and is served from the
 * npm registry's CDN once published. A publisher hosting its own copy passes
 * its URL in the `extensions` option of {@link releasePackage}.
 *
 * @since 0.1.0
 * @category constants
 */
export const extensionUrls = {
  budgetBreakdown:
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_budget_breakdown_extension/master/extension.json",
  gsyf: "https://unpkg.com/@gsyf/ocds@0.1.0/extension/extension.json"
} as const

const Url = Schema.String.pipe(
  Schema.filter((s) => {
    try {
      return new URL(s).protocol.length > 1
    } catch {
      return false
    }
  }, InputError.bilingual("须为完整的 URL", "must be an absolute URL"))
)

/**
 * Options of {@link releasePackage}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PackageOptions = Schema.Struct({
  /** Where this package is (or will be) published. */
  uri: Url,
  /** When it is published (any offset; written in +08:00). */
  publishedDate: IsoDate.IsoDateTime,
  publisher: Schema.Struct({
    name: NonEmpty,
    scheme: Schema.optional(NonEmpty),
    uid: Schema.optional(NonEmpty),
    uri: Schema.optional(Url)
  }),
  /** The data licence, e.g. `https://creativecommons.org/licenses/by/4.0/`. */
  license: Schema.optional(Url),
  /** The publisher's publication policy. */
  publicationPolicy: Schema.optional(Url),
  /** Extension URLs; both of {@link extensionUrls} when absent. */
  extensions: Schema.optional(Schema.Array(Url))
})

/**
 * @since 0.1.0
 * @category models
 */
export type PackageOptions = typeof PackageOptions.Type

/**
 * An OCDS 1.1 release package.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReleasePackage {
  readonly uri: string
  readonly version: "1.1"
  readonly extensions: ReadonlyArray<string>
  readonly publishedDate: string
  readonly publisher: {
    readonly name: string
    readonly scheme?: string | undefined
    readonly uid?: string | undefined
    readonly uri?: string | undefined
  }
  readonly license?: string | undefined
  readonly publicationPolicy?: string | undefined
  readonly releases: ReadonlyArray<Release>
}

const decodePackageOptions = InputError.decodeEither(PackageOptions, "PackageOptions")

/**
 * Wraps releases in a release package (`version: "1.1"`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const releasePackage = (input: unknown, options: unknown): Either.Either<ReleasePackage, InvalidInput> =>
  Either.gen(function*() {
    const o = yield* decodePackageOptions(options)
    const rs = yield* decodeReleases(input)
    return {
      uri: o.uri,
      version: "1.1" as const,
      extensions: o.extensions ?? [extensionUrls.budgetBreakdown, extensionUrls.gsyf],
      publishedDate: instant(o.publishedDate),
      publisher: {
        name: o.publisher.name,
        ...(o.publisher.scheme === undefined ? {} : { scheme: o.publisher.scheme }),
        ...(o.publisher.uid === undefined ? {} : { uid: o.publisher.uid }),
        ...(o.publisher.uri === undefined ? {} : { uri: o.publisher.uri })
      },
      ...(o.license === undefined ? {} : { license: o.license }),
      ...(o.publicationPolicy === undefined ? {} : { publicationPolicy: o.publicationPolicy }),
      releases: rs as unknown as ReadonlyArray<Release>
    }
  })

/**
 * What {@link fromStream} returns: the release package and a compiled release
 * per contracting process.
 *
 * @since 0.1.0
 * @category models
 */
export interface Export {
  readonly releasePackage: ReleasePackage
  readonly compiled: ReadonlyArray<CompiledRelease>
}

/**
 * The hook of the `gsyf ocds <project>` command: a project's event stream to a
 * release package and its compiled releases. `options` holds the fields of
 * {@link Options} and {@link PackageOptions} together.
 *
 * ```ts
 * const stored = yield* store.readStream(projectId)
 * const events = yield* CommandHandler.decodeEvents(ProjectEvent.codec, stored)
 * const out = Ocds.fromStream(events, { projectId, parameters, uri, publishedDate, publisher, license })
 * ```
 *
 * @since 0.1.0
 * @category projections
 */
export const fromStream = (events: unknown, options: unknown): Either.Either<Export, InvalidInput | UnsafeAmount> => {
  if (typeof options !== "object" || options === null) {
    return Either.left(InputError.single("OcdsOptions", "", "须为对象", "must be an object"))
  }
  const o = options as Record<string, unknown>
  const pick = (keys: ReadonlyArray<string>) => Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]))
  const known = new Set([...Object.keys(Options.fields), ...Object.keys(PackageOptions.fields)])
  const unknown = Object.keys(o).filter((k) => !known.has(k))
  if (unknown.length > 0) {
    return Either.left(
      new InvalidInput({
        subject: "OcdsOptions",
        issues: unknown.map((k) => new InputError.InputIssue({ path: k, zh: "未知字段", en: "unknown field" }))
      })
    )
  }
  return Either.gen(function*() {
    const rs = yield* releases(events, pick(Object.keys(Options.fields)))
    const pkg = yield* releasePackage(rs, pick(Object.keys(PackageOptions.fields)))
    const compiled = yield* compile(rs)
    return { releasePackage: pkg, compiled }
  })
}
