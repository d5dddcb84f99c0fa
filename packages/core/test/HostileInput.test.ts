// Hostile input at the public entries: each case replays an attack that 0.1 let through (see the comments) and
// shows it refused with a typed, bilingual error naming the field, nothing written.
import { describe, expect, it } from "@effect/vitest"
import { ChinaHolidays } from "@gsyf/calendar-cn"
import { Calendar, Client, EventStore, InputError, KeyAreas, Lifecycle, Money, Parameter, Plugin } from "@gsyf/core"
import { Either } from "effect"
import { seedCommand, tagIs } from "./fixtures/gwt.js"
import { seedParameterFile } from "./fixtures/seed.js"

const nested = (depth: number, leaf: unknown = "x"): unknown => {
  let v = leaf
  for (let i = 0; i < depth; i++) v = [v]
  return v
}
const plan = seedParameterFile() as { readonly parameters: Record<string, unknown> }
const withParameters = (values: Record<string, unknown>) => ({ ...plan, parameters: { ...plan.parameters, ...values } })
const issuesOf = (r: Either.Either<unknown, InputError.InvalidInput>) =>
  Either.isLeft(r) ? r.left.issues.map((i) => [i.path, i.en]) : []

describe("nesting depth", () => {
  const list = seedCommand(tagIs("ProvideKeyEnterpriseList"))

  it("a deeply nested command is InvalidInput at its path, not a RangeError", () => {
    // 0.1 threw `RangeError: Maximum call stack size exceeded` from InputError's preview of the value.
    const r = Lifecycle.decodeCommandInput({ ...list, enterprises: nested(100_000) })
    expect(Either.isLeft(r)).toBe(true)
    const [[path, en]] = issuesOf(r) as [[string, string]]
    expect(path).toMatch(/^enterprises(\[0\])+$/)
    expect(en).toBe(`nested more than ${InputError.maxDepth} levels deep`)
    // just under the limit, the ordinary message, with a bounded preview of the value
    const shallow = Lifecycle.decodeCommandInput({ ...list, enterprises: [nested(30)] })
    expect(issuesOf(shallow)[0]![1]).toMatch(/^expected string, got \[\[\[/)
    expect(issuesOf(shallow)[0]![1]!.length).toBeLessThan(100)
  })

  it("deeply nested parameters are refused by Parameter.load and by Client.make as a ConfigurationError", async () => {
    const r = Parameter.load(withParameters({ "plan.fiscalYear": nested(10_000, 2026) }))
    expect(issuesOf(r)[0]).toEqual([
      expect.stringMatching(/^parameters\.plan\.fiscalYear(\[0\])+$/),
      `nested more than ${InputError.maxDepth} levels deep`
    ])
    const made = Client.make({
      parameters: withParameters({ "plan.fiscalYear": nested(10_000, 2026) }),
      calendar: ChinaHolidays.calendar,
      store: (projections) => EventStore.layerMemory({ projections })
    })
    await expect(made).rejects.toBeInstanceOf(Client.ConfigurationError)
  })
})

describe("objects that cannot be read as a value", () => {
  // JSON can write an object whose own `toString` is not a function; 0.2's parser, meeting one where it looks up a
  // tag, threw `TypeError: Cannot convert object to primitive value` instead of reporting the field.
  const unreadable = JSON.parse("{\"toString\": false}") as unknown
  const unreadableIssue = "an object with a field named toString that is not a function cannot be read as a value"

  it("as a command's tag or a deliverable's evidence tag: InvalidInput at that path", () => {
    const opinion = seedCommand(tagIs("RecordMemberOpinion"))
    expect(issuesOf(Lifecycle.decodeCommandInput({ ...opinion, _tag: unreadable }))).toEqual([[
      "_tag",
      unreadableIssue
    ]])
    const deliverable = seedCommand(tagIs("RecordDeliverable"))
    const evidence = { ...(deliverable.evidence as object), _tag: unreadable }
    expect(issuesOf(Lifecycle.decodeCommandInput({ ...deliverable, evidence }))).toEqual([[
      "evidence._tag",
      unreadableIssue
    ]])
  })

  it("in a parameter file and a holiday notice: refused the same way", () => {
    expect(issuesOf(Parameter.load(withParameters({ "plan.fiscalYear": unreadable })))).toEqual([[
      "parameters.plan.fiscalYear",
      unreadableIssue
    ]])
    expect(issuesOf(Calendar.decodeHolidayYear({ year: unreadable }))).toEqual([["year", unreadableIssue]])
  })

  it("a field named toString is refused only when it cannot serve: a function is left to the schema", () => {
    const opinion = seedCommand(tagIs("RecordMemberOpinion"))
    const r = Lifecycle.decodeCommandInput({ ...opinion, toString: () => "x" })
    expect(issuesOf(r).map(([path]) => path)).toEqual(["toString"])
    expect(issuesOf(r)[0]![1]).not.toBe(unreadableIssue)
  })
})

describe("money", () => {
  const yuan = (s: string) => Either.isRight(Money.fromYuan(s))

  it("more digits than any budget has are refused, never rounded", () => {
    // 0.1 rounded a 45-digit amount to 40 significant digits without a word.
    const r = Money.fromYuan("1".repeat(45))
    expect(Either.isLeft(r) && r.left.en).toMatch(/too many digits|out of range/)
    expect(yuan("9".repeat(Money.maxIntegerDigits) + ".99")).toBe(true)
    expect(yuan("1" + "0".repeat(Money.maxIntegerDigits))).toBe(false)
    expect(Either.isLeft(Money.fromWan("1" + "0".repeat(12)))).toBe(true) // 10^12 万元 = 10^16 元
  })

  it("thousands separators only where they belong", () => {
    // 0.1 read "1,,0,0" as 100.00.
    for (const bad of ["1,,0,0", "1,0", "12,34.00", ",100", "100,", "1,000,00", "1.000,00"]) {
      expect(yuan(bad)).toBe(false)
    }
    expect(Money.fromYuan("1,234,567.89")).toEqual(Either.right(Money.unsafeYuan("1234567.89")))
    expect(yuan("1234567.89")).toBe(true)
  })

  it("a payment of a 41-digit amount is refused at its field", () => {
    const pay = seedCommand(tagIs("MakePayment"))
    const r = Lifecycle.decodeCommandInput({ ...pay, amount: "1".repeat(41) })
    expect(issuesOf(r).map(([p]) => p)).toEqual(["amount"])
  })
})

describe("names", () => {
  const opinion = seedCommand(tagIs("RecordMemberOpinion")) as { readonly actor: Record<string, unknown> }

  it("a name made only of zero-width or format characters is refused", () => {
    // 0.1 accepted an actor named "\u200b\u200b".
    for (const invisible of ["\u200b\u200b", "\u200d", "\ufeff", " \u2060 ", "\u202e"]) {
      const r = Lifecycle.decodeCommandInput({ ...opinion, actor: { ...opinion.actor, name: invisible } })
      expect(issuesOf(r).map(([p]) => p)).toEqual(["actor.name"])
    }
    const text = Lifecycle.decodeCommandInput({ ...opinion, opinion: "\u200b" })
    expect(issuesOf(text).map(([p]) => p)).toEqual(["opinion"])
  })

  it("names are read in NFC: a decomposed and a precomposed spelling are one name", () => {
    const decomposed = Either.getOrThrow(
      Lifecycle.decodeCommandInput({ ...opinion, actor: { ...opinion.actor, name: "Jose\u0301" } })
    )
    expect(decomposed.actor.name).toBe("Jos\u00e9")
  })
})

describe("periods and counts", () => {
  it("a publicity of 1e308 days is refused, with its path", () => {
    // 0.1 accepted it, and `gsyf plan` passed.
    const r = Parameter.load(withParameters({ "publicity.length": 1e308 }))
    expect(issuesOf(r)).toEqual([["parameters.publicity.length", "must not exceed 1,000,000"]])
  })

  it("a deliverable counting 1e308 people is refused", () => {
    const record = seedCommand(tagIs("RecordDeliverable")) as { readonly evidence: Record<string, unknown> }
    const r = Lifecycle.decodeCommandInput({ ...record, evidence: { ...record.evidence, enterprises: 1e308 } })
    expect(issuesOf(r)).toEqual([["evidence.enterprises", "must not exceed 1,000,000"]])
  })

  it("a count above 2^53 − 1 (already rounded by the JSON reader) is refused, not taken as another number", () => {
    const select = seedCommand(tagIs("SelectKeyAreas")) as { readonly stats: ReadonlyArray<Record<string, unknown>> }
    const text = JSON.stringify({ stats: select.stats, top: 3 })
    const rounded = JSON.parse(text.replace("\"accidents\":120,", "\"accidents\":9007199254740993,"))
    expect(issuesOf(KeyAreas.select(rounded))).toEqual([[
      "stats[0].accidents",
      "is above 9007199254740991 and cannot be held exactly"
    ]])
    const largest = JSON.parse(text.replace("\"accidents\":120,", "\"accidents\":9007199254740991,"))
    expect(Either.isRight(KeyAreas.select(largest))).toBe(true)
  })
})

describe("lone surrogates", () => {
  // JSON can write a lone UTF-16 surrogate ("\ud800"). One in a command id or a project id used to be accepted and
  // stored; the store's UTF-8 could not hold it, so the honest record failed its own verification ("event content was
  // altered") on SQLite and PostgreSQL alike, and a checkpoint could no longer be taken.
  const first = seedCommand(tagIs("SelectKeyAreas")) as Record<string, unknown>
  const surrogateIssue = "the text has a lone surrogate (it is not valid Unicode)"

  it("in any string or key of a command: InvalidInput at its path", () => {
    expect(issuesOf(Lifecycle.decodeCommandInput({ ...first, commandId: "x\ud800" }))).toEqual([[
      "commandId",
      surrogateIssue
    ]])
    const actor = first["actor"] as Record<string, unknown>
    expect(issuesOf(Lifecycle.decodeCommandInput({ ...first, actor: { ...actor, name: "王\udc00" } }))).toEqual([[
      "actor.name",
      surrogateIssue
    ]])
    expect(issuesOf(Lifecycle.decodeCommandInput({ ...first, ["k\ud800"]: 1 }))).toEqual([["", surrogateIssue]])
    // a well-formed pair is text like any other
    expect(Either.isRight(Lifecycle.decodeCommandInput({ ...first, commandId: "x\ud83d\ude00" }))).toBe(true)
  })

  it("in a parameter file: InvalidInput at its path", () => {
    expect(issuesOf(Parameter.load(withParameters({ "plan.city": "示例\ud800市" })))).toEqual([[
      "parameters.plan.city",
      surrogateIssue
    ]])
  })

  it("in a project id or command id through the client: rejected, nothing written, the store still verifies", async () => {
    const client = await Client.make({
      parameters: plan,
      calendar: ChinaHolidays.calendar,
      store: (projections) => EventStore.layerMemory({ projections })
    })
    const byId = await client.execute("p1", { ...first, commandId: "x\ud800" })
    expect(byId.ok).toBe(false)
    const byProject = await client.execute("p\udc00", { ...first, commandId: "ok-id" })
    expect(byProject.ok ? [] : byProject.rejection.issues.map((i) => i.path)).toEqual(["streamId"])
    expect((await client.verify("p1")).ok).toBe(true)
    expect(await client.list()).toEqual([])
    await client.close()
  })
})

describe("objects a host builds that cannot be read", () => {
  it("a getter or a proxy that throws is InvalidInput at its object, not the raw error", async () => {
    const first = seedCommand(tagIs("SelectKeyAreas")) as Record<string, unknown>
    const actor = Object.defineProperty({ ...(first["actor"] as object) }, "name", {
      enumerable: true,
      get: () => {
        throw new Error("the directory is down")
      }
    })
    const reading = [["actor", "reading this object threw an error"]]
    expect(issuesOf(Lifecycle.decodeCommandInput({ ...first, actor }))).toEqual(reading)
    const proxy = new Proxy({ ...first }, {
      ownKeys: () => {
        throw new Error("no keys")
      }
    })
    expect(issuesOf(Lifecycle.decodeCommandInput(proxy))).toEqual([["", "reading this object threw an error"]])
    const client = await Client.make({
      parameters: plan,
      calendar: ChinaHolidays.calendar,
      store: (projections) => EventStore.layerMemory({ projections })
    })
    const r = await client.execute("p1", { ...first, actor })
    expect(r.ok ? [] : r.rejection.issues.map((i) => [i.path, i.en])).toEqual(reading)
    expect(await client.list()).toEqual([])
    await client.close()
  })
})

describe("a plugin's event hook", () => {
  // `onEvent` is typed `(event) => void`, which an `async` function satisfies. Its rejection used to escape the
  // try/catch around the call and, unhandled, ended the host's process (an HTTP server included) after the commit.
  it("an async hook that rejects neither fails the command nor leaves an unhandled rejection", async () => {
    const unhandled: Array<unknown> = []
    const record = (reason: unknown) => void unhandled.push(reason)
    process.on("unhandledRejection", record)
    try {
      const failing = Plugin.make({ name: "failing-hook", version: "1.0.0", description: "rejects later" }, {
        onEvent: async () => {
          throw new Error("the notification service is down")
        }
      })
      const client = await Client.make({
        parameters: plan,
        calendar: ChinaHolidays.calendar,
        plugins: [failing],
        store: (projections) => EventStore.layerMemory({ projections })
      })
      const r = await client.execute("p1", seedCommand(tagIs("SelectKeyAreas")))
      expect(r.ok).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(unhandled).toEqual([])
      expect((await client.verify("p1")).ok).toBe(true)
      await client.close()
    } finally {
      process.off("unhandledRejection", record)
    }
  })
})
