// The composition of a panel several methods share: a minimum size, an odd number and a minimum share of experts,
// compared exactly on integers (`experts × den ≥ size × num`).
import type { Finding, FindingsOf } from "../../../rules/Rule.js"

/** A fraction such as `2/3` as its numerator and denominator. */
export const fraction = (s: string): readonly [number, number] => {
  const [num, den] = s.split("/").map(Number) as [number, number]
  return [num, den]
}

/** The findings of a panel that is too small, even, or short of experts. `name` names the panel (评标委员会 …). */
export const composition = (
  f: FindingsOf,
  members: ReadonlyArray<{ readonly kind: string }>,
  rule: { readonly min: number; readonly share: string; readonly name: { readonly zh: string; readonly en: string } }
): ReadonlyArray<Finding> => {
  const [num, den] = fraction(rule.share)
  const size = members.length
  const experts = members.filter((m) => m.kind === "expert").length
  const out: Array<Finding> = []
  const { zh, en } = rule.name
  if (size < rule.min) {
    out.push(
      f.error(
        "members",
        `${zh} ${size} 人,少于 ${rule.min} 人`,
        `the ${en} has ${size} members, fewer than ${rule.min}`,
        `≥ ${rule.min}`,
        String(size)
      )
    )
  }
  if (size % 2 === 0) {
    out.push(
      f.error(
        "members",
        `${zh} ${size} 人,应为单数`,
        `the ${en} has ${size} members; it must be an odd number`,
        "odd",
        String(size)
      )
    )
  }
  if (experts * den < size * num) {
    out.push(
      f.error(
        "members",
        `评审专家 ${experts} 人,不足${zh}成员总数 ${size} 人的 ${rule.share}`,
        `${experts} experts of ${size} members of the ${en} is less than ${rule.share}`,
        `experts ≥ ${rule.share} × ${size}`,
        `${experts}/${size}`
      )
    )
  }
  return out
}
