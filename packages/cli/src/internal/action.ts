/**
 * How a subcommand's handler plugs into `@effect/cli`: the handler is a plain async function of the parsed input
 * that resolves to an exit code; failures (a `CliError`, a store error) are reported by `Cli.main`. @internal
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { StoreFlags } from "./context.js"
import type { StoreOptions } from "./options.js"
import { setMachineOutput } from "./output.js"

let exitCode = 0

/** The exit code the last handler resolved to (reset by {@link resetExitCode}). @internal */
export const lastExitCode = (): number => exitCode

/** @internal */
export const resetExitCode = (): void => {
  exitCode = 0
}

/** Wraps a handler: `--json` switches messages to standard error before it runs. @internal */
export const action = <I extends { readonly json: boolean }>(run: (input: I) => Promise<number>) => (input: I) =>
  Effect.tryPromise({
    try: () => {
      setMachineOutput(input.json)
      return run(input)
    },
    catch: (e) => e
  }).pipe(Effect.flatMap((code) => Effect.sync(() => void (exitCode = code))))

/** The parsed store options as plain values. @internal */
export const storeFlags = (o: StoreOptions): StoreFlags => ({
  db: Option.getOrUndefined(o.db),
  pg: Option.getOrUndefined(o.pg),
  schema: Option.getOrUndefined(o.schema),
  tablePrefix: Option.getOrUndefined(o.tablePrefix)
})
