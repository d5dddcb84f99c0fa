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
import { gsyf as gsyfExtension, packageVersion } from "./internal/embedded.js"
import { instant, UnsafeAmountSignal } from "./internal/format.js"
import { isObject, type Json, type JsonObject } from "./internal/json.js"
import { jsonProblem, maxDepth, maxValues } from "./internal/jsonInput.js"
import { byDate, compile as compileOne, groupByOcid } from "./internal/merge.js"
import { full } from "./internal/profile.js"
import { project as projectEvents } from "./internal/releases/project.js"
import { ocids as ocidsOf } from "./internal/releases/state.js"
import { checkExtensionFiles } from "./internal/validation/extension.js"
import type { Issue } from "./internal/validation/issue.js"
import { validate as validateInternal } from "./internal/validation/validate.js"

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
 * - `inquiry` (询价) → `limited`: the inquiry panel picks at least three suppliers and asks them for quotes
 *   (《政府采购法》第四十条).
 * - `single-source` (单一来源) → `direct`: one supplier, publicised beforehand (实施条例 第三十八条).
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
  "public-tender": { method: "open", details: "公开招标", rationale: "《中华人民共和国政府采购法》第二十六条" },
  inquiry: {
    method: "limited",
    details: "询价:询价小组确定不少于三家供应商并向其发出询价通知书",
    rationale: "《中华人民共和国政府采购法》第三十二条、第四十条"
  },
  "single-source": {
    method: "direct",
    details: "单一来源采购:经公示后与唯一供应商协商",
    rationale: "《中华人民共和国政府采购法》第三十一条;《政府采购法实施条例》第三十八条"
  }
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
 * The releases of a project, in date order. Events are decoded events (`ProjectEvent.Event`) or their
 * encoded JSON form; options are checked.
 *
 * A release's tags follow the releaseTag codelist: the first release of a stage in a process is `planning`,
 * `tender`, `award` or `contract`, later ones the stage's update; `implementation` when the release adds
 * implementation information (a milestone, transaction, document or result not published before),
 * `implementationUpdate` when it only changes published information; filing the acceptance report is
 * `contractTermination`. A release is dated at its event's instant, or at the date of the release before it
 * when the stream recorded the event after a later-dated one. Member opinions, the key enterprise list,
 * objection answers, bids (until the award), panels, scores, implementation plans and material designs are
 * not published.
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
 * Compiles releases into one compiled release per ocid (in order of first appearance) with the OCDS 1.1 merge
 * routine, its rules read from the release schema with the Budget Breakdown and gsyf extensions: releases
 * are merged in date order; `id`, `date` and `tag` (`omitWhenMerged`) are discarded; `null` removes a field;
 * objects merge field by field; arrays of objects with an `id` merge object by object on the id; arrays with
 * `wholeListMerge` (such as `additionalClassifications`), arrays of non-objects and arrays of objects without
 * an `id` are replaced whole. A compiled release has `tag: ["compiled"]`, the date of its latest release and
 * the id `<ocid>-<date>` (as the reference implementation writes it).
 *
 * @since 0.1.0
 * @category merging
 */
export const compile = (input: unknown): Either.Either<Array<CompiledRelease>, InvalidInput> =>
  Either.map(decodeReleases(input), (rs) => {
    const rules = full().rules
    const groups = groupByOcid(rs as unknown as ReadonlyArray<JsonObject>)
    return [...groups.values()].map((g) => compileOne(rules, g) as unknown as CompiledRelease)
  })

/**
 * The URL of the gsyf extension of a version of this package on the npm registry's CDN.
 *
 * @since 0.1.0
 * @category constructors
 */
export const gsyfExtensionUrl = (version: string): string =>
  `https://unpkg.com/@gsyf/ocds@${version}/extension/extension.json`

/**
 * The default URLs of the extensions the releases use.
 *
 * - `budgetBreakdown`: the official Budget Breakdown extension as the OCDS extension registry lists it (its
 *   only version, `master`).
 * - `gsyf`: the gsyf extension of the installed version of this package (`extension/` of `@gsyf/ocds`) on the
 *   npm registry's CDN, which serves every published version. Data produced by an unpublished build, or by a
 *   publisher that serves its own copy ({@link extensionFiles}), passes its URL in `extensionUrls.gsyf`.
 *
 * @since 0.1.0
 * @category constants
 */
export const extensionUrls: { readonly budgetBreakdown: string; readonly gsyf: string } = {
  budgetBreakdown:
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_budget_breakdown_extension/master/extension.json",
  gsyf: gsyfExtensionUrl(packageVersion)
}

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
 * Which URL names each extension in a package's `extensions` (each defaults to {@link extensionUrls}).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ExtensionUrls = Schema.Struct({
  budgetBreakdown: Schema.optional(Url),
  gsyf: Schema.optional(Url)
})

/**
 * @since 0.1.0
 * @category models
 */
export type ExtensionUrls = typeof ExtensionUrls.Type

const urlsOf = (o: ExtensionUrls | undefined) => ({
  budgetBreakdown: o?.budgetBreakdown ?? extensionUrls.budgetBreakdown,
  gsyf: o?.gsyf ?? extensionUrls.gsyf
})

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
  /** The URLs of the extensions' `extension.json`; {@link extensionUrls} for any not given. */
  extensionUrls: Schema.optional(ExtensionUrls)
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
 * Wraps releases in a release package (`version: "1.1"`), in date order (releases of the same instant keep
 * their order), listing the Budget Breakdown and gsyf extensions.
 *
 * @since 0.1.0
 * @category constructors
 */
export const releasePackage = (input: unknown, options: unknown): Either.Either<ReleasePackage, InvalidInput> =>
  Either.gen(function*() {
    const o = yield* decodePackageOptions(options)
    const rs = yield* decodeReleases(input)
    const urls = urlsOf(o.extensionUrls)
    return {
      uri: o.uri,
      version: "1.1" as const,
      extensions: [urls.budgetBreakdown, urls.gsyf],
      publishedDate: instant(o.publishedDate),
      publisher: {
        name: o.publisher.name,
        ...(o.publisher.scheme === undefined ? {} : { scheme: o.publisher.scheme }),
        ...(o.publisher.uid === undefined ? {} : { uid: o.publisher.uid }),
        ...(o.publisher.uri === undefined ? {} : { uri: o.publisher.uri })
      },
      ...(o.license === undefined ? {} : { license: o.license }),
      ...(o.publicationPolicy === undefined ? {} : { publicationPolicy: o.publicationPolicy }),
      releases: byDate(rs as unknown as ReadonlyArray<JsonObject>) as unknown as ReadonlyArray<Release>
    }
  })

/**
 * What {@link fromStream} returns: the release package and a compiled release per contracting process.
 *
 * @since 0.1.0
 * @category models
 */
export interface Export {
  readonly releasePackage: ReleasePackage
  readonly compiled: ReadonlyArray<CompiledRelease>
}

/**
 * The hook of the `gsyf ocds <project>` command: a project's event stream to a release package and its
 * compiled releases. `options` holds the fields of {@link Options} and {@link PackageOptions} together.
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
    const compiled = yield* compile(pkg.releases)
    return { releasePackage: pkg, compiled }
  })
}

/**
 * One finding of {@link validate}: which check, how serious, in which document (the package, a release by
 * id, a compiled release by ocid, or an extension by name) and where in it (a JSON Pointer), in Chinese and
 * English.
 *
 * Checks: `json-schema` (official package and release schemas with the extensions applied, the extension
 * metaschema), `undeclared-field`, `codelist` (a code missing from a closed codelist is an error, from an
 * open one a warning), `empty-field` (warning), `party-reference` (a referenced organization is in `parties`
 * with the role the reference implies, e.g. `sourceParty`), `budget-breakdown` (the breakdown adds up to the
 * budget), `release-id`, `ocid-prefix` (warning), `date-order`, `tag-order` (releaseTag codelist),
 * `compiled-release` (one per ocid, tagged `compiled`, dated as the latest release, equal to the merge of
 * its releases) and `extension` (the extension rules: metadata, codelists, documented and strict fields).
 *
 * @since 0.1.0
 * @category models
 */
export type ValidationIssue = Issue

/**
 * What {@link validate} found: `valid` when no issue is an error.
 *
 * @since 0.1.0
 * @category models
 */
export interface ValidationReport {
  readonly valid: boolean
  readonly releases: number
  readonly compiledReleases: number
  /** The known extensions the package lists, which the checks applied. */
  readonly extensions: ReadonlyArray<"budgetBreakdown" | "gsyf">
  readonly issues: ReadonlyArray<ValidationIssue>
}

/**
 * Options of {@link validate}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ValidateOptions = Schema.Struct({
  /** The URLs that name the Budget Breakdown and gsyf extensions in the package (defaults: {@link extensionUrls}). */
  extensionUrls: Schema.optional(ExtensionUrls),
  /** The local default prefix to warn about ({@link defaultOcidPrefix} when absent). */
  defaultOcidPrefix: Schema.optional(Schema.String)
})

const decodeValidateOptions = InputError.decodeEither(ValidateOptions, "ValidateOptions")

const jsonDocument = (u: unknown, subject: string): Either.Either<JsonObject, InvalidInput> => {
  const problem = jsonProblem(u)
  if (problem !== undefined) return Either.left(InputError.single(subject, problem.path, problem.zh, problem.en))
  if (typeof u !== "object" || u === null || Array.isArray(u)) {
    return Either.left(InputError.single(subject, "", "须为 JSON 对象", "must be a JSON object"))
  }
  return Either.right(u as JsonObject)
}

/**
 * Validates a release package, or an {@link Export} (a release package and its compiled releases), as the
 * OCDS tools check a publication, offline: the official OCDS 1.1 release package and release schemas with
 * the extensions the package lists (the official Budget Breakdown extension and the gsyf extension, both
 * embedded), each of those extensions against the official extension metaschema, and the checks listed at
 * {@link ValidationIssue}. Without compiled releases, the compiled releases of the package are computed and
 * checked.
 *
 * The input must be plain JSON, nested at most {@link validationLimits} deep and large; otherwise
 * `InvalidInput`. Anything else is reported, not rejected.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (input: unknown, options: unknown = {}): Either.Either<ValidationReport, InvalidInput> =>
  Either.gen(function*() {
    const o = yield* decodeValidateOptions(options)
    const doc = yield* jsonDocument(input, "ReleasePackage")
    const wrapped = isObject(doc.releasePackage) && !("releases" in doc)
    const pkg = wrapped ? (doc.releasePackage as JsonObject) : doc
    const compiled = wrapped && Array.isArray(doc.compiled) ? (doc.compiled as ReadonlyArray<Json>) : undefined
    return validateInternal({
      releasePackage: pkg,
      compiled,
      extensionUrls: urlsOf(o.extensionUrls),
      defaultPrefix: o.defaultOcidPrefix ?? defaultOcidPrefix
    })
  })

/**
 * The limits of {@link validate}'s input: nesting depth and number of JSON values.
 *
 * @since 0.1.0
 * @category constants
 */
export const validationLimits: { readonly maxDepth: number; readonly maxValues: number } = { maxDepth, maxValues }

const ContactPoint = Schema.Struct({
  name: NonEmpty,
  email: Schema.String.pipe(
    Schema.filter(
      (s) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s),
      InputError.bilingual("须为电子邮件地址", "must be an email address")
    )
  )
})

/**
 * Options of {@link extensionFiles}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ExtensionFilesOptions = Schema.Struct({
  /** Who answers questions about the extension as the publisher serves it. */
  contactPoint: ContactPoint,
  /** Where its documentation is (e.g. the README served beside it); the package's README URL when absent. */
  documentationUrl: Schema.optional(Url)
})

const decodeExtensionFilesOptions = InputError.decodeEither(ExtensionFilesOptions, "ExtensionFilesOptions")

/**
 * The files of the gsyf extension for a publisher to serve at its own URL (then passed as
 * `extensionUrls.gsyf`), with its contact point and documentation URL: `extension.json`,
 * `release-schema.json`, `codelists/*.csv` and `README.md`, by path.
 *
 * @since 0.1.0
 * @category constructors
 */
export const extensionFiles = (options: unknown): Either.Either<Readonly<Record<string, string>>, InvalidInput> =>
  Either.map(decodeExtensionFilesOptions(options), (o) => {
    const metadata = gsyfExtension.metadata as JsonObject
    const documentationUrl = o.documentationUrl === undefined ? metadata.documentationUrl : { en: o.documentationUrl }
    const json = (j: Json) => JSON.stringify(j, null, 2) + "\n"
    return {
      "extension.json": json({ ...metadata, documentationUrl, contactPoint: { ...o.contactPoint } }),
      "release-schema.json": json(gsyfExtension.releaseSchema),
      ...Object.fromEntries(Object.entries(gsyfExtension.codelists).map(([f, text]) => [`codelists/${f}`, text])),
      "README.md": gsyfExtension.readme
    }
  })

/**
 * What {@link validateExtension} found.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExtensionReport {
  readonly valid: boolean
  readonly issues: ReadonlyArray<ValidationIssue>
}

const ExtensionFileMap = Schema.Record({ key: Schema.String, value: Schema.String })
const decodeExtensionFileMap = InputError.decodeEither(ExtensionFileMap, "ExtensionFiles")

/**
 * Checks the files of an OCDS extension (by path, as {@link extensionFiles} gives them) by the rules the OCDS
 * maintainers apply to extensions: `extension.json` against the official extension metaschema, codelist
 * files against the codelist schema and in agreement with `extension.json` and the schema, the release
 * schema patch applying to OCDS 1.1 as a valid schema, and every field it adds documented, camel-cased and
 * strict. A file that is not valid JSON is an issue.
 *
 * @since 0.1.0
 * @category validation
 */
export const validateExtension = (files: unknown): Either.Either<ExtensionReport, InvalidInput> =>
  Either.map(decodeExtensionFileMap(files), (f) => {
    const issues = checkExtensionFiles(f)
    return { valid: issues.every((i) => i.severity !== "error"), issues }
  })
