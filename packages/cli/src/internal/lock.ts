/**
 * An output folder taken by one run at a time: `gsyf demo` creates `<folder>/.gsyf.lock` exclusively (with its
 * process id) and removes it when done; a second run on the same folder is refused instead of deleting the first
 * run's store. A lock left by a process that no longer runs is taken over. @internal
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { CliError } from "./context.js"

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as { readonly code?: string }).code === "EPERM"
  }
}

/** Takes the folder's lock; resolves to the function that releases it. @internal */
export const lockFolder = (folder: string): () => void => {
  const file = join(folder, ".gsyf.lock")
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" })
      return () => rmSync(file, { force: true })
    } catch (e) {
      if ((e as { readonly code?: string }).code !== "EEXIST") throw e
      const holder = Number(readFileSync(file, "utf8").trim())
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new CliError(
          `文件夹 ${folder} 正由另一次运行(进程 ${holder})写入,请稍后再试或换用 --out`,
          `${folder} is being written by another run (process ${holder}); wait or choose another --out`
        )
      }
      rmSync(file, { force: true })
    }
  }
  throw new CliError(`无法锁定文件夹 ${folder}`, `cannot lock ${folder}`)
}
