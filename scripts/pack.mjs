// Builds what is out of date and packs every publishable package into a folder, as `pnpm publish` would
// (workspace ranges replaced by versions). Used by `pnpm check` (publint and attw read the tarballs) and by the
// pack-and-install test (scripts/install-test.mjs). Only asynchronous child processes.
import { spawn } from "node:child_process"
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"

export const root = new URL("..", import.meta.url).pathname
export const pnpm = ["npx", "-y", "pnpm@10.34.9"]

/** Runs a program; resolves with its output, rejects with it when the exit code is not 0. */
export const run = (cmd, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], ...options })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (out += d))
    child.on("error", reject)
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}\n${out}`))
    )
  })

/** The publishable packages: folder and manifest. */
export const packages = () =>
  readdirSync(join(root, "packages"))
    .filter((d) => existsSync(join(root, "packages", d, "package.json")))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) }))
    .filter(({ pkg }) => pkg.private !== true)

const newest = (path) => {
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  let m = s.mtimeMs
  for (const name of readdirSync(path)) m = Math.max(m, newest(join(path, name)))
  return m
}

/** Packages whose build is missing or older than their sources or manifest. */
export const stale = () =>
  packages().filter(({ dir }) => {
    const marker = join(root, "packages", dir, "dist", "dts", "index.d.cts")
    if (!existsSync(marker)) return true
    const built = statSync(marker).mtimeMs
    const folder = join(root, "packages", dir)
    const inputs = readdirSync(folder).filter((f) => !["dist", "node_modules", "test", "bench"].includes(f))
    return inputs.some((f) => newest(join(folder, f)) > built)
  })

/** Rebuilds the stale packages and everything that depends on them. */
export const buildStale = async (log = console.log) => {
  const todo = stale()
  if (todo.length === 0) return
  log(`building ${todo.map(({ pkg }) => pkg.name).join(", ")} and their dependents`)
  await run(pnpm[0], [...pnpm.slice(1), ...todo.flatMap(({ pkg }) => ["--filter", `...${pkg.name}`]), "run", "build"], {
    cwd: root
  })
}

/** Packs every publishable package into `dest`; resolves with `{ name, dir, tarball }` per package. */
export const packAll = async (dest) => {
  const out = []
  for (const { dir, pkg } of packages()) {
    const text = await run(pnpm[0], [...pnpm.slice(1), "pack", "--pack-destination", dest], {
      cwd: join(root, "packages", dir)
    })
    const tarball = text.trim().split("\n").filter((l) => l.endsWith(".tgz")).pop()
    if (tarball === undefined) throw new Error(`pnpm pack printed no tarball for ${pkg.name}:\n${text}`)
    out.push({ name: pkg.name, dir, tarball: tarball.startsWith("/") ? tarball : join(dest, tarball) })
  }
  return out
}
