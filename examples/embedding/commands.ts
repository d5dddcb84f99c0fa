/**
 * The first steps of the seed plan as plain command objects — what a host
 * system would send: key areas, the member units' opinions, the plan, the
 * budget and the start of the requirement publicity.
 */
const at = (date: string) => `${date}T09:30:00+08:00`
const bureau = { id: "hrss-01", name: "王局长", organisation: "示例市人力资源和社会保障局", role: "hrss-bureau" }
const units = [
  "hr",
  "industry-it",
  "finance",
  "emergency-management",
  "health",
  "housing-construction",
  "transport",
  "trade-union"
]

export const firstSteps = (prefix: string): Array<Record<string, unknown>> => [
  {
    _tag: "SelectKeyAreas",
    commandId: `${prefix}-1`,
    actor: bureau,
    at: at("2026-01-15"),
    top: 2,
    stats: [
      ["C", 120, "3.1", 14, 3, 9, "5200000", "61000000"],
      ["E", 95, "4.2", 2, 5, 11, "4800000", "30000000"],
      ["G", 60, "2.9", 3, 2, 4, "2100000", "22000000"]
    ].flatMap((
      [code, accidents, accidentRate, occupationalDiseaseCases, deaths, disabilityGrades1to4, fundPayout, contributions]
    ) =>
      ["prior-year", "first-half"].map((period) => ({
        code,
        period,
        accidents: period === "prior-year" ? accidents : Math.round(Number(accidents) / 2),
        accidentRate,
        occupationalDiseaseCases,
        deaths,
        disabilityGrades1to4,
        fundPayout,
        contributions
      }))
    )
  },
  ...units.map((unit, i) => ({
    _tag: "RecordMemberOpinion",
    commandId: `${prefix}-opinion-${unit}`,
    actor: { id: `unit-${unit}`, name: unit, organisation: `示例市${unit}`, role: "member-unit", unit },
    at: at(`2026-02-0${2 + (i % 4)}`),
    opinion: "同意",
    agrees: true
  })),
  {
    _tag: "IssuePlan",
    commandId: `${prefix}-plan`,
    actor: { id: "cmte", name: "委员会办公室", organisation: "示例市工伤预防委员会", role: "committee" },
    at: at("2026-02-10"),
    documentNumber: "示工伤预防委〔2026〕1号"
  },
  { _tag: "SubmitBudget", commandId: `${prefix}-budget`, actor: bureau, at: at("2026-03-02") },
  {
    _tag: "ApproveBudget",
    commandId: `${prefix}-approve`,
    actor: { id: "fin-01", name: "李科长", organisation: "示例市财政局", role: "finance-bureau" },
    at: at("2026-03-10")
  },
  {
    _tag: "StartPublicity",
    commandId: `${prefix}-publicity`,
    actor: { id: "agency-01", name: "赵主任", organisation: "示例市社会保险事业服务中心", role: "agency" },
    at: at("2026-09-29"),
    subProject: "keyAreas",
    startsOn: "2026-09-29"
  }
]
