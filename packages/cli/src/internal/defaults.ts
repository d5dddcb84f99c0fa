/**
 * The files the command line falls back on, shipped inside the package (`examples/` of the package, copied from
 * the repository's examples at build time by scripts/bundle-examples.mjs): the seed plan's parameters and the
 * example scenarios. From the sources (tests, `pnpm gsyf`) the repository's own examples are used. @internal
 */
import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const packageRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const manifest = join(dir, "package.json")
    if (
      existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "@gsyf/cli"
    ) {
      return dir
    }
    dir = dirname(dir)
  }
  throw new Error("@gsyf/cli: package folder not found")
}

/** A path under the bundled examples (or the repository's, from the sources). @internal */
export const bundled = (relative: string): string => {
  const root = packageRoot()
  const shipped = join(root, "examples", relative)
  return existsSync(shipped) ? shipped : join(root, "..", "..", "examples", relative)
}

/** The seed plan's parameter file. @internal */
export const seedPlan = (): string => bundled("plans/seed-2026.yaml")

/** The seed lifecycle as one scenario (what `gsyf demo` runs). @internal */
export const seedScenario = (): string => bundled("scenarios/seed-plan.yaml")

/** The example scenarios (what `gsyf test` runs without paths). @internal */
export const exampleScenarios = (): string => bundled("scenarios")

/** The package version (for `--version`). @internal */
export const version = (): string =>
  (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version
