/**
 * Hostile scenario files: each attack is reproduced as a file and must end in a typed, bilingual
 * ScenarioError naming the file (and the line where it makes sense) instead of a hang, a crash or a
 * leak of another file's characters.
 */
import { describe, expect, it } from "@effect/vitest"
import { Scenario } from "@gsyf/scenarios"
import { Effect, Either } from "effect"
import { fileURLToPath } from "node:url"
import { runEither, scratch, withCalendar } from "./files.js"

const plans = fileURLToPath(new URL("../../../examples/plans/seed-2026.yaml", import.meta.url))
const { write } = scratch("hostile")

/** The load error, or the configuration error of running the scenario (parameter files are read then). */
const errorOf = (file: string, options: Scenario.LoadOptions = {}): Scenario.ScenarioError => {
  const r = runEither(file, { ...withCalendar, ...options })
  if (Either.isRight(r)) throw new Error(`expected ${file} to fail`)
  return r.left
}

/** The classic "billion laughs": nine levels of nine aliases, about 530 bytes, 9^9 values once expanded. */
const aliasBomb = (): string => {
  const lines = [`a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`]
  const names = "abcdefghi"
  for (let i = 1; i < names.length; i++) {
    const p = names[i - 1]
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${p}`).join(",")}]`)
  }
  return `name: bomb\ndescription: x\n${lines.join("\n")}\n`
}

describe("YAML aliases", () => {
  it("an alias bomb of about 530 bytes stops at the expansion limit, naming the alias's line", () => {
    const text = aliasBomb()
    expect(text.length).toBeLessThan(600)
    const e = errorOf(write(text))
    expect(e.issues).toHaveLength(1)
    const issue = e.issues[0]!
    expect(issue.code).toBe("too-many-values")
    expect(issue.line).toBeGreaterThan(3)
    expect(issue.en).toContain(String(Scenario.defaultLimits.maxValues))
    expect(issue.zh).toMatch(/别名/)
  })

  it("more aliases than allowed in one file", () => {
    const refs = Array.from({ length: 30 }, () => "*x").join(", ")
    const text = `name: many\ndescription: x\nx: &x 1\n${
      Array.from({ length: 4 }, (_, i) => `k${i}: [${refs}]`).join("\n")
    }\n`
    const e = errorOf(write(text))
    expect(e.issues[0]).toMatchObject({ code: "too-many-aliases", line: 7 })
    expect(e.issues[0]!.en).toContain("100")
    // the limit is an option
    expect(errorOf(write(text), { limits: { maxAliases: 200 } }).issues[0]!.code).toBe("invalid")
  })

  it("an alias inside its own anchor (a cycle) stops at the depth limit", () => {
    const e = errorOf(write(`name: loop\ndescription: x\nloop: &l [1, *l]\n`))
    expect(e.issues[0]).toMatchObject({ code: "too-deep", line: 3 })
  })

  it("aliases within the limits still work (the seed's acceptance stage uses them)", () => {
    const file = write(`
name: aliases
description: an anchored actor reused
parameters: ${plans}
actors:
  bureau: &b { id: hrss-01, name: 王局长, organisation: 示例市人力资源和社会保障局, role: hrss-bureau }
  again: *b
steps:
  - { date: 2026-01-15, expect: { state: { status: new } } }
`)
    const s = Effect.runSync(Scenario.load(file))
    expect(s.actors.get("again")?.id).toBe("hrss-01")
  })
})

describe("nesting depth", () => {
  it("two hundred thousand nested brackets are refused before parsing", () => {
    const depth = 200_000
    const e = errorOf(write(`name: deep\ndescription: x\nsteps: ${"[".repeat(depth)}${"]".repeat(depth)}\n`))
    expect(e.issues[0]).toMatchObject({ code: "too-deep", line: 3 })
    expect(e.issues[0]!.column).toBe(7 + Scenario.defaultLimits.maxDepth)
    expect(e.issues[0]!.en).toContain(String(Scenario.defaultLimits.maxDepth))
  })

  it("deeply indented mappings are refused too", () => {
    const deep = Array.from({ length: 400 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n")
    const e = errorOf(write(`name: deep\ndescription: x\nx:\n${deep} 1\n`))
    expect(e.issues[0]!.code).toBe("too-deep")
    expect(e.issues[0]!.line).toBeLessThan(80)
  })

  it("a referenced parameter file is held to the same limits", () => {
    const params = write(`parameters: ${"[".repeat(1000)}${"]".repeat(1000)}\n`, "deep-params.yaml")
    const e = errorOf(write(`name: p\ndescription: x\nparameters: ./deep-params.yaml\n`))
    expect(e.issues.map((i) => i.code)).toContain("too-deep")
    expect(e.issues.find((i) => i.code === "too-deep")!.file).toBe(params)
  })
})

describe("file size", () => {
  it("a file over the default limit is refused without being parsed", () => {
    const big = `name: big\ndescription: x\n# ${"x".repeat(Scenario.defaultLimits.maxBytes)}\n`
    const e = errorOf(write(big))
    expect(e.issues[0]).toMatchObject({ code: "too-large", line: 1 })
    expect(e.issues[0]!.en).toContain(`${Scenario.defaultLimits.maxBytes} bytes`)
  })

  it("the limit is an option", () => {
    const text = `name: small\ndescription: a scenario of about two hundred bytes\nparameters: ${plans}\nsteps: []\n`
    expect(errorOf(write(text), { limits: { maxBytes: 64 } }).issues[0]!.code).toBe("too-large")
    expect(Effect.runSync(Scenario.load(write(text), { limits: { maxBytes: 4096 } })).name).toBe("small")
  })

  it("a device that never ends is not read", () => {
    const e = errorOf(write(`name: dev\ndescription: x\nparameters: /dev/zero\n`))
    expect(e.issues.map((i) => i.code)).toContain("unreadable")
    expect(e.message).toContain("/dev/zero")
  })

  it("bytes that are not UTF-8 are refused, not read with replacement characters", () => {
    const e = errorOf(
      write(Buffer.concat([Buffer.from("name: caf"), Buffer.from([0xe9]), Buffer.from("\ndescription: x\n")]))
    )
    expect(e.issues.map((i) => [i.code, i.en])).toEqual([[
      "unreadable",
      expect.stringContaining("not valid UTF-8 text")
    ]])
  })
})

describe("no content of another file in errors", () => {
  const secret = "root:x:0:0:hunter2-secret:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"

  it("parameters naming a file that is not a parameter file", () => {
    write(secret, "passwd")
    const e = errorOf(write(`name: leak\ndescription: x\nparameters: ./passwd\n`))
    expect(e.issues.length).toBeGreaterThan(0)
    expect(e.message).not.toMatch(/hunter2|daemon|root:x|nologin/)
    expect(e.issues.map((i) => i.code)).toContain("not-a-parameter-file")
  })

  it("from naming a file that is not a scenario", () => {
    write(secret, "passwd2")
    const e = errorOf(write(`name: leak\ndescription: x\nfrom: ./passwd2\n`))
    expect(e.message).not.toMatch(/hunter2|daemon|root:x|nologin/)
    expect(e.issues[0]).toMatchObject({ path: "from", line: 3 })
  })

  it("a syntax error in a referenced file is told by its line and kind only", () => {
    write(`parameters:\n  budget.total: "hunter2-secret\n  x: [\n`, "broken-params.yaml")
    const e = errorOf(write(`name: leak\ndescription: x\nparameters: ./broken-params.yaml\n`))
    expect(e.message).not.toContain("hunter2")
    expect(e.issues.some((i) => i.code === "syntax")).toBe(true)
  })

  it("a parameter file with bad values names the parameter, not the value", () => {
    write(
      `parameters:\n  budget.total: "hunter2-secret"\n  hunter2-unknown: 1\n  plan.schedule: [hunter2-x]\n`,
      "bad-values.yaml"
    )
    const e = errorOf(write(`name: leak\ndescription: x\nparameters: ./bad-values.yaml\n`))
    expect(e.message).not.toContain("hunter2")
    expect(e.message).toContain("budget.total")
    expect(e.issues.find((i) => i.path.includes("budget.total"))!.line).toBe(2)
  })

  it("a binary file (not UTF-8)", () => {
    write(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x68, 0x75, 0x6e, 0x74, 0x65, 0x72, 0x32]), "blob.bin")
    const e = errorOf(write(`name: leak\ndescription: x\nparameters: ./blob.bin\n`))
    expect(e.message).not.toContain("hunter2")
    expect(e.issues.some((i) => i.code === "unreadable" && i.en.includes("not valid UTF-8 text"))).toBe(true)
  })
})

describe("every limit is bilingual and typed", () => {
  it("issues carry a code, both languages and a position", () => {
    const e = errorOf(write(aliasBomb()))
    for (const i of e.issues) {
      expect(i.zh.length).toBeGreaterThan(0)
      expect(i.en.length).toBeGreaterThan(0)
      expect(i.text).toMatch(/^.+:\d+:\d+ /)
    }
    expect(e._tag).toBe("ScenarioError")
  })
})
