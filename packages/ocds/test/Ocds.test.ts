import { describe, expect, it } from "@effect/vitest"
import { Money, type ProjectEvent } from "@gsyf/core"
import { Ocds } from "@gsyf/ocds"
import { Either } from "effect"
import { correctedEvents, seedEvents, seedParameters } from "./fixtures/lifecycle.js"

const projectId = "sample-2026"
const options = { projectId, parameters: seedParameters() }
const ocid = Ocds.ocids(projectId)

const releasesOf = (events: ReadonlyArray<ProjectEvent.Event>, extra: Record<string, unknown> = {}) =>
  Either.getOrThrowWith(Ocds.releases(events, { ...options, ...extra }), (e) => new Error(e.message))

/** The errors {@link Ocds.validate} finds in a package of these releases. */
const errorsOf = (rs: ReadonlyArray<unknown>) => {
  const pkg = Either.getOrThrow(
    Ocds.releasePackage(rs, {
      uri: "https://example.org/p.json",
      publishedDate: "2026-12-01T00:00:00Z",
      publisher: { name: "p" }
    })
  )
  return Either.getOrThrow(Ocds.validate(pkg)).issues.filter((i) => i.severity === "error").map((i) =>
    `${i.id} ${i.path} ${i.en}`
  )
}

const seed = seedEvents()
const seedReleases = releasesOf(seed.events)
const byOcid = (rs: ReadonlyArray<Ocds.Release>, o: string) => rs.filter((r) => r.ocid === o)
const find = (rs: ReadonlyArray<Ocds.Release>, o: string, tag: string) =>
  rs.filter((r) => r.ocid === o && r.tag.includes(tag))

describe("releases of the seed lifecycle", () => {
  it("are in date order, each process's tags in the releaseTag codelist's order", () => {
    expect(seedReleases.length).toBeGreaterThan(100)
    const dates = seedReleases.map((r) => Date.parse(r.date))
    expect(dates).toEqual([...dates].sort((a, b) => a - b))
    for (const o of [ocid.project, ocid.hazchem, ocid.keyAreas]) {
      const tags = byOcid(seedReleases, o).map((r) => r.tag)
      expect(tags[0]).toEqual(["planning"])
      const first = (t: string) => tags.findIndex((x) => x.includes(t))
      for (
        const [update, base] of [["planningUpdate", "planning"], ["tenderUpdate", "tender"], [
          "implementationUpdate",
          "implementation"
        ], ["contractTermination", "contract"]]
      ) {
        if (first(update!) !== -1) expect(first(base!)).toBeLessThan(first(update!))
      }
    }
    // the implementation plan's approval adds information: implementation, not an update of what came before
    for (const sub of ["keyAreas", "hazchem"] as const) {
      const approval = seed.events.find((e) => e._tag === "ImplementationPlanApproved" && e.subProject === sub)!
      expect(seedReleases.find((r) => r.id === `${ocid[sub]}-${approval.id}`)!.tag).toEqual(["implementation"])
      const stage = byOcid(seedReleases, ocid[sub]).filter((r) => r.tag.some((t) => t.startsWith("implementation")))
      expect(stage[0]!.tag).toContain("implementation")
    }
    // a correction or a second evaluation only changes what was published
    const reEvaluated = byOcid(seedReleases, ocid.keyAreas).find((r: any) => r.contracts?.[0]?.amendments)!
    expect(reEvaluated.tag).toEqual(["implementationUpdate", "contractUpdate"])
  })

  it("has stable ids: ocid from the project id, release ids <ocid>-<eventId>, unique, without #", () => {
    const eventIds = new Set(seed.events.map((e) => e.id))
    expect(new Set(seedReleases.map((r) => r.ocid))).toEqual(new Set([ocid.project, ocid.hazchem, ocid.keyAreas]))
    expect(ocid.project).toBe("ocds-gsyf00-sample-2026")
    for (const r of seedReleases) {
      expect(r.id.startsWith(`${r.ocid}-`)).toBe(true)
      expect(eventIds.has(r.id.slice(r.ocid.length + 1))).toBe(true)
      expect(r.id).not.toContain("#")
      expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+08:00$/)
    }
    expect(new Set(seedReleases.map((r) => r.id)).size).toBe(seedReleases.length)
    // the same events give the same releases
    expect(releasesOf(seedEvents().events)).toEqual(seedReleases)
    // a registered prefix replaces the local one
    const registered = releasesOf(seed.events, { ocidPrefix: "ocds-abc123" })
    expect(registered[0]!.ocid).toBe("ocds-abc123-sample-2026")
  })

  it("plans the budget with the sub-project split and the breakdown lines of the parameters", () => {
    const submitted = seed.events.find((e) => e._tag === "BudgetSubmitted") as Extract<
      ProjectEvent.Event,
      { _tag: "BudgetSubmitted" }
    >
    const [projectBudget] = find(seedReleases, ocid.project, "planningUpdate").filter((r) =>
      (r as any).planning?.budget !== undefined
    )
    const budget = (projectBudget as any).planning.budget
    expect(budget.amount).toEqual({ amount: Number(submitted.total.toString()), currency: "CNY" })
    expect(budget.budgetBreakdown.map((b: any) => [b.id, b.amount.amount])).toEqual([
      ["hazchem", 800000],
      ["keyAreas", 2200000]
    ])
    expect(budget.budgetBreakdown[0].period).toEqual({
      startDate: "2026-01-01T00:00:00+08:00",
      endDate: "2026-12-31T23:59:59+08:00"
    })
    // the sub-project's planning: its intention (采购意向) first, then its budget as a planning update
    const budgetOf = (o: string): any =>
      [...find(seedReleases, o, "planning"), ...find(seedReleases, o, "planningUpdate")].find((r: any) =>
        r.planning?.budget !== undefined
      )
    expect(find(seedReleases, ocid.keyAreas, "planning")[0]).toMatchObject({
      tender: { status: "planning", documents: [{ documentType: "plannedProcurementNotice" }] }
    })
    const keyAreasBudget = budgetOf(ocid.keyAreas).planning.budget
    const lines: ReadonlyArray<any> = keyAreasBudget.budgetBreakdown
    expect(lines.map((l) => l.amount.amount)).toEqual([1050000, 1150000])
    expect(lines.reduce((n, l) => n + l.amount.amount, 0)).toBe(keyAreasBudget.amount.amount)
    const hazchem = budgetOf(ocid.hazchem).planning
    const hazchemLines: ReadonlyArray<any> = hazchem.budget.budgetBreakdown
    // only the fund's money is in the budget and its breakdown, which add up
    expect(hazchem.budget.amount.amount).toBe(800000)
    expect(hazchemLines.map((l) => [l.amount.amount, l.sourceParty.id])).toEqual([[800000, "hrss-01"]])
    // the experts' fee, paid from the agency's own budget, is a separately funded cost
    expect(hazchem.separatelyFundedCosts).toEqual([
      expect.objectContaining({ category: "expertFee", amount: { amount: 24000, currency: "CNY" } })
    ])
    // the fund's source party carries the sourceParty role where it is referenced
    const parties = budgetOf(ocid.hazchem).parties
    expect(parties).toEqual([{ id: "hrss-01", name: "示例市人力资源和社会保障局", roles: ["funder", "sourceParty"] }])
    // key areas with GB/T 4754 codes (extension)
    const keyAreas = (find(seedReleases, ocid.project, "planning")[0] as any).planning.keyAreas
    expect(keyAreas.length).toBeGreaterThanOrEqual(3)
    expect(keyAreas.flatMap((k: any) => (k.classifications ?? []).map((c: any) => c.scheme))).toContain(
      "GB/T 4754-2017"
    )
    expect(keyAreas[0].classifications[0].description).toMatch(/^[A-T]/)
  })

  it("maps the two procurement methods to the closed method codelist with Chinese details and both periods", () => {
    const tenderOf = (o: string) =>
      (find(seedReleases, o, "tenderUpdate").find((r) => (r as any).tender?.status === "active") as any).tender
    const consultation = tenderOf(ocid.keyAreas)
    expect(consultation.procurementMethod).toBe("open")
    expect(consultation.procurementMethodDetails).toContain("竞争性磋商")
    expect(consultation.tenderPeriod).toEqual({
      startDate: "2026-03-25T00:00:00+08:00",
      endDate: "2026-04-07T23:59:59+08:00"
    })
    expect(consultation.awardCriteria).toBe("ratedCriteria")
    const review = tenderOf(ocid.hazchem)
    expect(review.procurementMethod).toBe("limited")
    expect(review.procurementMethodDetails).toContain("评审小组")
    expect(review.awardCriteria).toBe("qualityOnly")
    const publicity = (find(seedReleases, ocid.keyAreas, "tender")[0] as any).tender
    expect(publicity.status).toBe("planning")
    // 5 working days from Monday 2026-03-16 end on Monday 2026-03-23
    expect(publicity.enquiryPeriod.startDate).toBe("2026-03-16T00:00:00+08:00")
    expect(publicity.enquiryPeriod.endDate).toBe("2026-03-23T23:59:59+08:00")
    // a city inviting consultation suppliers from the database maps it to limited
    const overridden = releasesOf(seed.events, {
      methods: { "competitive-consultation": { method: "limited", details: "竞争性磋商(从供应商库随机抽取)" } }
    })
    expect(
      (find(overridden, ocid.keyAreas, "tenderUpdate").find((r) => (r as any).tender?.status === "active") as any)
        .tender.procurementMethod
    ).toBe("limited")
  })

  it("awards with the supplier in parties, the tenderers and the score summary", () => {
    const award = find(seedReleases, ocid.keyAreas, "award")[0] as any
    expect(award.awards[0].suppliers).toEqual([{ id: "sup-a", name: "示例安康安全咨询有限公司" }])
    expect(award.awards[0].value).toEqual({ amount: 2180000, currency: "CNY" })
    expect(award.awards[0].description).toContain("第1名 示例安康安全咨询有限公司")
    expect(award.tender.numberOfTenderers).toBe(3)
    const roles = Object.fromEntries(award.parties.map((p: any) => [p.id, p.roles]))
    // roles as far as the process has gone: the supplier is not yet a payee
    expect(roles["sup-a"]).toEqual(["tenderer", "supplier"])
    expect(roles["sup-b"]).toEqual(["tenderer"])
    expect(roles["agency-01"]).toEqual(["buyer", "procuringEntity"])
  })

  it("contracts with advance and balance payment milestones and publishes payments as transactions", () => {
    for (const [o, sub] of [[ocid.keyAreas, "keyAreas"], [ocid.hazchem, "hazchem"]] as const) {
      const contract = (find(seedReleases, o, "contract")[0] as any).contracts[0]
      const state = seed.state.subProjects[sub].contract!
      expect(contract.value.amount).toBe(Number(state.amount.toString()))
      const milestones = Object.fromEntries(contract.milestones.map((m: any) => [m.id, m]))
      expect(milestones.advance.type).toBe("payment")
      expect(milestones.advance.value.amount).toBe(Number(state.advance.toString()))
      expect(milestones.balance.value.amount).toBe(Number(state.balance.toString()))
      const payments = find(seedReleases, o, "implementation").filter((r: any) =>
        r.contracts[0].implementation.transactions !== undefined
      )
      expect(payments.map((r) => r.tag)).toEqual(payments.map(() => ["implementation", "contractUpdate"]))
      const transactions = payments.flatMap((r: any) => r.contracts[0].implementation.transactions)
      const paid = Money.sum(seed.state.subProjects[sub].payments.map((p) => p.amount))
      expect(transactions.reduce((n: number, t: any) => n + Math.round(t.value.amount * 100), 0)).toBe(
        Number(Money.toFen(paid))
      )
      expect(transactions.every((t: any) => t.payee.id === state.supplierId && t.value.currency === "CNY")).toBe(true)
    }
  })

  it("a contract without an advance has only the balance milestone", () => {
    const events = seed.events.filter((e) => !(e._tag === "PaymentMade" && e.kind === "advance")).map((e) =>
      e._tag === "ContractSigned" ? { ...e, advance: Money.zero, balance: e.amount } : e
    )
    const contract = (find(releasesOf(events), ocid.hazchem, "contract")[0] as any).contracts[0]
    expect(contract.milestones.map((m: any) => [m.id, m.value.amount])).toEqual([
      ["balance", Number(seed.state.subProjects.hazchem.contract!.amount.toString())]
    ])
  })

  it("records the failed acceptance with rectification, then the re-evaluation as an amendment naming the releases before and after", () => {
    const ka = byOcid(seedReleases, ocid.keyAreas)
    const failed = ka.find((r: any) =>
      r.contracts?.[0]?.implementation?.rectifications?.[0]?.status === "ordered"
    ) as any
    const rect = failed.contracts[0].implementation.rectifications[0]
    expect(rect.order.join()).toContain("门户网站")
    expect(rect.deadline).toMatch(/^2026-11-\d{2}T23:59:59\+08:00$/)
    const amended = ka.filter((r: any) => r.contracts?.[0]?.amendments !== undefined)
    expect(amended).toHaveLength(1)
    const amendment = (amended[0] as any).contracts[0].amendments[0]
    expect(amendment.releaseID).toBe(amended[0]!.id)
    const ids = ka.map((r) => r.id)
    expect(ids.indexOf(amendment.amendsReleaseID)).toBe(ids.indexOf(amendment.releaseID) - 1)
    expect(amendment.description).toContain(failed.id)
    // hazchem passed at once: no amendment
    expect(byOcid(seedReleases, ocid.hazchem).some((r: any) => r.contracts?.[0]?.amendments !== undefined)).toBe(false)
  })
})

describe("compiled releases", () => {
  const compiled = Either.getOrThrow(Ocds.compile(seedReleases))

  it("merge each process's releases: tagged compiled, dated as the latest release", () => {
    expect(compiled.map((c) => c.ocid)).toEqual([ocid.project, ocid.hazchem, ocid.keyAreas])
    for (const c of compiled) {
      expect(c.tag).toEqual(["compiled"])
      const latest = byOcid(seedReleases, c.ocid).map((r) => r.date).sort((a, b) => Date.parse(a) - Date.parse(b)).at(
        -1
      )
      expect(c.date).toBe(latest)
      expect(c.id).toBe(`${c.ocid}-${latest}`)
    }
  })

  it("keep the latest value of each field and merge arrays of objects by id", () => {
    const ka = compiled.find((c) => c.ocid === ocid.keyAreas) as any
    const contract = ka.contracts[0]
    expect(ka.contracts).toHaveLength(1)
    expect(contract.status).toBe("terminated")
    expect(ka.tender.status).toBe("complete")
    expect(ka.tender.procurementMethod).toBe("open")
    const milestones = Object.fromEntries(contract.milestones.map((m: any) => [m.id, m]))
    expect(milestones.advance.status).toBe("met")
    expect(milestones.balance.status).toBe("met")
    expect(milestones.balance.dueDate).toBeDefined()
    expect(milestones.balance.value.amount).toBe(1308000)
    const acceptance = contract.implementation.milestones.filter((m: any) => m.id === "acceptance")
    expect(acceptance).toHaveLength(1)
    expect(acceptance[0].status).toBe("met")
    expect(contract.implementation.transactions).toHaveLength(2)
    expect(contract.implementation.rectifications).toEqual([
      expect.objectContaining({ id: "attempt-1", status: "completed" })
    ])
    expect(contract.implementation.quotaResults.every((q: any) => q.met === true)).toBe(true)
    const parties = ka.parties.map((p: any) => p.id)
    expect(new Set(parties).size).toBe(parties.length)
    // every role a party is referenced under survives the merge
    const roles = Object.fromEntries(ka.parties.map((p: any) => [p.id, p.roles]))
    expect(roles["agency-01"]).toEqual(["buyer", "procuringEntity", "payer"])
    expect(roles["sup-a"]).toEqual(["tenderer", "supplier", "payee"])
    expect(roles["sup-b"]).toEqual(["tenderer"])
    const deliverables = contract.implementation.milestones.filter((m: any) => m.type === "delivery")
    expect(deliverables).toHaveLength(
      seed.events.filter((e) => e._tag === "DeliverableRecorded" && e.subProject === "keyAreas").length
    )
  })
})

describe("a corrected deliverable", () => {
  const corrected = correctedEvents()
  const rs = releasesOf(corrected.events)
  const correction = corrected.events.find((e) => e._tag === "DeliverableCorrected")!

  it("validates and is an amendment from the release before to the correction's release", () => {
    expect(errorsOf(rs)).toEqual([])
    const release = rs.find((r) => r.id === `${ocid.keyAreas}-${correction.id}`) as any
    expect(release.tag).toEqual(["implementationUpdate"])
    const amendment = release.contracts[0].amendments[0]
    expect(amendment.releaseID).toBe(release.id)
    const ka = byOcid(rs, ocid.keyAreas)
    expect(ka[ka.indexOf(release) - 1]!.id).toBe(amendment.amendsReleaseID)
    expect(amendment.rationale).toBe("文章标题录入错误")
  })

  it("replaces the deliverable milestone in the compiled release", () => {
    const compiled = Either.getOrThrow(Ocds.compile(rs)).find((c) => c.ocid === ocid.keyAreas) as any
    const milestone = compiled.contracts[0].implementation.milestones.find((m: any) =>
      m.id === `deliverable-${corrected.correctedId}`
    )
    expect(milestone.title).toContain("工伤预防在行动(更正)")
    expect(milestone.description).toContain("已更正")
    expect(compiled.contracts[0].amendments.map((a: any) => a.id)).toContain(correction.id)
  })
})

describe("the release package", () => {
  const exported = Either.getOrThrowWith(
    Ocds.fromStream(seed.events, {
      ...options,
      uri: "https://data.example.gov.cn/ocds/sample-2026.json",
      publishedDate: "2026-11-30T02:00:00Z",
      publisher: { name: "示例市社会保险事业服务中心", scheme: "CN-USCC", uid: "12000000000000000X" },
      license: "https://creativecommons.org/licenses/by/4.0/",
      publicationPolicy: "https://data.example.gov.cn/ocds/policy.html"
    }),
    (e) => new Error(e.message)
  )
  const pkg = exported.releasePackage

  it("has the required package fields, version 1.1 and the extensions", () => {
    for (const field of ["uri", "publisher", "publishedDate", "releases", "version"] as const) {
      expect(pkg[field]).toBeDefined()
    }
    expect(pkg.version).toBe("1.1")
    expect(pkg.publishedDate).toBe("2026-11-30T10:00:00+08:00")
    expect(pkg.publisher.name).toBe("示例市社会保险事业服务中心")
    expect(pkg.extensions).toEqual([Ocds.extensionUrls.budgetBreakdown, Ocds.extensionUrls.gsyf])
    expect(Ocds.extensionUrls.gsyf).toMatch(
      /^https:\/\/unpkg\.com\/@gsyf\/ocds@\d+\.\d+\.\d+\/extension\/extension\.json$/
    )
    expect(pkg.releases).toEqual(seedReleases)
    expect(exported.compiled).toHaveLength(3)
    // the package's own fields: a uri, dates, URLs
    for (const u of [pkg.uri, pkg.license!, pkg.publicationPolicy!, ...pkg.extensions]) {
      expect(() => new URL(u)).not.toThrow()
    }
    expect(errorsOf(pkg.releases)).toEqual([])
  })

  it("rejects bad options with field paths in Chinese and English", () => {
    const bad = Ocds.fromStream(seed.events, {
      ...options,
      ocidPrefix: "gsyf",
      uri: "not a url",
      publishedDate: "2026-11-30",
      publisher: { name: "x" }
    })
    expect(Either.isLeft(bad)).toBe(true)
    const left = (bad as Either.Left<any, any>).left
    expect(left._tag).toBe("InvalidInput")
    expect(left.issues.map((i: any) => i.path)).toEqual(["ocidPrefix"])
    expect(left.issues[0].zh).toContain("ocid 前缀")
    const unknownField = Ocds.fromStream(seed.events, { ...options, prefix: "ocds-abc123" })
    expect(
      Either.isLeft(unknownField) && unknownField.left._tag === "InvalidInput" && unknownField.left.issues[0]!.path
    ).toBe("prefix")
    const pkgBad = Ocds.releasePackage(seedReleases, { uri: "not a url", publishedDate: "2026-11-30", publisher: {} })
    expect(Either.isLeft(pkgBad) && pkgBad.left._tag === "InvalidInput" && pkgBad.left.issues.map((i) => i.path).sort())
      .toEqual([
        "publishedDate",
        "publisher.name",
        "uri"
      ])
  })
})
