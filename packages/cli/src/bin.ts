#!/usr/bin/env node
/**
 * Entry point of the `gsyf` executable.
 *
 * @since 0.1.0
 */
import { main } from "./Cli.js"

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`gsyf: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exitCode = 70
  }
)
