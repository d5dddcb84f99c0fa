/** Reads the sample city's parameter file shipped in examples/plans. */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { parse } from "yaml"

export const sampleParameters = (): unknown =>
  parse(readFileSync(fileURLToPath(new URL("../plans/seed-2026.yaml", import.meta.url)), "utf8"))
