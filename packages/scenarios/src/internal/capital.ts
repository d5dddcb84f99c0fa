/**
 * Capital-letter amounts (大写金额) as the banking rules write them
 * (《支付结算办法》附件一): every legal form of an amount, reading an amount
 * back from its capital letters, and finding capital and figure amounts in a
 * text. The forms start from `Money.capital` of `@gsyf/core` and add the
 * freedoms the rules leave: a 零 at the 万 or 元 place (or in a run of zeros
 * through it) written or not, each such place on its own (rule 4(三)); 整 or
 * 正 after 元 (rule 2); 整 (or 正) after 角 or not; 圆 for 元 (rule 1); the
 * 人民币 prefix (rule 3), which a text may carry elsewhere.
 */
import { Money } from "@gsyf/core"
import * as Either from "effect/Either"

/** A form named by the author: `Money.capital`'s options. */
export interface Form {
  readonly zeroAtWanOrYuan?: "write" | "omit" | undefined
  readonly wholeAfterJiao?: boolean | undefined
}

const prefix = "人民币"

/** The 零s of `full` that `short` leaves out (`short` is `full` without some of its 零s). */
const optionalZeros = (full: string, short: string): ReadonlyArray<number> => {
  const out: Array<number> = []
  let j = 0
  for (let i = 0; i < full.length; i++) {
    if (j < short.length && full[i] === short[j]) j++
    else out.push(i)
  }
  return out
}

const subsets = <A>(xs: ReadonlyArray<A>): ReadonlyArray<ReadonlyArray<A>> =>
  xs.reduce<ReadonlyArray<ReadonlyArray<A>>>((acc, x) => [...acc, ...acc.map((s) => [...s, x])], [[]])

/** Every legal form of an amount, without the 人民币 prefix; empty for amounts the rules cannot write. */
export const forms = (m: Money.Money): ReadonlyArray<string> => {
  const write = Money.capital(m, { zeroAtWanOrYuan: "write", prefix: false })
  const omit = Money.capital(m, { zeroAtWanOrYuan: "omit", prefix: false })
  if (Either.isLeft(write) || Either.isLeft(omit)) return []
  const zeros = optionalZeros(write.right, omit.right)
  const out = new Set<string>()
  for (const dropped of subsets(zeros)) {
    const base = [...write.right].filter((_, i) => !dropped.includes(i)).join("")
    const ends = base.endsWith("角") ? [base, `${base}整`] : [base]
    for (const e of ends) {
      for (const whole of [e, e.replace(/整$/, "正")]) {
        out.add(whole)
        out.add(whole.replace("元", "圆"))
      }
    }
  }
  return [...out]
}

/** The form written with named options (prefix as in `text`). */
export const named = (m: Money.Money, form: Form, withPrefix: boolean): string | undefined =>
  Either.getOrUndefined(Money.capital(m, { ...form, prefix: withPrefix }))

/** Whether `text` is a legal capital form of `m` (with or without the 人民币 prefix). */
export const isFormOf = (text: string, m: Money.Money): boolean => {
  const bare = text.trim().startsWith(prefix) ? text.trim().slice(prefix.length) : text.trim()
  return forms(m).includes(bare)
}

/** The usual form (`Money.capital` with its defaults), for messages. */
export const usual = (m: Money.Money): string => Either.getOrElse(Money.capital(m), () => m.toString())

const digitOf: Readonly<Record<string, number>> = {
  零: 0,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9
}
const smallUnit: Readonly<Record<string, number>> = { 拾: 10, 佰: 100, 仟: 1000 }

/** The whole yuan of the part before 元, or undefined when it is not made of digits and units. */
const readYuan = (text: string): bigint | undefined => {
  let result = 0n
  let section = 0n
  let digit = 0n
  for (const ch of text) {
    if (ch in digitOf) digit = BigInt(digitOf[ch]!)
    else if (ch in smallUnit) {
      section += (digit === 0n ? 1n : digit) * BigInt(smallUnit[ch]!)
      digit = 0n
    } else if (ch === "万") {
      result += (section + digit) * 10_000n
      section = digit = 0n
    } else if (ch === "亿") {
      result = (result + section + digit) * 100_000_000n
      section = digit = 0n
    } else return undefined
  }
  return result + section + digit
}

/** The amount written in capital letters, in fen; undefined when the text is not one. */
export const parse = (text: string): bigint | undefined => {
  const t = text.trim().replace(/^人民币/, "").replace(/圆/g, "元").replace(/[整正]$/, "")
  const m = /^(?:(.*?)元)?零?(?:([壹贰叁肆伍陆柒捌玖])角)?(?:([壹贰叁肆伍陆柒捌玖])分)?$/.exec(t)
  if (m === null || t === "") return undefined
  const yuan = m[1] === undefined || m[1] === "" ? 0n : readYuan(m[1])
  if (yuan === undefined) return undefined
  const jiao = m[2] === undefined ? 0n : BigInt(digitOf[m[2]]!)
  const fen = m[3] === undefined ? 0n : BigInt(digitOf[m[3]]!)
  return yuan * 100n + jiao * 10n + fen
}

/** Capital amounts in a text. */
export const findCapitals = (text: string): ReadonlyArray<string> =>
  text.match(
    /(?:人民币)?[零壹贰叁肆伍陆柒捌玖拾][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*[元圆](?:零?[壹贰叁肆伍陆柒捌玖][角分])*[整正]?/g
  ) ??
    []

/** Amounts written in figures in a text (`¥872,000.00`, `87.2万元`, `872000元`), in fen. */
export const findFigures = (text: string): ReadonlyArray<bigint> => {
  const out: Array<bigint> = []
  const fen = (digits: string, times: number) => {
    const m = Either.getOrUndefined(Money.fromYuan(new Money.Decimal(digits.replace(/,/g, "")).times(times)))
    if (m !== undefined) out.push(Money.toFen(m))
  }
  for (const m of text.matchAll(/¥\s?([\d,]+(?:\.\d{1,2})?)/g)) fen(m[1]!, 1)
  for (const m of text.matchAll(/([\d,]+(?:\.\d+)?)\s*万元/g)) fen(m[1]!, 10_000)
  for (const m of text.matchAll(/(?<![\d.,])([\d,]+(?:\.\d{1,2})?)\s*元/g)) fen(m[1]!, 1)
  return out
}
