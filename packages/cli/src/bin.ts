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
    // Never a stack trace: one line, in both languages.
    const message = e instanceof Error ? e.message.split("\n")[0] : String(e)
    process.stderr.write(`错误:内部错误,请报告此问题\nerror: internal error: ${message}\n`)
    process.exitCode = 70
  }
)
