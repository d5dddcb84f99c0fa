/**
 * Test helpers shared by the three document packages (imported by relative
 * path from `documents-docx` and `documents-pdf` tests): locating external
 * tools (LibreOffice, pdftotext, Chromium), running them, and the
 * `test-artifacts/` directory.
 *
 * A missing tool skips its tests with a printed reason, except in CI
 * (`process.env.CI` set), where the test fails loudly naming what to install.
 */
import { spawn, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export interface Tool {
  /** What the tool is called in messages. */
  readonly label: string
  /** Absolute path of the executable, when found. */
  readonly path: string | undefined
  /** Whether tests needing the tool should be skipped (missing, outside CI). */
  readonly skip: boolean
  /** The path, or throws an error telling what to install. */
  readonly require: () => string
}

const which = (name: string): string | undefined => {
  const r = spawnSync("which", [name], { encoding: "utf8" })
  const out = r.status === 0 ? r.stdout.trim().split("\n")[0] : undefined
  return out !== undefined && out !== "" ? out : undefined
}

/**
 * Looks for the first of `names` on the PATH. `install` says what to install
 * when none is found (e.g. `apt-get install -y poppler-utils`).
 */
export const locate = (label: string, names: ReadonlyArray<string>, install: string): Tool => {
  const path = names.map(which).find((p) => p !== undefined)
  const ci = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false"
  const message = `${label} (${names.join(" / ")}) not found on PATH; install it: ${install}`
  if (path === undefined && !ci) console.warn(`[gsyf tests] skipping tests that need ${message}`)
  return {
    label,
    path,
    skip: path === undefined && !ci,
    require: () => {
      if (path === undefined) throw new Error(`${message} (required in CI)`)
      return path
    }
  }
}

export const tools = {
  pdftotext: () => locate("pdftotext", ["pdftotext"], "apt-get install -y poppler-utils"),
  soffice: () =>
    locate("LibreOffice", ["soffice", "libreoffice"], "apt-get install -y libreoffice-writer fonts-noto-cjk"),
  chromium: () =>
    locate(
      "Chromium",
      ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"],
      "apt-get install -y chromium fonts-noto-cjk"
    )
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..")

/** A path under the repository's gitignored `test-artifacts/` directory (created). */
export const artifactPath = (...segments: ReadonlyArray<string>): string => {
  const file = join(repoRoot, "test-artifacts", ...segments)
  mkdirSync(dirname(file), { recursive: true })
  return file
}

/** A fresh temporary directory. */
export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `gsyf-${prefix}-`))

/** What an external program did: its exit status (or signal) and its output. */
export interface RunResult {
  readonly status: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs an external program asynchronously, so that a slow tool (LibreOffice,
 * Chromium, the docs build) never blocks the vitest worker's event loop. The
 * program is killed after `timeout` milliseconds.
 */
export const run = (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd?: string; readonly timeout?: number; readonly env?: NodeJS.ProcessEnv } = {}
): Promise<RunResult> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"]
    })
    const out: Array<Buffer> = []
    const err: Array<Buffer> = []
    child.stdout.on("data", (b: Buffer) => out.push(b))
    child.stderr.on("data", (b: Buffer) => err.push(b))
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeout ?? 120_000)
    child.on("error", (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on("close", (status, signal) => {
      clearTimeout(timer)
      resolvePromise({
        status,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8")
      })
    })
  })

/** Runs a program and returns its standard output, or rejects naming its exit status and standard error. */
export const runOk = async (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd?: string; readonly timeout?: number } = {}
): Promise<string> => {
  const r = await run(command, args, options)
  if (r.status !== 0) throw new Error(`${command} failed (${r.status ?? r.signal}): ${r.stderr}\n${r.stdout}`)
  return r.stdout
}

/** The text of a PDF file via `pdftotext -layout`. */
export const pdfText = (pdftotext: string, file: string): Promise<string> =>
  runOk(pdftotext, ["-enc", "UTF-8", "-layout", file, "-"], { timeout: 60_000 })

/** Removes all white space, so that text broken across lines or columns compares. */
export const squash = (text: string): string => text.replace(/\s+/g, "")

/** The headless Chromium flags every test uses (no network chatter, a private profile). */
export const chromiumFlags = (): ReadonlyArray<string> => [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  `--user-data-dir=${tempDir("chromium")}`
]

/**
 * Converts documents with LibreOffice headless; returns the output paths.
 * Uses a private user profile so that parallel runs do not collide.
 */
export const sofficeConvertAll = async (
  soffice: string,
  inputs: ReadonlyArray<string>,
  to: string,
  outDir: string,
  timeout = 170_000
): Promise<ReadonlyArray<string>> => {
  const profile = tempDir("lo-profile")
  await runOk(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      outDir,
      ...inputs
    ],
    { timeout }
  )
  return inputs.map((input) => join(outDir, `${input.split("/").pop()!.replace(/\.[^.]+$/, "")}.${to.split(":")[0]}`))
}

/** Converts one document with LibreOffice headless; returns the output path. */
export const sofficeConvert = async (soffice: string, input: string, to: string, outDir: string): Promise<string> =>
  (await sofficeConvertAll(soffice, [input], to, outDir, 110_000))[0]!

/** Takes a screenshot of a local HTML file with headless Chromium. */
export const chromiumScreenshot = async (chromium: string, htmlFile: string, png: string): Promise<void> => {
  await runOk(chromium, [...chromiumFlags(), `--screenshot=${png}`, "--window-size=1240,1754", `file://${htmlFile}`], {
    timeout: 90_000
  })
}
