/** Terminal output helpers. @internal */
const useColor = process.stdout.isTTY === true && process.env.NO_COLOR === undefined

const paint = (code: string) => (s: string) => (useColor ? `\u001b[${code}m${s}\u001b[0m` : s)

/** @internal */
export const green = paint("32")
/** @internal */
export const red = paint("31")
/** @internal */
export const yellow = paint("33")
/** @internal */
export const dim = paint("2")
/** @internal */
export const bold = paint("1")

/**
 * Text without terminal control sequences other than the colours this module paints: what a file name, a project
 * id or a file's text echoes cannot move the cursor, retitle the window or hide lines. @internal
 */
export const clean = (s: string): string =>
  s
    .replace(/\u001b\[[0-9;]*m/g, (m) => (/^\u001b\[(0|1|2|31|32|33)m$/.test(m) ? m : ""))
    .replace(/\u001b(\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(\u0007|\u001b\\)?|[@-Z\\-_])/g, "")
    .replace(/[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f]/g, "")

/** Where messages go: standard error, so that `--json` output on standard output stays machine-readable. @internal */
let machine = false

/** `--json`: every human line goes to standard error. @internal */
export const setMachineOutput = (on: boolean): void => {
  machine = on
}

/** @internal */
export const line = (s = ""): void => {
  ;(machine ? process.stderr : process.stdout).write(clean(s) + "\n")
}

/** Machine output (JSON) on standard output. @internal */
export const json = (value: unknown): void => {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n")
}

/** An error: first wholly in Chinese, then wholly in English. @internal */
export const error = (
  zh: string,
  en: string,
  details: ReadonlyArray<{ readonly zh: string; readonly en: string }> = []
): void => {
  const lines = [
    `${red("错误")}:${clean(zh)}`,
    ...details.map((d) => `  - ${clean(d.zh)}`),
    `${red("error")}: ${clean(en)}`,
    ...details.map((d) => `  - ${clean(d.en)}`)
  ]
  process.stderr.write(lines.join("\n") + "\n")
}

/** Progress of long work, on a terminal only (rewritten in place on standard error). @internal */
export const progress = (done: number, total: number, label: string): void => {
  if (process.stderr.isTTY !== true) return
  const width = 24
  const filled = Math.round((done / Math.max(1, total)) * width)
  process.stderr.write(
    `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${clean(label).slice(0, 40).padEnd(40)}`
  )
  if (done >= total) process.stderr.write("\r" + " ".repeat(width + 50) + "\r")
}
