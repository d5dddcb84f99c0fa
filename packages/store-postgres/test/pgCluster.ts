/**
 * A private PostgreSQL cluster for outage tests: created with the Debian
 * cluster tools on a free port, trust authentication on 127.0.0.1, stopped
 * and started by the test, dropped at the end. The machine's main cluster
 * (which other tests and other processes use) is never touched.
 *
 * Every tool runs asynchronously so that the vitest worker is never blocked.
 */
import { execFile } from "node:child_process"
import { readdirSync } from "node:fs"
import { createServer } from "node:net"
import { promisify } from "node:util"

const exec = promisify(execFile)

/** The installed PostgreSQL major version (the first one under /etc/postgresql). */
export const pgVersion = (): string => readdirSync("/etc/postgresql")[0] ?? "15"

/** A TCP port nobody listens on right now. */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

export interface PgCluster {
  readonly host: string
  readonly port: number
  readonly username: string
  readonly database: string
  readonly stop: () => Promise<void>
  readonly start: () => Promise<void>
  readonly drop: () => Promise<void>
}

const ctl = (version: string, name: string, action: "start" | "stop") =>
  exec("pg_ctlcluster", ["--skip-systemctl-redirect", version, name, action], { timeout: 60_000 })

/** Waits until the cluster accepts connections on `port`. */
const ready = async (port: number): Promise<void> => {
  for (let i = 0; i < 60; i++) {
    const ok = await exec("pg_isready", ["-h", "127.0.0.1", "-p", String(port), "-q"]).then(() => true, () => false)
    if (ok) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`private PostgreSQL cluster on port ${port} did not become ready`)
}

/** Whether this machine has the Debian cluster tools (and may run them). */
export const canCreateClusters = async (): Promise<boolean> =>
  exec("sh", ["-c", "command -v pg_createcluster && command -v pg_ctlcluster && [ \"$(id -u)\" = 0 ]"]).then(
    () => true,
    () => false
  )

/** Creates and starts a private cluster; `label` becomes part of its name. */
export const createCluster = async (label: string): Promise<PgCluster> => {
  const version = pgVersion()
  const name = `gsyf_${label}_${process.pid}`
  const port = await freePort()
  await exec("pg_createcluster", [version, name, "--port", String(port), "--", "--auth=trust"], { timeout: 120_000 })
  await ctl(version, name, "start")
  await ready(port)
  return {
    host: "127.0.0.1",
    port,
    username: "postgres",
    database: "postgres",
    stop: async () => {
      await ctl(version, name, "stop")
    },
    start: async () => {
      await ctl(version, name, "start")
      await ready(port)
    },
    drop: async () => {
      await exec("pg_dropcluster", ["--stop", version, name], { timeout: 120_000 })
    }
  }
}
