/**
 * The catalog of legal bases stores write by reference (`@gsyf/core` `LegalBasis.catalog`) holds every basis the
 * library cites — its rules, guards and parameters, and what its handlers write when the example scenarios run —
 * and is append-only: its entries still give the head committed with them, so none was removed, edited or
 * reordered (the events citing it would no longer decode). `npx tsx packages/scenarios/test/legalBases.ts` appends
 * what is missing.
 */
import { LegalBasis } from "@gsyf/core"
import { describe, expect, it } from "vitest"
import { entries, head } from "../../core/src/kernel/internal/legalBases.js"
import { collect, headOf } from "./legalBases.js"

describe("the catalog of legal bases", () => {
  it("holds every basis the library cites", () => {
    const cited = collect()
    expect(cited.length).toBeGreaterThan(150)
    const missing = cited.filter((b) => LegalBasis.catalog.refFor(b) === undefined)
    expect(missing.map((b) => LegalBasis.canonical(b))).toEqual([])
  })

  it("is append-only: its entries give the committed head, and a removed entry is seen", () => {
    expect(headOf(entries)).toBe(head)
    expect(headOf(entries.slice(0, -1))).not.toBe(head)
    expect(headOf([...entries.slice(0, 3), ...entries.slice(4)])).not.toBe(head)
    expect(new Set(entries.map((e) => e[0])).size).toBe(entries.length)
  })
})
