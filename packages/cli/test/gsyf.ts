/** Runs the CLI in-process, capturing what it prints on stdout and stderr. */
import { Cli } from "@gsyf/cli"
import { vi } from "vitest"

export const gsyf = async (...argv: Array<string>) => {
  let out = ""
  let err = ""
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true))
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true))
  try {
    const code = await Cli.main(argv)
    return { code, out, err }
  } finally {
    o.mockRestore()
    e.mockRestore()
  }
}
