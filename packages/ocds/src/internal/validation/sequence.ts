/**
 * Checks across the releases of a package: unique ids, date order, tags in the order the releaseTag codelist
 * describes, ocid prefixes, and compiled releases that are the merge of their releases.
 *
 * @internal
 */
import { isObject, type Json, type JsonObject, pointer } from "../json.js"
import { compile, groupByOcid, type MergeRules } from "../merge.js"
import type { Sink } from "./issue.js"

/**
 * The tags that need an earlier release of the same process with another tag (releaseTag codelist: "there
 * should be at least one tender release with the same ocid, but an earlier release date, before a tenderUpdate
 * is published" and so on). Releases of the same instant count in package order.
 */
const needs: Readonly<Record<string, string>> = {
  planningUpdate: "planning",
  tenderAmendment: "tender",
  tenderUpdate: "tender",
  tenderCancellation: "tender",
  awardUpdate: "award",
  awardCancellation: "award",
  contractUpdate: "contract",
  contractAmendment: "contract",
  implementationUpdate: "implementation",
  contractTermination: "contract"
}

const time = (r: JsonObject): number => (typeof r.date === "string" ? Date.parse(r.date) : Number.NaN)
const tags = (r: JsonObject): ReadonlyArray<string> =>
  Array.isArray(r.tag) ? r.tag.filter((t): t is string => typeof t === "string") : []
const idOf = (r: JsonObject): string => (typeof r.id === "string" ? r.id : String(r.id))

/** @internal Release ids unique per ocid, releases in date order, tags after their prerequisites. */
export const checkSequence = (releases: ReadonlyArray<JsonObject>, out: (id: string) => Sink): void => {
  const seen = new Set<string>()
  const published = new Map<string, Set<string>>()
  let latest = Number.NEGATIVE_INFINITY
  let latestId = ""
  releases.forEach((r, i) => {
    const sink = out(idOf(r))
    const key = JSON.stringify([r.ocid, r.id])
    if (seen.has(key)) {
      sink.error("release-id", "/id", "同一 ocid 下的发布编号重复", `the release id ${idOf(r)} repeats within its ocid`)
    }
    seen.add(key)
    const t = time(r)
    if (t < latest) {
      sink.error(
        "date-order",
        "/date",
        `发布日期早于包中排在其前的发布 ${latestId}`,
        `dated before release ${latestId}, which comes earlier in the package`
      )
    } else if (!Number.isNaN(t)) [latest, latestId] = [t, idOf(r)]
    const ocid = String(r.ocid)
    const before = published.get(ocid) ?? new Set<string>()
    tags(r).forEach((tag, j) => {
      const required = needs[tag]
      if (tag === "compiled") {
        sink.error(
          "tag-order",
          pointer(["tag", j]),
          "compiled 只用于合并发布",
          "the compiled tag is for compiled releases only"
        )
      } else if (required !== undefined && !before.has(required)) {
        sink.error(
          "tag-order",
          pointer(["tag", j]),
          `${tag} 之前须有同一 ocid 的 ${required} 发布`,
          `${tag} needs an earlier ${required} release of the same ocid (release ${i})`
        )
      }
    })
    published.set(ocid, new Set([...before, ...tags(r)]))
  })
}

const prefix = /^ocds-[a-z0-9]{6}-/

/** @internal Each distinct ocid: a registered-looking prefix (`ocds-` and six characters), not the local default. */
export const checkOcids = (
  releases: ReadonlyArray<JsonObject>,
  defaultPrefix: string,
  out: (id: string) => Sink
): void => {
  const reported = new Set<string>()
  for (const r of releases) {
    const ocid = String(r.ocid)
    if (reported.has(ocid)) continue
    reported.add(ocid)
    if (!prefix.test(ocid)) {
      out(idOf(r)).warning(
        "ocid-prefix",
        "/ocid",
        "ocid 不以登记的前缀(ocds- 加 6 个字符)开头",
        "the ocid does not start with a registered prefix (ocds- and six characters)"
      )
    } else if (ocid.startsWith(`${defaultPrefix}-`)) {
      out(idOf(r)).warning(
        "ocid-prefix",
        "/ocid",
        `ocid 使用未登记的本地默认前缀 ${defaultPrefix},数据不具全球唯一性`,
        `the ocid uses the unregistered local default prefix ${defaultPrefix}: it is not globally unique`
      )
    }
  }
}

/** The first paths where two JSON values differ (at most `limit`). */
const differences = (a: Json | undefined, b: Json | undefined, path: Array<string | number>, found: Array<string>) => {
  if (found.length >= 5) return
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) found.push(pointer(path))
    else a.forEach((x, i) => differences(x, b[i], [...path, i], found))
  } else if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[k], b[k], [...path, k], found)
  } else if (a !== b) found.push(pointer(path))
}

/**
 * Each compiled release: one per ocid of the package, tagged `compiled`, dated as the latest release, and
 * equal to the merge of the package's releases of its ocid.
 *
 * @internal
 */
export const checkCompiled = (
  rules: MergeRules,
  releases: ReadonlyArray<JsonObject>,
  compiled: ReadonlyArray<JsonObject>,
  out: (ocid: string) => Sink
): void => {
  const groups = groupByOcid(releases)
  const covered = new Set<string>()
  for (const c of compiled) {
    const ocid = String(c.ocid)
    const sink = out(ocid)
    covered.add(ocid)
    const own = groups.get(ocid)
    if (own === undefined) {
      sink.error("compiled-release", "/ocid", "包中没有该 ocid 的发布", "no release of the package has this ocid")
      continue
    }
    const expected = compile(rules, own)
    if (JSON.stringify(c.tag) !== JSON.stringify(["compiled"])) {
      sink.error(
        "compiled-release",
        "/tag",
        "合并发布的 tag 须为 [\"compiled\"]",
        "a compiled release's tag is [\"compiled\"]"
      )
    }
    if (c.date !== expected.date) {
      sink.error(
        "compiled-release",
        "/date",
        "合并发布的日期须为最新发布的日期",
        "a compiled release is dated as its latest release"
      )
    }
    const found: Array<string> = []
    const { id: _a, tag: _b, date: _c, ...body } = c
    const { id: _d, tag: _e, date: _f, ...want } = expected
    differences(body, want, [], found)
    for (const path of found) {
      sink.error(
        "compiled-release",
        path,
        "与按 OCDS 合并规则合并包中各发布的结果不同",
        "differs from the merge of the package's releases (OCDS merge routine)"
      )
    }
  }
  for (const ocid of groups.keys()) {
    if (!covered.has(ocid)) {
      out(ocid).error("compiled-release", "", "缺少该 ocid 的合并发布", "no compiled release for this ocid")
    }
  }
}
