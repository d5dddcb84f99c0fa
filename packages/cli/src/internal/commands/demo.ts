/**
 * `gsyf demo`: runs the seed plan's full lifecycle with concrete numbers on the
 * embedded SQLite store, step by step; prints the acceptance results and the
 * payments; verifies the audit trail; writes every document (Markdown, HTML,
 * DOCX, PDF), the audit trail and the OCDS release package to `./out`.
 *
 * @internal
 */
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { EventStore, Money, Project, type ProjectEvent, ProjectService } from "@gsyf/core"
import { type Document, type DocumentRenderer, Html, Markdown, ProjectDocuments } from "@gsyf/documents"
import { Docx } from "@gsyf/documents-docx"
import { Pdf } from "@gsyf/documents-pdf"
import { Scenario } from "@gsyf/scenarios"
import { Effect, Either, Layer, Option } from "effect"
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { action, storeFlags } from "../action.js"
import { CliError, describeStore, loadConfig, readModels, storeChoice, storeFailure, storeLayer } from "../context.js"
import { seedPlan, seedScenario } from "../defaults.js"
import { lockFolder } from "../lock.js"
import * as Opt from "../options.js"
import { bold, dim, green, json, line, progress, red, yellow } from "../output.js"
import { ocdsExport } from "./ocds.js"

const projectId = "sample-city-2026"

const describeEvent = (e: ProjectEvent.Event): string => {
  switch (e._tag) {
    case "PublicityStarted":
      return `公示 ${e.startsOn} 至 ${e.endsOn}`
    case "Awarded":
      return `成交 ${e.supplierName} ${Money.format(e.value)}`
    case "ContractSigned":
      return `合同 ${e.contractId} ${Money.format(e.amount)},预付 ${Money.format(e.advance)},余款 ${
        Money.format(e.balance)
      },期满 ${e.periodEnd}`
    case "PaymentMade":
      return `${e.kind === "advance" ? "预付款" : "余款"} ${Money.format(e.amount)}`
    case "AcceptancePassed":
      return `验收合格,余款 ${Money.format(e.balanceDue)} 应于 ${e.dueDate} 前支付`
    case "AcceptanceFailed":
      return `验收不合格,整改期限 ${e.rectification.deadline}`
    case "MonthlyBriefingSubmitted":
      return `${e.month} 简报${e.late ? "(迟报)" : ""}`
    default:
      return e._tag
  }
}

/** All steps of a scenario, those of the scenarios it starts from first. */
const flatten = (
  s: Scenario.Scenario
): ReadonlyArray<Scenario.LoadedStep> => [...(s.from === undefined ? [] : flatten(s.from)), ...s.steps]

const writeDocument = async (
  outDir: string,
  name: string,
  doc: Document.Document,
  pdf: DocumentRenderer.DocumentRenderer<Uint8Array> | undefined
) => {
  writeFileSync(join(outDir, `${name}.md`), Markdown.toMarkdown(doc))
  writeFileSync(join(outDir, `${name}.html`), Html.toHtml(doc))
  writeFileSync(join(outDir, `${name}.docx`), await Effect.runPromise(Docx.render(doc)))
  if (pdf !== undefined) writeFileSync(join(outDir, `${name}.pdf`), await Effect.runPromise(pdf.render(doc)))
}

const spec = {
  out: Options.text("out").pipe(
    Options.withDescription("输出文件夹 / folder for the documents"),
    Options.withDefault("out")
  ),
  scenario: Options.text("scenario").pipe(
    Options.withDescription("场景文件(默认:示例方案全生命周期)/ scenario (default: the seed lifecycle)"),
    Options.optional
  ),
  plan: Opt.plan,
  json: Opt.json,
  ...Opt.store
}

/** @internal */
export const run = async (input: Command.Command.ParseConfig<typeof spec>): Promise<number> => {
  const outDir = resolve(input.out)
  mkdirSync(outDir, { recursive: true })
  const release = lockFolder(outDir)
  try {
    return await demo(input, outDir)
  } finally {
    release()
  }
}

const demo = async (input: Command.Command.ParseConfig<typeof spec>, outDir: string): Promise<number> => {
  const scenarioFile = Option.getOrElse(input.scenario, seedScenario)
  const planFile = Option.getOrElse(input.plan, seedPlan)
  const config = loadConfig(planFile)
  const scenario = await Effect.runPromise(Effect.either(Scenario.load(scenarioFile)))
  if (Either.isLeft(scenario)) {
    throw new CliError(
      `无法读取场景 ${scenarioFile}`,
      `cannot read the scenario ${scenarioFile}: ${scenario.left.message}`
    )
  }
  const steps = flatten(scenario.right).filter((s) => s.command !== undefined)

  const flags = storeFlags(input)
  const dbFile = join(outDir, "gsyf-demo.db")
  const choice = storeChoice(flags, dbFile)
  // The demo's own file is started afresh (under the folder's lock); a store the user names is used as it is.
  if (flags.db === undefined && choice.kind === "sqlite") {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true })
  }

  line(bold(`gsyf demo — ${scenario.right.name}`))
  line(dim(`参数 / parameters: ${planFile}; 存储 / store: ${describeStore(choice)}`))
  line()

  const live = ProjectService.layer(config).pipe(
    Layer.provideMerge(storeLayer(choice, readModels(config), false))
  )
  const program = Effect.gen(function*() {
    const projects = yield* ProjectService.ProjectService
    const store = yield* EventStore.EventStore
    let rejected = 0
    for (const [i, step] of steps.entries()) {
      progress(i, steps.length, String(step.command!["_tag"]))
      const outcome = yield* Effect.either(projects.execute(projectId, step.command))
      const tag = String(step.command!["_tag"])
      const expectRejected = step.expect.rejected !== undefined
      if (Either.isRight(outcome)) {
        const summary = outcome.right.events.map(describeEvent).join(";")
        line(`${green("✓")} ${step.date} ${tag.padEnd(26)} ${dim(summary)}`)
      } else if (expectRejected) {
        const e = outcome.left
        line(
          `${yellow("⊘")} ${step.date} ${tag.padEnd(26)} ${
            dim(
              `按预期被拒绝 / rejected as expected: ${
                "ruleIds" in e
                  ? (e as Project.Rejection & { ruleIds: ReadonlyArray<string> }).ruleIds.join(", ")
                  : e._tag
              }`
            )
          }`
        )
      } else {
        rejected++
        line(
          `${red("✗")} ${step.date} ${tag.padEnd(26)} ${
            String((outcome.left as { message?: string }).message ?? outcome.left._tag)
          }`
        )
      }
    }
    progress(steps.length, steps.length, "")
    const loaded = yield* projects.load(projectId)
    const verified = yield* projects.verify(projectId)
    const trail = yield* projects.exportTrail(projectId)
    const stored = yield* store.readStream(projectId)
    const list = yield* projects.list()
    return { loaded, verified, trail, stored, rejected, list }
  })
  const result = await Effect.runPromise(program.pipe(Effect.provide(live), Effect.either))
  if (Either.isLeft(result)) {
    throw storeFailure(choice, result.left) ??
      new CliError("演示运行失败", `the demo failed: ${String((result.left as { message?: string }).message ?? "")}`)
  }
  const { loaded, verified, trail, stored, rejected, list } = result.right
  const { state, events } = loaded

  line()
  line(bold("验收结果 / acceptance"))
  for (const key of Project.subProjectKeys) {
    const evaluations = events.filter(
      (e): e is Extract<ProjectEvent.Event, { _tag: "AcceptancePassed" | "AcceptanceFailed" }> =>
        (e._tag === "AcceptancePassed" || e._tag === "AcceptanceFailed") && e.subProject === key
    )
    for (const e of evaluations) {
      const verdict = e._tag === "AcceptancePassed" ? green("合格 / passed") : red("不合格 / failed")
      line(`  ${Project.subProjectNames[key]} 第${e.attempt}次 ${e.evaluatedOn}: ${verdict}`)
      for (const item of e.items) {
        line(`    ${item.met ? green("✓") : red("✗")} ${item.title.zh}: ${item.done}/${item.required}${item.unit}`)
      }
    }
  }
  line()
  line(bold("付款 / payments"))
  for (const key of Project.subProjectKeys) {
    const sp = state.subProjects[key]
    if (sp.contract === undefined) continue
    line(`  ${Project.subProjectNames[key]} 合同 ${sp.contract.contractId} ${Money.format(sp.contract.amount)}`)
    for (const p of sp.payments) {
      const capital = Either.getOrElse(Money.capital(p.amount), () => "")
      line(
        `    ${p.paidOn} ${p.kind === "advance" ? "预付款" : "余款  "} ${
          Money.format(p.amount).padStart(15)
        }  ${capital}`
      )
    }
    const paid = Money.sum(sp.payments.map((p) => p.amount))
    line(dim(`    已付 ${Money.format(paid)},未付 ${Money.format(Money.subtract(sp.contract.amount, paid))}`))
  }
  line()
  line(bold("审计追踪 / audit trail"))
  if (verified.ok) line(`  ${green("✓")} ${verified.count} 条事件哈希链完整 / chain verified, head ${verified.head}`)
  else line(`  ${red("✗")} 第 ${verified.firstBrokenPosition} 条起断裂 / broken at ${verified.firstBrokenPosition}`)
  line(
    dim(
      `  项目状态 / status: ${Project.status(state)}; 读模型 / read model: ${
        list.map((p) => `${p.projectId}=${p.status}`).join(", ")
      }`
    )
  )

  // documents
  line()
  line(bold(`文件 / documents → ${outDir}`))
  writeFileSync(join(outDir, "audit-trail.jsonl"), trail)
  const pdfExit = await Effect.runPromise(Effect.either(Pdf.make({})))
  const pdf = Either.isRight(pdfExit) ? pdfExit.right : undefined
  if (Either.isLeft(pdfExit)) {
    line(yellow(`  未找到中文字体,跳过 PDF / no CJK font found, PDFs skipped: ${pdfExit.left.message}`))
  }
  const src = { config, events }
  type Entry = [string, unknown, (i: unknown) => Either.Either<Document.Document, { message: string }>]
  const docs: Array<Entry> = [
    ["01-implementation-plan", src, ProjectDocuments.implementationPlan],
    ["02-publicity-notice-keyAreas", { ...src, subProject: "keyAreas" }, ProjectDocuments.publicityNotice],
    ["02-publicity-notice-hazchem", { ...src, subProject: "hazchem" }, ProjectDocuments.publicityNotice],
    ["03-review-result-keyAreas", { ...src, subProject: "keyAreas" }, ProjectDocuments.reviewResult],
    ["03-review-result-hazchem", { ...src, subProject: "hazchem" }, ProjectDocuments.reviewResult],
    // payment documents for every sub-project
    ...Project.subProjectKeys.flatMap((subProject) =>
      (["advance", "balance"] as const).flatMap((kind): Array<Entry> => [
        [`04-payment-request-${kind}-${subProject}`, { ...src, subProject, kind }, ProjectDocuments.paymentRequest],
        [`04-payment-notice-${kind}-${subProject}`, { ...src, subProject, kind }, ProjectDocuments.paymentNotice]
      ])
    ),
    [
      "05-monthly-briefing-2026-06-keyAreas",
      { ...src, subProject: "keyAreas", month: "2026-06" },
      ProjectDocuments.monthlyBriefing
    ],
    ["06-spot-check-keyAreas", { ...src, subProject: "keyAreas" }, ProjectDocuments.spotCheckRecord],
    ["06-follow-up-inspection", src, ProjectDocuments.followUpRecord],
    [
      "07-acceptance-report-keyAreas-1",
      { ...src, subProject: "keyAreas", attempt: 1 },
      ProjectDocuments.acceptanceReport
    ],
    [
      "07-acceptance-report-keyAreas-2",
      { ...src, subProject: "keyAreas", attempt: 2 },
      ProjectDocuments.acceptanceReport
    ],
    ["07-acceptance-report-hazchem", { ...src, subProject: "hazchem" }, ProjectDocuments.acceptanceReport],
    ["08-audit-trail-extract", { events: stored, streamId: projectId, config }, ProjectDocuments.auditExtract]
  ]
  let written = 0
  for (const [name, input, build] of docs) {
    const doc = build(input)
    if (Either.isLeft(doc)) {
      line(red(`  ✗ ${name}: ${doc.left.message}`))
      continue
    }
    await writeDocument(outDir, name, doc.right, pdf)
    written++
    line(`  ${green("✓")} ${name}.{md,html,docx${pdf ? ",pdf" : ""}}`)
  }
  const ocds = ocdsExport(events, config, projectId, stored.at(-1)?.recordedAt ?? new Date().toISOString())
  if (Either.isRight(ocds)) {
    writeFileSync(join(outDir, "ocds-release-package.json"), JSON.stringify(ocds.right.releasePackage, null, 2))
    writeFileSync(join(outDir, "ocds-compiled-release.json"), JSON.stringify(ocds.right.compiled, null, 2))
    line(`  ${green("✓")} ocds-release-package.json, ocds-compiled-release.json`)
  } else {
    line(red(`  ✗ OCDS: ${ocds.left.message}`))
  }
  line(`  ${green("✓")} audit-trail.jsonl (${stored.length} lines)`)
  line()
  const ok = rejected === 0 && verified.ok && written === docs.length && Project.status(state) === "filed"
  line(ok ? green(bold("完成 / done")) : red(bold("有步骤未完成 / some steps failed")))
  if (input.json) {
    json({
      ok,
      status: Project.status(state),
      events: events.length,
      verified: verified.ok,
      documents: written,
      outDir,
      store: describeStore(choice)
    })
  }
  return ok ? 0 : 1
}

/** @internal */
export const command = Command.make("demo", spec, action(run)).pipe(
  Command.withDescription("运行示例方案全生命周期并输出全部文件 / run the seed plan end to end, write every document")
)
