/**
 * Test helpers shared by the three document packages (imported by relative
 * path from `documents-docx` and `documents-pdf` tests): locating external
 * tools (LibreOffice, pdftotext, Chromium), running them, and the
 * `test-artifacts/` directory.
 *
 * A missing tool skips its tests with a printed reason, except in CI
 * (`process.env.CI` set), where the test fails loudly naming what to install.
 */
import { execFileSync, spawnSync } from "node:child_process"
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
  soffice: () => locate("LibreOffice", ["soffice", "libreoffice"], "apt-get install -y libreoffice-writer fonts-noto-cjk"),
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

/** The text of a PDF file via `pdftotext -layout`. */
export const pdfText = (pdftotext: string, file: string): string =>
  execFileSync(pdftotext, ["-enc", "UTF-8", "-layout", file, "-"], { encoding: "utf8", timeout: 60_000 })

/** Removes all white space, so that text broken across lines or columns compares. */
export const squash = (text: string): string => text.replace(/\s+/g, "")

/**
 * Converts a document with LibreOffice headless; returns the output path.
 * Uses a private user profile so that parallel runs do not collide.
 */
export const sofficeConvert = (soffice: string, input: string, to: string, outDir: string): string => {
  const profile = tempDir("lo-profile")
  const r = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", to, "--outdir", outDir, input],
    { encoding: "utf8", timeout: 110_000 }
  )
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}\n${r.stdout}`)
  const base = input.split("/").pop()!.replace(/\.[^.]+$/, "")
  return join(outDir, `${base}.${to.split(":")[0]}`)
}

/** Takes a screenshot of a local HTML file with headless Chromium. */
export const chromiumScreenshot = (chromium: string, htmlFile: string, png: string): void => {
  const r = spawnSync(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--user-data-dir=${tempDir("chromium")}`,
      `--screenshot=${png}`,
      "--window-size=1240,1754",
      `file://${htmlFile}`
    ],
    { encoding: "utf8", timeout: 90_000 }
  )
  if (r.status !== 0) throw new Error(`chromium failed (${r.status}): ${r.stderr}`)
}
