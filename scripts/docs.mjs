// `pnpm site` (not `docs`: `pnpm docs` is npm's command that opens a package's homepage): generates the rule reference
// (docs/rules/, gitignored) from
// the live registries, then builds the typedoc site into docs/site/
// (gitignored) with validation; any warning fails the build.
import { spawnSync } from "node:child_process"
import { join } from "node:path"

const root = new URL("..", import.meta.url).pathname
const bin = (name) => join(root, "node_modules", ".bin", name)
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
run(bin("tsx"), [join(root, "scripts", "rule-pages.ts")])
run(bin("typedoc"), ["--options", join(root, "typedoc.json"), ...process.argv.slice(2)])
