/** The handlers of the reference, audit and operations endpoints. @internal */
import { HttpApiBuilder, HttpServerResponse } from "@effect/platform"
import { Guard, InputError, Parameter, type PlanRules, type Plugin, RuleSet, StoreAudit } from "@gsyf/core"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { Api, AuditReport, AuditRequest, ParameterReport } from "../ServerApi.js"
import { SharedTag } from "./context.js"
import { fail, jsonBody } from "./http.js"
import * as Views from "./views.js"

interface RuleLike {
  readonly id: string
  readonly section: string
  readonly title: { readonly zh: string; readonly en: string }
  readonly basis: ReadonlyArray<{ readonly citation: string }>
  readonly reads: ReadonlyArray<string>
}

/** Every rule of the configured stages, then the lifecycle guards. @internal */
export const ruleRows = (config: Plugin.Config) => {
  const row = (stage: string, r: RuleLike) => ({
    id: r.id,
    stage,
    section: r.section,
    zh: r.title.zh,
    en: r.title.en,
    basis: r.basis.map((b) => b.citation),
    reads: r.reads
  })
  return [
    ...Object.entries(config.rules).flatMap(([stage, rules]) =>
      (rules as ReadonlyArray<RuleLike>).map((r) => row(stage, r))
    ),
    ...Guard.all.map((g) => row("lifecycle", g))
  ]
}

/** Every parameter in force with its basis and the values configured. @internal */
export const parameterRows = (config: Plugin.Config) =>
  [...config.parameters.definitions.values()].map((d) => ({
    name: d.name,
    zh: d.title.zh,
    en: d.title.en,
    unit: d.unit,
    section: d.section,
    basis: d.basis.citation,
    ...(d.default === undefined
      ? {}
      : { default: Views.toJson(d.default.value), defaultBasis: d.default.basis.citation }),
    values: (config.parameters.histories.get(d.name) ?? []).map((v) => ({
      ...(v.from === undefined ? {} : { effectiveFrom: v.from }),
      value: Views.toJson(v.value)
    }))
  }))

/** Checks a parameter file as `gsyf plan` does: decoding, then the budget's and the plan's rules. @internal */
const validate = Effect.gen(function*() {
  const shared = yield* SharedTag
  const body = yield* jsonBody(shared.limits)
  const parameters = Parameter.load(body)
  if (Either.isLeft(parameters)) {
    return yield* fail(400, "参数文件无效", "invalid parameter file", {
      issues: parameters.left.issues,
      kind: "invalid-parameters"
    })
  }
  const year = parameters.right.histories.get("plan.fiscalYear")?.[0]?.value as number | undefined
  const rules = [...shared.config.rules.budget, ...shared.config.rules.plan]
  const report = RuleSet.evaluate(
    RuleSet.make(rules),
    {} satisfies PlanRules.PlanInput,
    parameters.right,
    `${year ?? new Date().getFullYear()}-01-01`
  )
  return yield* Effect.orDie(encodeParameterReport({ passed: report.passed, report }))
})

const encodeParameterReport = Schema.encode(ParameterReport)
const encodeAuditReport = Schema.encode(AuditReport)

const decodeAudit = InputError.decodeEither(AuditRequest, "AuditRequest")

const audit = Effect.gen(function*() {
  const shared = yield* SharedTag
  const body = yield* jsonBody(shared.limits)
  const request = decodeAudit(body)
  if (Either.isLeft(request)) {
    const issues = request.left.issues
    return yield* fail(
      400,
      "审计请求无效:" + issues.map((i) => `${i.path || "(根)"}:${i.zh}`).join(";"),
      "invalid audit request: " + issues.map((i) => `${i.path || "(root)"}: ${i.en}`).join("; "),
      { issues, kind: "invalid-input" }
    )
  }
  const report = yield* StoreAudit.verify(shared.store, {
    checkpoint: request.right.checkpoint,
    keys: shared.keys,
    readModels: request.right.readModels
  }).pipe(Effect.catchAll(() => fail(503, "事件存储暂时不可用", "the event store is unavailable")))
  return yield* Effect.orDie(encodeAuditReport(report))
})

/** @internal */
export const referenceLayer = HttpApiBuilder.group(Api, "reference", (handlers) =>
  handlers
    .handle("rules", () => Effect.map(SharedTag, (s) => ruleRows(s.config)))
    .handle("parameters", () => Effect.map(SharedTag, (s) => parameterRows(s.config)))
    .handleRaw("validateParameters", () => Effect.map(validate, (r) => HttpServerResponse.unsafeJson(r))))

/** @internal */
export const auditLayer = HttpApiBuilder.group(
  Api,
  "audit",
  (handlers) => handlers.handleRaw("audit", () => Effect.map(audit, (r) => HttpServerResponse.unsafeJson(r)))
)

/** @internal */
export const operationsLayer = HttpApiBuilder.group(Api, "operations", (handlers) =>
  handlers
    .handle("health", () => Effect.succeed({ status: "ok" as const }))
    .handle("ready", () =>
      Effect.gen(function*() {
        const shared = yield* SharedTag
        if (shared.draining()) return yield* fail(503, "服务正在停止", "the service is stopping", { kind: "draining" })
        const ok = yield* shared.store.streamVersion("gsyf-readiness").pipe(
          Effect.timeout(Duration.seconds(3)),
          Effect.as(true),
          Effect.catchAll(() => Effect.succeed(false))
        )
        if (!ok) {
          return yield* fail(503, "事件存储暂时不可用", "the event store is unavailable", { kind: "store-unavailable" })
        }
        return { status: "ok" as const, store: "ok" }
      })))
