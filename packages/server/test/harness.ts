/**
 * Runs `gsyf serve` as a child process (spawned asynchronously; the vitest worker is never blocked), builds the
 * seed lifecycle as plain JSON with one API key per actor, and runs the Python client.
 */
import { Scenario } from "@gsyf/scenarios"
import { Authentication } from "@gsyf/server"
import { Effect } from "effect"
import { type ChildProcess, execFile, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"

/** This folder (the harness also runs under tsx as an ES module, from the HTTP bench). */
const here = fileURLToPath(new URL(".", import.meta.url))
export const root = resolve(here, "../../..")
export const seedPlanFile = join(root, "examples/plans/seed-2026.yaml")
const exec = promisify(execFile)

export const tempDir = (label: string) => mkdtempSync(join(tmpdir(), `gsyf-server-${label}-`))

export interface Served {
  readonly url: string
  readonly child: ChildProcess
  readonly lines: Array<string>
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<number | string | null>
  readonly stop: (signal?: NodeJS.Signals) => Promise<number | string | null>
}

/** Starts `gsyf serve` with the arguments and waits until it listens. */
export const serve = async (args: ReadonlyArray<string>, env: Record<string, string> = {}): Promise<Served> => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(root, "packages/cli/src/bin.ts"), "serve", "--port", "0", ...args],
    { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] }
  )
  const lines: Array<string> = []
  let err = ""
  const exited = new Promise<number | string | null>((done) => child.on("exit", (code, signal) => done(code ?? signal)))
  const url = await new Promise<string>((done, fail) => {
    let buffer = ""
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8")
      let cut: number
      while ((cut = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, cut)
        buffer = buffer.slice(cut + 1)
        lines.push(line)
        if (line.includes("\"listening\"")) done((JSON.parse(line) as { url: string }).url)
      }
    })
    child.stderr!.on("data", (chunk: Buffer) => void (err += chunk.toString("utf8")))
    void exited.then((code) => fail(new Error(`gsyf serve ended (${code}) before listening: ${err}`)))
  })
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    return exited
  }
  return { url, child, lines, exited, stop }
}

export interface Actor {
  readonly id: string
  readonly role: string
  readonly organisation: string
}

export interface Plan {
  readonly projectId: string
  readonly reader: string
  readonly steps: ReadonlyArray<{ readonly command: Record<string, unknown>; readonly rejected: boolean }>
  readonly keys: Record<string, string>
}

const flatten = (s: Scenario.Scenario): ReadonlyArray<Scenario.LoadedStep> => [
  ...(s.from === undefined ? [] : flatten(s.from)),
  ...s.steps
]

/** The seed lifecycle as commands, with a fresh API key per actor (the server gets only their hashes). */
export const seedLifecycle = async (
  projectId: string
): Promise<{ plan: Plan; keyHashes: Array<Authentication.ApiKey> }> => {
  const scenario = await Effect.runPromise(Scenario.load(join(root, "examples/scenarios/seed-plan.yaml")))
  const steps = flatten(scenario)
    .filter((s) => s.command !== undefined)
    .map((s) => ({ command: s.command as Record<string, unknown>, rejected: s.expect.rejected !== undefined }))
  // the filing, sent before anything else under another command id: a rule rejects it (422) and nothing is written
  const last = steps.at(-1)!.command
  steps.unshift({ command: { ...last, commandId: `${String(last["commandId"])}-too-early` }, rejected: true })
  const actors = new Map<string, Actor>()
  for (const s of steps) {
    const a = s.command["actor"] as Actor
    actors.set(a.id, a)
  }
  const keys: Record<string, string> = {}
  const keyHashes: Array<Authentication.ApiKey> = []
  for (const a of actors.values()) {
    const key = randomBytes(24).toString("base64url")
    keys[a.id] = key
    keyHashes.push({
      sha256: Authentication.hashKey(key),
      subject: a.id,
      parties: [{ role: a.role as Authentication.Party["role"], organisation: a.organisation }]
    })
  }
  return { plan: { projectId, reader: "agency-01", steps, keys }, keyHashes }
}

/** Writes the plan and the hashed key file into a folder. */
export const writeFixtures = (dir: string, plan: Plan, keyHashes: ReadonlyArray<Authentication.ApiKey>) => {
  writeFileSync(join(dir, "plan.json"), JSON.stringify(plan))
  writeFileSync(join(dir, "api-keys.json"), JSON.stringify(keyHashes))
  return { planFile: join(dir, "plan.json"), keysFile: join(dir, "api-keys.json"), record: join(dir, "record.jsonl") }
}

/** Runs the Python client; resolves with its summary (the last line it prints). */
export const python = async (url: string, planFile: string, record: string): Promise<Record<string, unknown>> => {
  const { stdout } = await exec("python3", [join(here, "fixtures/client.py"), url, planFile, record], {
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024
  }).catch((e: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`python client failed: ${e.stderr ?? ""} ${e.stdout ?? ""} ${e.message}`)
  })
  const last = stdout.trim().split("\n").at(-1)!
  return JSON.parse(last) as Record<string, unknown>
}

export const psql = (sql: string, port = 5432) =>
  exec("psql", [
    "-h",
    "127.0.0.1",
    "-p",
    String(port),
    "-U",
    "postgres",
    "-d",
    "test",
    "-v",
    "ON_ERROR_STOP=1",
    "-c",
    sql
  ], {
    timeout: 60_000
  })

export const pgUrl = "postgres://postgres@127.0.0.1:5432/test"
