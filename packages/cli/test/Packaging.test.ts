/**
 * Stumbles 6 and 7 of a new user, as tests: the docs script cannot be taken by npm's own `docs` command, every
 * package carries the metadata and LICENSE a registry shows, the command line and the testkit declare their side
 * effects, and the pending changesets bump packages as `.changeset/README.md` says (`changeset status`, read by
 * scripts/changeset-check.mjs: no unrequested major, no version for the private examples).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { run } from "../../documents/test/tools.js"

const repo = fileURLToPath(new URL("../../../", import.meta.url))
const json = (path: string) => JSON.parse(readFileSync(join(repo, path), "utf8")) as Record<string, any>
const packages = readdirSync(join(repo, "packages")).filter((p) =>
  existsSync(join(repo, "packages", p, "package.json"))
)

describe("packaging as a registry and a new user see it", () => {
  it("the site is built by `pnpm site`; no script is named `docs` (npm's command would take it)", () => {
    const scripts = json("package.json").scripts as Record<string, string>
    expect(Object.keys(scripts)).not.toContain("docs")
    expect(scripts.site).toBe("node scripts/docs.mjs")
  })

  it("every package: LICENSE, repository, homepage, bugs, keywords, engines; side effects declared", () => {
    for (const p of packages) {
      const pkg = json(`packages/${p}/package.json`)
      expect(existsSync(join(repo, "packages", p, "LICENSE")), p).toBe(true)
      expect(pkg.license, p).toBe("MIT")
      expect(pkg.repository?.directory, p).toBe(`packages/${p}`)
      for (const field of ["homepage", "bugs", "keywords", "engines"]) expect(pkg[field], `${p} ${field}`).toBeDefined()
      expect(pkg.sideEffects, p).toBeDefined()
    }
    // the command line's entry runs the program; it must not be declared free of side effects
    expect(json("packages/cli/package.json").sideEffects).not.toBe(false)
    expect(json("packages/testkit/package.json").sideEffects).toBe(true)
  })

  it("the pending changesets bump by the documented policy (changeset status)", async () => {
    const r = await run(process.execPath, [join(repo, "scripts", "changeset-check.mjs")], {
      cwd: repo,
      timeout: 120_000
    })
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/✓ release plan: @gsyf\/core 0\.\d+\.\d+/)
    expect(r.stdout).not.toMatch(/ 1\.0\.0/)
    expect(r.stdout).toContain("@gsyf/examples 0.0.0")
  })
})
