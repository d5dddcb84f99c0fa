// Part of `pnpm check`: the release plan of the pending changesets follows .changeset/README.md: no package is
// bumped to a major version that no changeset asks for (a core minor release must not push every adapter to
// 1.0.0), and private packages (the examples) get no version.
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const root = new URL("..", import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), "gsyf-changeset-"))
const out = join(dir, "plan.json")
const code = await new Promise((resolve) => {
  const child = spawn(join(root, "node_modules", ".bin", "changeset"), ["status", `--output=${out}`], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"]
  })
  child.on("close", resolve)
})
if (code !== 0) process.exit(code ?? 1)
const plan = JSON.parse(readFileSync(out, "utf8"))
rmSync(dir, { recursive: true, force: true })
const asked = new Set(plan.changesets.flatMap((c) => c.releases.filter((r) => r.type === "major").map((r) => r.name)))
const problems = []
for (const r of plan.releases) {
  if (r.type === "major" && !asked.has(r.name)) {
    problems.push(`${r.name} ${r.oldVersion} → ${r.newVersion}: a major release no changeset asks for`)
  }
  const pkg = JSON.parse(readFileSync(join(root, r.name === "@gsyf/examples" ? "examples" : `packages/${r.name.slice(6)}`, "package.json"), "utf8"))
  if (pkg.private === true && r.type !== "none") problems.push(`${r.name} is private and must get no version`)
}
if (problems.length > 0) {
  console.error("release plan breaks .changeset/README.md:\n" + problems.join("\n"))
  process.exit(1)
}
console.log(`✓ release plan: ${plan.releases.map((r) => `${r.name} ${r.newVersion}`).join(", ")}`)
