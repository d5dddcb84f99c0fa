/**
 * Named checkpoints of the seed lifecycle (示例市 2026, the plan of
 * `examples/scenarios/seed/`), shipped with the package: a scenario writes
 * `from: seed@budget-approved` and starts from the state the seed plan has
 * reached at that step, with its parameters, plugins and actors (`bureau`,
 * `committee`, `finance`, `agency`, `providerA`…, `expert1`…, `unit-hr`…).
 * There is one checkpoint for each step of the plan, both sub-projects at the
 * same step where the seed has them so.
 *
 * A checkpoint runs the seed's stage files up to the stage it belongs to (each
 * checked by its own expectations), then the steps of that stage it names
 * (their expectations are the stage file's business, so they are not checked
 * again). A scenario's `parameters: { overlay: … }` changes parameters of a
 * checkpoint for that scenario only.
 *
 * @since 0.2.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { parse as parseYaml, stringify } from "yaml"
import { seedFiles } from "./internal/seedFiles.js"

/**
 * One named checkpoint.
 *
 * @since 0.2.0
 * @category models
 */
export interface Checkpoint {
  /** The name after `seed@`. */
  readonly name: string
  /** The plan section it belongs to (实施方案 三(一)…三(九)). */
  readonly section: string
  /** The seed stage file whose steps lead to it (under `examples/scenarios/seed/`). */
  readonly stage: string
  /** The stage's steps run (1-based, in the file's order), or all of them. */
  readonly steps: ReadonlyArray<number> | "all"
  /** The date of the last act. */
  readonly date: string
  /** The project's `status` at the checkpoint (as in the {@link StateView}). */
  readonly status: string
  /** What holds at the checkpoint. */
  readonly zh: string
  readonly en: string
}

const range = (from: number, to: number): ReadonlyArray<number> =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)

/**
 * The lifecycle the checkpoints belong to: `seed` (the sample city's 2026 plan).
 *
 * @since 0.2.0
 * @category constants
 */
export const lifecycle = "seed"

/**
 * Every checkpoint, in the order of the plan.
 *
 * @since 0.2.0
 * @category constants
 */
export const checkpoints: ReadonlyArray<Checkpoint> = [
  {
    name: "key-areas-selected",
    section: "三(一)",
    stage: "01-planning.yaml",
    steps: [1],
    date: "2026-01-15",
    status: "key-areas-selected",
    zh: "重点领域已按加权排序选定(建筑业、制造业、有色金属矿采选业和危险化学品相关行业)",
    en: "key areas selected by the weighted ranking (E, C, B09 and the hazardous-chemicals area)"
  },
  {
    name: "opinions-recorded",
    section: "三(二)",
    stage: "01-planning.yaml",
    steps: range(1, 9),
    date: "2026-02-05",
    status: "key-areas-selected",
    zh: "八家成员单位的意见均已记录(均同意)",
    en: "the eight member units' opinions recorded (all agree)"
  },
  {
    name: "plan-issued",
    section: "三(二)",
    stage: "01-planning.yaml",
    steps: range(1, 10),
    date: "2026-02-10",
    status: "plan-issued",
    zh: "工伤预防委员会已印发实施方案(示工伤预防委〔2026〕1号)",
    en: "the committee has issued the plan (示工伤预防委〔2026〕1号)"
  },
  {
    name: "key-enterprises-listed",
    section: "三(二)",
    stage: "01-planning.yaml",
    steps: "all",
    date: "2026-02-12",
    status: "plan-issued",
    zh: "重点企业名单已提供,可以报送预算",
    en: "the key-enterprise list provided: the budget can be submitted"
  },
  {
    name: "budget-submitted",
    section: "三(三)",
    stage: "02-budget.yaml",
    steps: [1],
    date: "2026-03-02",
    status: "budget-submitted",
    zh: "预算(300万元:危化80万元、重点领域220万元)已报送财政局",
    en: "the budget (300万元: hazchem 80, key areas 220) submitted to the finance bureau"
  },
  {
    name: "budget-approved",
    section: "三(三)",
    stage: "02-budget.yaml",
    steps: "all",
    date: "2026-03-10",
    status: "budget-approved",
    zh: "财政局已批准预算",
    en: "the budget approved by the finance bureau"
  },
  {
    name: "publicity-started",
    section: "三(四)",
    stage: "03-publicity.yaml",
    steps: [1, 2],
    date: "2026-03-16",
    status: "procurement",
    zh: "两个子项目的采购需求自2026-03-16起公示(5个工作日,至2026-03-23)",
    en: "both sub-projects' requirements publicised from 2026-03-16 (5 working days, to 2026-03-23)"
  },
  {
    name: "objection-recorded",
    section: "三(四)",
    stage: "03-publicity.yaml",
    steps: [1, 2, 3],
    date: "2026-03-18",
    status: "procurement",
    zh: "重点领域子项目公示期内收到一条异议,尚未答复",
    en: "an objection to the key-areas publicity received, not yet resolved"
  },
  {
    name: "objection-resolved",
    section: "三(四)",
    stage: "03-publicity.yaml",
    steps: "all",
    date: "2026-03-20",
    status: "procurement",
    zh: "异议已答复,公示无未决事项",
    en: "the objection resolved: nothing pending in the publicity"
  },
  {
    name: "procurement-started",
    section: "三(五)",
    stage: "04-procurement.yaml",
    steps: [1, 12],
    date: "2026-03-25",
    status: "procurement",
    zh: "两个子项目均已发出采购文件(重点领域竞争性磋商、危化方案评审)",
    en: "both sub-projects' procurement started (key areas by consultation, hazchem by panel review)"
  },
  {
    name: "bids-submitted",
    section: "三(五)",
    stage: "04-procurement.yaml",
    steps: [...range(1, 4), ...range(12, 14)],
    date: "2026-04-03",
    status: "procurement",
    zh: "响应文件已提交(重点领域3家、危化2家)",
    en: "bids submitted (three for key areas, two for hazchem)"
  },
  {
    name: "panel-appointed",
    section: "三(五)",
    stage: "04-procurement.yaml",
    steps: [...range(1, 5), ...range(12, 15)],
    date: "2026-04-07",
    status: "procurement",
    zh: "两个子项目的评审小组已组成(各5名专家)",
    en: "both review panels appointed (five experts each)"
  },
  {
    name: "scored",
    section: "三(五)",
    stage: "04-procurement.yaml",
    steps: [...range(1, 10), ...range(12, 20)],
    date: "2026-04-08",
    status: "procurement",
    zh: "全部专家已评分,尚未确定成交供应商",
    en: "every expert has scored; no award yet"
  },
  {
    name: "awarded",
    section: "三(五)",
    stage: "04-procurement.yaml",
    steps: "all",
    date: "2026-04-10",
    status: "procurement",
    zh: "两个子项目均已确定成交供应商并公告成交结果",
    en: "both sub-projects awarded and their results published"
  },
  {
    name: "contract-signed",
    section: "三(六)",
    stage: "05-contracting.yaml",
    steps: [1, 2],
    date: "2026-04-20",
    status: "implementation",
    zh: "两份合同已签订(重点领域218万元、危化78万元)",
    en: "both contracts signed (key areas 2 180 000 yuan, hazchem 780 000 yuan)"
  },
  {
    name: "advance-paid",
    section: "三(六)",
    stage: "05-contracting.yaml",
    steps: range(1, 4),
    date: "2026-04-27",
    status: "implementation",
    zh: "两份合同的预付款(40%)已支付",
    en: "both advances (40%) paid"
  },
  {
    name: "implementation-plan-approved",
    section: "三(七)",
    stage: "05-contracting.yaml",
    steps: "all",
    date: "2026-04-27",
    status: "implementation",
    zh: "两个子项目的实施计划已审核通过(预付款已支付),可以开始实施",
    en: "both implementation plans approved (advances paid): delivery can start"
  },
  {
    name: "designs-approved",
    section: "三(七)",
    stage: "06-delivery.yaml",
    steps: range(1, 18),
    date: "2026-05-12",
    status: "implementation",
    zh: "六份宣传材料设计稿已审核通过,首批成果已登记",
    en: "six material designs approved and the first deliverables recorded"
  },
  {
    name: "delivered",
    section: "三(八)",
    stage: "06-delivery.yaml",
    steps: "all",
    date: "2026-10-16",
    status: "implementation",
    zh: "成果全部登记,月度简报按时报送,抽查和进度报告已完成",
    en: "every deliverable recorded, monthly briefings on time, spot checks and the progress report done"
  },
  {
    name: "acceptance-applied",
    section: "三(九)",
    stage: "07-acceptance.yaml",
    steps: [1, 5],
    date: "2026-10-21",
    status: "acceptance",
    zh: "两个子项目均已申请验收",
    en: "both sub-projects applied for acceptance"
  },
  {
    name: "acceptance-failed",
    section: "三(九)",
    stage: "07-acceptance.yaml",
    steps: [1, 2, 5, 6],
    date: "2026-10-23",
    status: "acceptance",
    zh: "危化子项目验收合格;重点领域子项目验收不合格(门户网站推送18篇,要求20篇),限期整改至2026-11-13",
    en: "hazchem accepted; key areas failed (18 of 20 portal articles), rectification due 2026-11-13"
  },
  {
    name: "rectified",
    section: "三(九)",
    stage: "07-acceptance.yaml",
    steps: [1, 2, 5, 6, 7, 8, 9],
    date: "2026-10-30",
    status: "acceptance",
    zh: "重点领域已补齐推送并再次申请验收",
    en: "key areas rectified (two more articles) and applied again"
  },
  {
    name: "accepted",
    section: "三(九)",
    stage: "07-acceptance.yaml",
    steps: [1, 2, 5, 6, 7, 8, 9, 10],
    date: "2026-11-04",
    status: "accepted",
    zh: "两个子项目均验收合格,尾款未付",
    en: "both sub-projects accepted; balances not yet paid"
  },
  {
    name: "balance-paid",
    section: "三(九)",
    stage: "07-acceptance.yaml",
    steps: [1, 2, 3, 5, 6, 7, 8, 9, 10, 11],
    date: "2026-11-16",
    status: "accepted",
    zh: "两份合同的尾款(60%)已支付,验收报告尚未备案",
    en: "both balances (60%) paid; no acceptance report filed yet"
  },
  {
    name: "filed",
    section: "三(九)",
    stage: "07-acceptance.yaml",
    steps: "all",
    date: "2026-11-20",
    status: "filed",
    zh: "验收报告均已备案,项目结束",
    en: "both acceptance reports filed: the project is closed"
  }
]

/**
 * A checkpoint by name (without the `seed@` prefix).
 *
 * @since 0.2.0
 * @category getters
 */
export const get = (name: string): Checkpoint | undefined => checkpoints.find((c) => c.name === name)

/**
 * Whether a `from:` value names a checkpoint (`seed@…`) rather than a file.
 *
 * @since 0.2.0
 * @category getters
 */
export const isReference = (from: string): boolean => from.startsWith(`${lifecycle}@`)

/**
 * The stages of the seed lifecycle in order.
 *
 * @since 0.2.0
 * @category constants
 */
export const stages: ReadonlyArray<string> = [
  "01-planning.yaml",
  "02-budget.yaml",
  "03-publicity.yaml",
  "04-procurement.yaml",
  "05-contracting.yaml",
  "06-delivery.yaml",
  "07-acceptance.yaml"
]

/**
 * Why no scenario can be written from a checkpoint: the name is unknown, or nothing follows it.
 *
 * @since 0.2.0
 * @category errors
 */
export class TemplateError extends Schema.TaggedError<TemplateError>()("TemplateError", {
  checkpoint: Schema.String,
  zh: Schema.String,
  en: Schema.String
}) {
  /** The reason in English, then in Chinese. */
  override get message(): string {
    return `${this.en} / ${this.zh}`
  }
}

const stageSteps = (stage: string): ReadonlyArray<unknown> =>
  (parseYaml(seedFiles.get(`/scenarios/seed/${stage}`)!) as { readonly steps: ReadonlyArray<unknown> }).steps

const stepsOf = (c: Checkpoint): ReadonlyArray<number> =>
  c.steps === "all" ? stageSteps(c.stage).map((_, i) => i + 1) : c.steps

/** The seed step that leads from a checkpoint towards the next one: its stage and 1-based number. */
const nextStep = (c: Checkpoint): { readonly stage: string; readonly step: number } | undefined => {
  const next = checkpoints[checkpoints.indexOf(c) + 1]
  if (next === undefined) return undefined
  const done = next.stage === c.stage ? new Set(stepsOf(c)) : new Set<number>()
  const step = Math.min(...stepsOf(next).filter((n) => !done.has(n)))
  return { stage: next.stage, step }
}

/**
 * A scenario file that starts at a checkpoint, to be edited into a case: its one step is the seed plan's next
 * step from there (with the seed's expectations), so the file passes as written. `gsyf new-scenario` writes it.
 *
 * @since 0.2.0
 * @category constructors
 */
export const template = (name: string): Either.Either<string, TemplateError> => {
  const c = get(name.replace(new RegExp(`^${lifecycle}@`), ""))
  if (c === undefined) {
    return Either.left(
      new TemplateError({
        checkpoint: name,
        zh: `没有名为 ${name} 的检查点(可用:${checkpoints.map((x) => x.name).join("、")})`,
        en: `no checkpoint named ${name} (known: ${checkpoints.map((x) => x.name).join(", ")})`
      })
    )
  }
  const next = nextStep(c)
  if (next === undefined) {
    return Either.left(
      new TemplateError({
        checkpoint: name,
        zh: `${lifecycle}@${c.name} 是种子计划的最后一个检查点,其后没有步骤`,
        en: `${lifecycle}@${c.name} is the seed plan's last checkpoint: no step follows it`
      })
    )
  }
  const step = stageSteps(next.stage)[next.step - 1]
  const body = stringify(
    {
      name: `${c.section} from ${lifecycle}@${c.name}`,
      description: `${c.section}: ${c.en}; then the seed plan's next step (${next.stage}, step ${next.step}).`,
      from: `${lifecycle}@${c.name}`,
      steps: [step]
    },
    { lineWidth: 0, flowCollectionPadding: true }
  )
  return Either.right(
    [
      `# 从检查点 ${lifecycle}@${c.name} 开始(${c.date}):${c.zh}。`,
      `# Starts at ${lifecycle}@${c.name} (${c.date}): ${c.en}.`,
      "# The step is the seed plan's next one, so the file passes as written: change its input and",
      "# expectations to the case you test (docs/guides/scenarios.md).",
      body
    ].join("\n")
  )
}
