// The pack-and-install test (a CI step of its own, ~10 min): packs every package as it would be published, installs
// the tarballs with plain npm into temporary projects outside the repository, and runs what the docs promise:
//
// 1. an Effect host (effect 3 installed first): the README's snippets (examples/readme/embedding.ts), the guides'
//    code (examples/guides/embedding.ts), the embedding programs and the plain host, compiled unchanged with
//    `tsc --strict --module nodenext` (ESM, and a CommonJS `.cts` copy of the plain host) without skipLibCheck,
//    then run on SQLite and PostgreSQL; subpath imports type-checked under node10 and bundler resolution too;
//    The command line from the installed package: the bundled scenarios, and the host's own scenario folder with a
//    plugins.js beside it (run without a build) plus a scenario `gsyf new-scenario` wrote, and a city's folder
//    outside any project (as a global install or npx runs it);
// 2. a host that already has effect 4 (`npm install effect` gives 4.x): installing the packages must not fail,
//    and the plain host (Promise API, no effect import) runs as ESM and CommonJS on PostgreSQL.
//
// Needs npm and PostgreSQL on 127.0.0.1:5432 (user postgres, trust; override with GSYF_PG_*). Asynchronous child
// processes only. `--keep` leaves the temporary folder for inspection.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { buildStale, packAll, root, run } from "./pack.mjs"

const keep = process.argv.includes("--keep")
const pg = {
  host: process.env.GSYF_PG_HOST ?? "127.0.0.1",
  port: process.env.GSYF_PG_PORT ?? "5432",
  user: process.env.GSYF_PG_USER ?? "postgres",
  admin: process.env.GSYF_PG_DATABASE ?? "test"
}
const work = mkdtempSync(join(tmpdir(), "gsyf-install-"))
const database = `gsyf_install_${process.pid}`
const url = `postgres://${pg.user}@${pg.host}:${pg.port}/${database}`
const psql = (sql) => run("psql", ["-h", pg.host, "-p", pg.port, "-U", pg.user, "-d", pg.admin, "-v", "ON_ERROR_STOP=1", "-c", sql])
const npm = (cwd, args) => run("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, env: { ...process.env, npm_config_update_notifier: "false" } })
const results = []

const step = async (label, f) => {
  const started = Date.now()
  try {
    const out = await f()
    const shown = typeof out === "string" ? out.trim().split("\n").slice(-6).map((l) => `    ${l}`).join("\n") : ""
    console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(0)} s)${shown ? "\n" + shown : ""}`)
    results.push(true)
  } catch (e) {
    console.log(`✗ ${label}\n${String(e.message ?? e).split("\n").slice(0, 60).map((l) => `    ${l}`).join("\n")}`)
    results.push(false)
  }
}

const copy = (host, files) => {
  for (const [from, to] of files) {
    mkdirSync(dirname(join(host, to)), { recursive: true })
    cpSync(join(root, from), join(host, to))
  }
}

const tsconfig = (module, resolution, include, emit) =>
  JSON.stringify({
    compilerOptions: {
      strict: true,
      target: "ES2022",
      lib: ["ES2022"],
      module,
      moduleResolution: resolution,
      types: ["node"],
      skipLibCheck: false,
      noEmit: !emit
    },
    include
  }, null, 2)

// Subpath imports, type-checked under every resolution mode a host may use.
const subpaths = `import * as Money from "@gsyf/core/Money"
import * as Client from "@gsyf/core/Client"
import * as ChinaHolidays from "@gsyf/calendar-cn/ChinaHolidays"
const amount: Money.Money = Money.unsafeYuan("16409.02")
const open: typeof Client.make = Client.make
export const checked = [amount, open, ChinaHolidays.calendar] as const
`

const project = (host, type) => {
  mkdirSync(host, { recursive: true })
  writeFileSync(join(host, "package.json"), JSON.stringify({ name: "gsyf-host", private: true, type }, null, 2))
}

const tarballsFor = (tarballs, names) => tarballs.filter((t) => names.includes(t.name)).map((t) => t.tarball)

const plainHostFiles = [
  ["examples/hosts/plain-host.ts", "examples/hosts/plain-host.ts"],
  ["examples/hosts/plain-host.ts", "examples/hosts/plain-host-cjs.cts"],
  ["examples/plans/seed-2026.yaml", "examples/plans/seed-2026.yaml"]
]

try {
  let tarballs = []
  await step("build and pack every package", async () => {
    await buildStale()
    tarballs = await packAll(join(work, "tarballs"))
    return tarballs.map((t) => t.tarball.split("/").pop()).join(" ")
  })
  await step(`PostgreSQL database ${database}`, () => psql(`CREATE DATABASE ${database}`))
  const env = { ...process.env, GSYF_DATABASE_URL: url, GSYF_PLAN: "examples/plans/seed-2026.yaml" }

  // 1. The Effect host.
  const a = join(work, "effect-host")
  project(a, "module")
  await step("Effect host: npm install effect@3 and every package", async () => {
    await npm(a, ["install", "effect@~3.22.4", "yaml@^2.8.0", "typescript@~5.9.3", "@types/node@^20.19.0"])
    return npm(a, ["install", ...tarballsFor(tarballs, tarballs.map((t) => t.name).filter((n) => n !== "@gsyf/testkit"))])
  })
  copy(a, [
    ...plainHostFiles,
    ["examples/readme/embedding.ts", "examples/readme/embedding.ts"],
    ["examples/guides/embedding.ts", "examples/guides/embedding.ts"],
    ...["commands", "plan", "effect-sqlite", "effect-postgres", "promise-sqlite", "promise-postgres"].map((f) => [
      `examples/embedding/${f}.ts`,
      `examples/embedding/${f}.ts`
    ])
  ])
  writeFileSync(join(a, "subpaths.ts"), subpaths)
  writeFileSync(join(a, "tsconfig.json"), tsconfig("NodeNext", "NodeNext", ["examples/**/*.ts", "examples/**/*.cts", "subpaths.ts"], true))
  writeFileSync(join(a, "tsconfig.node10.json"), tsconfig("CommonJS", "Node10", ["subpaths.ts"], false))
  writeFileSync(join(a, "tsconfig.bundler.json"), tsconfig("ESNext", "Bundler", ["subpaths.ts"], false))
  const tsc = join(a, "node_modules", ".bin", "tsc")
  await step("Effect host: tsc --strict --module nodenext (README, guides, embedding programs, plain host ESM + CJS)", () => run(tsc, ["-p", "tsconfig.json"], { cwd: a }))
  await step("Effect host: subpaths under node10 resolution (typesVersions)", () => run(tsc, ["-p", "tsconfig.node10.json"], { cwd: a }))
  await step("Effect host: subpaths under bundler resolution", () => run(tsc, ["-p", "tsconfig.bundler.json"], { cwd: a }))
  await step("Effect host: the README's snippets run (Effect API and Promise client, SQLite)", () => run("node", ["examples/readme/embedding.js"], { cwd: a, env }))
  for (const program of ["effect-sqlite", "effect-postgres", "promise-sqlite", "promise-postgres"]) {
    await step(`Effect host: examples/embedding/${program}`, () => run("node", [`examples/embedding/${program}.js`], { cwd: a, env }))
  }
  const both = { ...env, GSYF_HOST_STORES: "sqlite,postgres" }
  await step("Effect host: plain host as an ES module (SQLite and PostgreSQL)", () => run("node", ["examples/hosts/plain-host.js"], { cwd: a, env: both }))
  await step("Effect host: plain host as CommonJS (SQLite and PostgreSQL)", () => run("node", ["examples/hosts/plain-host-cjs.cjs"], { cwd: a, env: both }))

  // The command line, from the package alone (its defaults and example scenarios ship with it).
  const gsyf = (args) => run(join(a, "node_modules", ".bin", "gsyf"), args, { cwd: a, env: { ...process.env, GSYF_DATABASE_URL: "" } })
  await step("gsyf --version, and demo --help runs nothing", async () => {
    const version = await gsyf(["--version"])
    await gsyf(["demo", "--help"])
    return version
  })
  await step("gsyf plan (the bundled seed plan)", () => gsyf(["plan"]))
  await step("gsyf test (the bundled scenarios; their plugins.ts loaded without tsx)", () => gsyf(["test"]))
  await step("gsyf test: the host's own scenario folder with a plugins.js (no build), and one gsyf new-scenario wrote", async () => {
    copy(a, ["plugins.js", "publicity-seven-days.yaml"].map((f) => [`examples/city-scenarios/${f}`, `city-scenarios/${f}`]))
    await gsyf(["new-scenario", "seed@scored", "--out", "city-scenarios/award.yaml"])
    const out = await gsyf(["test", "city-scenarios"])
    if (!/2 passed, 0 failed/.test(out)) throw new Error(out)
    return out
  })
  await step("gsyf test: a city's folder outside any project (as with a global install or npx), its plugins.js finding gsyf", async () => {
    // no node_modules above this folder: the plugins module's imports of @gsyf/* resolve from the CLI's own install
    const outside = mkdtempSync(join(tmpdir(), "gsyf-city-"))
    for (const f of ["plugins.js", "publicity-seven-days.yaml"]) cpSync(join(root, "examples/city-scenarios", f), join(outside, f))
    try {
      const bin = join(a, "node_modules", ".bin", "gsyf")
      const out = await run(bin, ["test", "."], { cwd: outside, env: { ...process.env, GSYF_DATABASE_URL: "" } })
      if (!/1 passed, 0 failed/.test(out)) throw new Error(out)
      return out
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })
  await step("gsyf demo --json, then verify and ocds on its store", async () => {
    const summary = JSON.parse(await run(join(a, "node_modules", ".bin", "gsyf"), ["demo", "--out", "demo-out", "--json"], { cwd: a }).then((t) => t.slice(t.lastIndexOf("\n{") + 1)))
    if (summary.status !== "filed") throw new Error(`demo ended ${summary.status}`)
    await gsyf(["verify", "--db", "demo-out/gsyf-demo.db"])
    await gsyf(["ocds", "sample-city-2026", "--db", "demo-out/gsyf-demo.db", "--out", "demo-out/ocds.json"])
    return `demo: ${summary.status}, ${summary.events} events, ${summary.documents} documents`
  })
  await step("gsyf rules --jsn exits 2", async () => {
    const code = await gsyf(["rules", "--jsn"]).then(() => 0, (e) => Number(/exited (\d+)/.exec(e.message)?.[1]))
    if (code !== 2) throw new Error(`exit code ${code}`)
  })

  // 2. A host that already has effect 4.
  const b = join(work, "effect4-host")
  project(b, "module")
  await step("effect 4 host: npm install effect (latest), then the Promise API's packages", async () => {
    await npm(b, ["install", "effect", "yaml@^2.8.0", "typescript@~5.9.3", "@types/node@^20.19.0"])
    const effect = JSON.parse(readFileSync(join(b, "node_modules", "effect", "package.json"), "utf8")).version
    if (!effect.startsWith("4.")) throw new Error(`npm installed effect ${effect}, not 4.x: the test tests nothing`)
    const names = ["@gsyf/core", "@gsyf/calendar-cn", "@gsyf/store-sql", "@gsyf/store-postgres", "@gsyf/documents", "@gsyf/documents-docx", "@gsyf/ocds"]
    await npm(b, ["install", ...tarballsFor(tarballs, names)])
    const kept = JSON.parse(readFileSync(join(b, "node_modules", "effect", "package.json"), "utf8")).version
    return `host keeps effect ${kept}; gsyf uses ${JSON.parse(readFileSync(join(b, "node_modules", "@gsyf", "core", "node_modules", "effect", "package.json"), "utf8")).version}`
  })
  copy(b, plainHostFiles)
  writeFileSync(join(b, "tsconfig.json"), tsconfig("NodeNext", "NodeNext", ["examples/**/*.ts", "examples/**/*.cts"], true))
  await step("effect 4 host: tsc --strict --module nodenext (plain host ESM + CJS)", () => run(join(b, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: b }))
  const pgOnly = { ...env, GSYF_HOST_STORES: "postgres" }
  await step("effect 4 host: plain host as an ES module (PostgreSQL)", () => run("node", ["examples/hosts/plain-host.js"], { cwd: b, env: pgOnly }))
  await step("effect 4 host: plain host as CommonJS (PostgreSQL)", () => run("node", ["examples/hosts/plain-host-cjs.cjs"], { cwd: b, env: pgOnly }))
} finally {
  await psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined)
  if (keep) console.log(`kept ${work}`)
  else rmSync(work, { recursive: true, force: true })
}
const failed = results.filter((ok) => !ok).length
console.log(`\npack-and-install: ${results.length - failed} steps passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
