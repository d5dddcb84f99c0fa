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

/** @internal */
export const line = (s = ""): void => {
  process.stdout.write(s + "\n")
}

/** @internal */
export const error = (zh: string, en: string): void => {
  process.stderr.write(`${red("错误 / error")}: ${zh}\n  ${en}\n`)
}
