// The publishing fields of every package's package.json, written from one place so that every package resolves
// the same way under TypeScript's node10, node16/nodenext (ESM and CommonJS) and bundler resolution:
// - `exports`: one entry per public module (src/[A-Z]*.ts), ESM with `.d.ts`, CommonJS with `.d.cts`
//   (written by scripts/dts-cjs.mjs after tsc); `internal/` is sealed;
// - `typesVersions`: the same subpaths for node10 resolution, which does not read `exports`;
// - metadata (license, repository, homepage, bugs, keywords, engines) taken from the root package.json.
// Used by scripts/codegen.mjs (`--check` fails when a manifest is out of date).
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { exportsMap, typesVersions } from "./modules.mjs"

/** Package-specific keywords, after the shared ones. */
const keywords = {
  "calendar-cn": ["calendar", "holidays", "china", "working-days"],
  cli: ["cli"],
  core: ["money", "decimal", "event-sourcing", "audit-trail"],
  documents: ["documents", "markdown", "html"],
  "documents-docx": ["docx", "gb-t-9704"],
  "documents-pdf": ["pdf", "cjk"],
  "example-plugins": ["plugin"],
  ocds: ["ocds", "open-contracting", "open-data"],
  scenarios: ["scenarios", "yaml", "testing"],
  "store-postgres": ["postgresql", "event-store"],
  "store-sql": ["sql", "event-store"],
  "store-sqlite": ["sqlite", "event-store"],
  testkit: ["testing", "conformance", "vitest"]
}

/**
 * What importing a module does besides defining values: the command line's entry point runs the program, and
 * the testkit registers vitest suites; everything else is free of side effects.
 */
const sideEffects = {
  cli: ["./dist/bin.js", "./dist/bin.cjs"],
  testkit: true
}

const cjsDeclarations = "node ../../scripts/dts-cjs.mjs"

/** A package's build script, ending with the CommonJS declarations (after tsc has written the ESM ones). */
const withCjsDeclarations = (build = "tsup && tsc -p tsconfig.build.json") =>
  build.includes(cjsDeclarations) ? build : `${build} && ${cjsDeclarations}`

const order = [
  "name", "version", "private", "description", "keywords", "license", "author", "repository", "homepage", "bugs",
  "type", "sideEffects", "engines", "main", "module", "types", "typesVersions", "exports", "bin", "files", "scripts",
  "publishConfig", "dependencies", "peerDependencies", "peerDependenciesMeta", "devDependencies"
]

/** The package.json a package should have (as text), given its current one. */
export const manifest = (root, dir, current) => {
  const rootPkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"))
  const repo = rootPkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "")
  const src = join(root, "packages", dir, "src")
  const next = {
    ...current,
    keywords: [...rootPkg.keywords, ...(keywords[dir] ?? [])],
    license: rootPkg.license,
    repository: { type: "git", url: rootPkg.repository.url, directory: `packages/${dir}` },
    homepage: `${repo}/tree/main/packages/${dir}#readme`,
    bugs: rootPkg.bugs,
    type: "module",
    sideEffects: sideEffects[dir] ?? false,
    engines: rootPkg.engines,
    main: "./dist/index.cjs",
    module: "./dist/index.js",
    types: "./dist/dts/index.d.ts",
    typesVersions: typesVersions(src),
    exports: exportsMap(src),
    files: ["dist", "src", "!src/**/*.test.ts", ...(current.files ?? []).filter((f) => !["dist", "src", "!src/**/*.test.ts"].includes(f))],
    scripts: { ...current.scripts, build: withCjsDeclarations(current.scripts?.build) }
  }
  const sorted = {}
  for (const k of order) if (k in next) sorted[k] = next[k]
  for (const k of Object.keys(next)) if (!(k in sorted)) sorted[k] = next[k]
  return JSON.stringify(sorted, null, 2) + "\n"
}
