import { existsSync, readdirSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { ViteUserConfig } from "vitest/config"

const root = dirname(fileURLToPath(import.meta.url))
const packagesDir = join(root, "packages")

/** Workspace packages resolve to their sources, so tests never need a build. */
const alias = Object.fromEntries(
  readdirSync(packagesDir)
    .filter((dir) => existsSync(join(packagesDir, dir, "src", "index.ts")))
    .map((dir) => [`@gsyf/${dir}`, join(packagesDir, dir, "src", "index.ts")])
)

export const shared: ViteUserConfig = {
  resolve: { alias },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
}
