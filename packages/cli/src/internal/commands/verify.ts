/**
 * `gsyf verify [project]`: checks the audit trail of every project (or one) in a store. The store is opened
 * read-only (nothing is created, a file that is not a gsyf store is refused); a project that is not in the store
 * and a store without projects both answer "not found" with exit code 1. With `--checkpoint`, `--public-key` or
 * `--read-models` it audits the whole store (`StoreAudit.verify`): against a checkpoint kept elsewhere, with the
 * receipts checked by the public key, and with the read models rebuilt and compared; every finding names the
 * stream and position or the read model, and any finding exits 1. On a terminal both show progress on standard
 * error (per project, or per event read while the read models are rebuilt). `--hash-threads` sets how many helper
 * threads hash the rows while each trail is checked (default one on a machine with more than one CPU). @internal
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { AuditKey, type AuditTrail, Checkpoint, EventStore, StoreAudit } from "@gsyf/core"
import { Effect, Either, Option } from "effect"
import { availableParallelism } from "node:os"
import { action, storeFlags } from "../action.js"
import { CliError, describeStore, loadConfig, readBoundedText, readModels, storeChoice, withStore } from "../context.js"
import { seedPlan } from "../defaults.js"
import * as Opt from "../options.js"
import { green, json as printJson, line, progress, red } from "../output.js"

const spec = {
  project: Opt.positional("project", "项目编号 / project id").pipe(Args.optional),
  checkpoint: Options.text("checkpoint").pipe(
    Options.withDescription("在数据库之外保存的检查点文件 / a checkpoint file kept outside the database"),
    Options.optional
  ),
  publicKey: Options.text("public-key").pipe(
    Options.withDescription("审计公钥(PEM 文件)/ the audit public key (PEM file)"),
    Options.optional
  ),
  readModels: Options.boolean("read-models").pipe(
    Options.withDescription("重建读模型并与存储的比对 / rebuild the read models and compare them with the stored ones")
  ),
  hashThreads: Options.integer("hash-threads").pipe(
    Options.withDescription(
      "另用几个线程计算哈希(0 至 16;默认:多核时 1,单核时 0)/ " +
        "helper threads that hash the rows (0 to 16; default 1 with more than one CPU, else 0)"
    ),
    Options.optional
  ),
  plan: Opt.plan,
  json: Opt.json,
  ...Opt.store
}

type Input = Command.Command.ParseConfig<typeof spec>

const publicKeyOf = (file: string): AuditKey.Verifier => {
  // a PEM public key is a few hundred bytes; a device or a huge file is refused before it is read
  const pem = readBoundedText(
    file,
    64 * 1024,
    () => new CliError(`${file} 不是有效的审计公钥(过大)`, `${file} is not a valid audit public key (too large)`)
  )
  const key = AuditKey.verifier(pem)
  if (Either.isLeft(key)) throw new CliError(`${file} 不是有效的审计公钥`, `${file} is not a valid audit public key`)
  return key.right
}

/** Helper threads for hashing: as asked (0 to 16), or one when the machine has a core to spare. */
const hashThreadsOf = (input: Input): number => {
  const asked = Option.getOrUndefined(input.hashThreads)
  if (asked === undefined) return availableParallelism() > 1 ? 1 : 0
  if (asked < 0 || asked > 16) {
    throw new CliError(
      `--hash-threads 应为 0 至 16 的整数,收到 ${asked}`,
      `--hash-threads must be an integer from 0 to 16, got ${asked}`
    )
  }
  return asked
}

/** The whole-store audit: checkpoint, receipts, read models. */
const audit = async (input: Input): Promise<number> => {
  const choice = storeChoice(storeFlags(input), "out/gsyf-demo.db")
  const only = Option.getOrUndefined(input.project)
  const keys = Option.match(input.publicKey, { onNone: () => [], onSome: (f) => [publicKeyOf(f)] })
  const projections = input.readModels ? readModels(loadConfig(Option.getOrElse(input.plan, seedPlan))) : []
  const report = await withStore(
    choice,
    projections,
    true,
    Effect.gen(function*() {
      const file = Option.getOrUndefined(input.checkpoint)
      const checkpoint = file === undefined ? undefined : yield* Effect.mapError(
        Checkpoint.load(file),
        () => new CliError(`无法读取检查点 ${file}`, `cannot read the checkpoint ${file}`)
      )
      const store = yield* EventStore.EventStore
      const label = input.readModels ? "重建读模型 / rebuilding read models" : "审计 / auditing"
      return yield* StoreAudit.verify(store, {
        checkpoint,
        keys,
        readModels: input.readModels,
        onProgress: (done, total) => progress(done, total, label)
      })
    })
  )
  const findings = report.findings.filter((f) => only === undefined || f.streamId === undefined || f.streamId === only)
  const ok = findings.length === 0
  if (input.json) {
    printJson({ ok, streams: report.streams, events: report.events, commands: report.commands, findings })
    return ok ? 0 : 1
  }
  if (ok) line(`${green("✓")} ${report.streams} 个项目、${report.events} 个事件未发现问题 / no finding`)
  for (const f of findings) {
    line(`${red("✗")} ${f.zh}`)
    line(`  ${f.en}`)
  }
  return ok ? 0 : 1
}

/** @internal */
export const run = async (input: Input): Promise<number> => {
  if (Option.isSome(input.checkpoint) || Option.isSome(input.publicKey) || input.readModels) return audit(input)
  const choice = storeChoice(storeFlags(input), "out/gsyf-demo.db")
  const only = Option.getOrUndefined(input.project)
  const hashThreads = hashThreadsOf(input)
  const results = await withStore(
    choice,
    [],
    true,
    Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      const streams = (yield* store.listStreams()).map((s) => s.streamId)
      const chosen = only === undefined ? streams : streams.filter((s) => s === only)
      const out: Array<{ readonly streamId: string; readonly result: AuditTrail.VerifyResult }> = []
      for (const [i, streamId] of chosen.entries()) {
        progress(i, chosen.length, streamId)
        out.push({ streamId, result: yield* store.verify(streamId, { hashThreads }) })
      }
      progress(chosen.length, chosen.length, "")
      return out
    })
  )
  if (results.length === 0) {
    const where = describeStore(choice)
    if (input.json) printJson({ ok: false, found: false, project: only ?? null, store: where })
    throw only === undefined
      ? new CliError(`在 ${where} 中没有找到任何项目`, `no project: not found in ${where}`)
      : new CliError(`在 ${where} 中没有找到项目 ${only}`, `project ${only} not found in ${where}`)
  }
  const ok = results.every((r) => r.result.ok)
  if (input.json) {
    printJson({ ok, found: true, projects: results.map((r) => ({ project: r.streamId, ...r.result })) })
    return ok ? 0 : 1
  }
  for (const { streamId, result } of results) {
    if (result.ok) line(`${green("✓")} ${streamId}: ${result.count} events, head ${result.head}`)
    else {
      line(`${red("✗")} ${streamId}: 第 ${result.firstBrokenPosition} 条起哈希链断裂(${result.reason})`)
      line(`  chain broken at position ${result.firstBrokenPosition} (${result.reason})`)
    }
  }
  return ok ? 0 : 1
}

/** @internal */
export const command = Command.make("verify", spec, action(run)).pipe(
  Command.withDescription("只读校验审计追踪的哈希链 / verify the audit trails, read-only")
)
