/** A small argument parser: positionals, `--flag`, `--key value` and `--key=value`. @internal */
export interface Args {
  readonly positionals: ReadonlyArray<string>
  readonly options: ReadonlyMap<string, string | true>
}

/** @internal */
export const parse = (argv: ReadonlyArray<string>, flags: ReadonlySet<string>): Args => {
  const positionals: Array<string> = []
  const options = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === "--") {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=")
      if (eq > 0) options.set(a.slice(2, eq), a.slice(eq + 1))
      else if (flags.has(a.slice(2))) options.set(a.slice(2), true)
      else {
        const next = argv[i + 1]
        if (next === undefined || next.startsWith("--")) options.set(a.slice(2), true)
        else {
          options.set(a.slice(2), next)
          i++
        }
      }
    } else positionals.push(a)
  }
  return { positionals, options }
}

/** @internal */
export const option = (args: Args, name: string): string | undefined => {
  const v = args.options.get(name)
  return typeof v === "string" ? v : undefined
}

/** @internal */
export const flag = (args: Args, name: string): boolean => args.options.get(name) === true
