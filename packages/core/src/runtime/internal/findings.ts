/**
 * What an audit of a whole store can find, each with a Chinese and an English
 * sentence naming the stream, the position, the command or the read model.
 *
 * @internal
 */
import type * as AuditTrail from "../AuditTrail.js"

/** The kinds of findings. */
export type FindingKind =
  | "checkpoint-signature"
  | "chain"
  | "stream-missing"
  | "stream-truncated"
  | "history-rewritten"
  | "global-order-changed"
  | "commands-changed"
  | "command-missing"
  | "command-mismatch"
  | "receipt-invalid"
  | "receipt-unknown-key"
  | "receipt-missing"
  | "unattested"
  | "projection-failed"
  | "read-model-mismatch"
  | "read-model-missing"
  | "read-model-extra"

/** Where a finding points. */
export interface Place {
  readonly streamId?: string | undefined
  readonly position?: number | undefined
  readonly toPosition?: number | undefined
  readonly commandId?: string | undefined
  readonly projection?: string | undefined
  readonly key?: string | undefined
  readonly reason?: AuditTrail.BrokenReason | undefined
}

/** One finding. */
export interface Finding extends Place {
  readonly kind: FindingKind
  readonly zh: string
  readonly en: string
}

const chainText: Record<AuditTrail.BrokenReason, { readonly zh: string; readonly en: string }> = {
  "position-gap": {
    zh: "事件序号不连续(有事件被删除、插入或调换)",
    en: "positions are not consecutive (an event was deleted, inserted or moved)"
  },
  "prev-hash-mismatch": { zh: "前序哈希与上一事件的哈希不符", en: "prevHash is not the hash of the previous event" },
  "hash-mismatch": { zh: "事件内容已被改动(哈希不符)", en: "the event's content was altered (hash mismatch)" },
  "record-mismatch": {
    zh: "事件引用的共享记录缺失或已被改动",
    en: "the record the event names is missing or was altered"
  }
}

const texts: { readonly [K in FindingKind]: (p: Place) => { readonly zh: string; readonly en: string } } = {
  "checkpoint-signature": () => ({
    zh: "检查点的签名无效或不是由给定的密钥签署",
    en: "the checkpoint's signature is invalid or not made with a given key"
  }),
  chain: (p) => chainText[p.reason ?? "hash-mismatch"],
  "stream-missing": () => ({
    zh: "检查点记录的流已不存在(被删除)",
    en: "the stream recorded in the checkpoint is gone (deleted)"
  }),
  "stream-truncated": (p) => ({
    zh: `检查点记录到第 ${p.toPosition} 号事件,现只剩到第 ${(p.position ?? 1) - 1} 号(尾部被截去)`,
    en: `the checkpoint records events up to position ${p.toPosition}, only ${
      (p.position ?? 1) - 1
    } remain (tail truncated)`
  }),
  "history-rewritten": (p) => ({
    zh: `第 ${p.toPosition} 号事件的哈希与检查点不符:此前的事件被改写(哈希链被重新计算)`,
    en:
      `the hash at position ${p.toPosition} differs from the checkpoint: earlier events were rewritten (chain recomputed)`
  }),
  "global-order-changed": () => ({
    zh: "事件的全局序号与检查点记录的不符(全局顺序被改动)",
    en: "the events' global positions differ from the checkpoint (global order changed)"
  }),
  "commands-changed": () => ({
    zh: "检查点覆盖的命令记录被改动、删除或增加",
    en: "command rows covered by the checkpoint were edited, deleted or added"
  }),
  "command-missing": (p) => ({
    zh: `事件所属的命令 ${p.commandId} 没有命令记录`,
    en: `the event's command ${p.commandId} has no command row`
  }),
  "command-mismatch": (p) => ({
    zh: `命令 ${p.commandId} 的命令记录与其事件不符`,
    en: `the command row of ${p.commandId} does not match its events`
  }),
  "receipt-invalid": (p) => ({
    zh: `命令 ${p.commandId} 的回执签名无效(命令记录或事件被改动,或为伪造)`,
    en: `the receipt of command ${p.commandId} does not verify (row or events altered, or forged)`
  }),
  "receipt-unknown-key": (p) => ({
    zh: `命令 ${p.commandId} 的回执由未知密钥签署`,
    en: `the receipt of command ${p.commandId} was signed with an unknown key`
  }),
  "receipt-missing": (p) => ({
    zh: `命令 ${p.commandId} 没有回执,而此存储的每次追加都应签署回执`,
    en: `command ${p.commandId} has no receipt though every append of this store is signed`
  }),
  unattested: (p) => ({
    zh: `第 ${p.position} 至 ${p.toPosition} 号事件既不在检查点内,也没有有效回执(可能为伪造的追加)`,
    en:
      `positions ${p.position} to ${p.toPosition} are neither in the checkpoint nor receipted (possibly a forged append)`
  }),
  "projection-failed": (p) => ({
    zh: `投影 ${p.projection} 无法处理已存储的事件`,
    en: `projection ${p.projection} fails on the stored events`
  }),
  "read-model-mismatch": (p) => ({
    zh: `读模型 ${p.projection} 的 ${p.key} 与由事件重建的结果不符`,
    en: `read model ${p.projection} key ${p.key} differs from the one rebuilt from the events`
  }),
  "read-model-missing": (p) => ({
    zh: `读模型 ${p.projection} 缺少 ${p.key}`,
    en: `read model ${p.projection} lacks key ${p.key}`
  }),
  "read-model-extra": (p) => ({
    zh: `读模型 ${p.projection} 有事件中没有依据的 ${p.key}`,
    en: `read model ${p.projection} has key ${p.key} that no event supports`
  })
}

/** A finding with its sentences, prefixed by the stream and position it names. */
export const finding = (kind: FindingKind, place: Place = {}): Finding => {
  const t = texts[kind](place)
  const where = (zhStream: string, enStream: string) =>
    place.streamId === undefined
      ? { zh: "", en: "" }
      : {
        zh: `${zhStream} ${place.streamId}${place.position === undefined ? "" : ` 第 ${place.position} 号事件`}:`,
        en: `${enStream} ${place.streamId}${place.position === undefined ? "" : ` position ${place.position}`}: `
      }
  const w = where("流", "stream")
  const defined = Object.fromEntries(Object.entries(place).filter(([, v]) => v !== undefined)) as Place
  return { kind, ...defined, zh: w.zh + t.zh, en: w.en + t.en }
}
