// 三(六) folds, with each event's status facts and deadline steps.
import { closeDeadline, type DeadlineSteps, noDeadline, openDeadline } from "../internal/deadlines.js"
import { type FactFolds, type Folds, setSub, subFacts, unchanged } from "../internal/state.js"

export const folds: Folds<
  "ContractSigned" | "PaymentMade" | "ContractAmended" | "ContractTerminated" | "ContractPublished" | "ContractFiled"
> = {
  ContractSigned: (s, e) =>
    setSub(s, e.subProject, (sp) => ({
      ...sp,
      contract: {
        eventId: e.id,
        contractId: e.contractId,
        supplierId: e.supplierId,
        supplierName: e.supplierName,
        amount: e.amount,
        payee: e.payee,
        signedOn: e.signedOn,
        periodEnd: e.periodEnd,
        advance: e.advance,
        balance: e.balance,
        originalAmount: e.amount,
        supplements: [],
        sme: e.sme,
        lateInterestRate: e.lateInterestRate,
        paymentTermDays: e.paymentTermDays,
        // set only when agreed, so that a state without them keeps the shape of `Lifecycle.stateVersion` 3
        ...(e.performanceTargets === undefined ? {} : { performanceTargets: e.performanceTargets }),
        publishBy: e.publishBy,
        fileBy: e.fileBy
      }
    })),
  ContractAmended: (s, e) =>
    setSub(s, e.subProject, (sp) => ({
      ...sp,
      contract: {
        ...sp.contract!,
        amount: e.newAmount,
        balance: e.balance,
        supplements: [...(sp.contract!.supplements ?? []), { supplementId: e.supplementId, amount: e.amount }]
      }
    })),
  ContractTerminated: (s, e) =>
    setSub(s, e.subProject, (sp) => ({
      ...sp,
      contract: { ...sp.contract!, terminated: { on: e.terminatedOn, owed: e.owed, eventId: e.id } }
    })),
  ContractPublished: (s, e) =>
    setSub(s, e.subProject, (sp) => ({ ...sp, contract: { ...sp.contract!, publishedOn: e.publishedOn } })),
  ContractFiled: (s, e) =>
    setSub(s, e.subProject, (sp) => ({ ...sp, contract: { ...sp.contract!, filedOn: e.filedOn } })),
  PaymentMade: (s, e) =>
    setSub(s, e.subProject, (sp) => ({
      ...sp,
      payments: [...sp.payments, { eventId: e.id, kind: e.kind, amount: e.amount, paidOn: e.paidOn }]
    }))
}

// What each event changes in the status facts (from which the status is derived; see `ProjectState.statusOf`).
export const facts: FactFolds<keyof typeof folds> = {
  ContractSigned: (f, e) => subFacts(f, e.subProject, { contract: true }),
  ContractAmended: unchanged,
  ContractTerminated: unchanged,
  ContractPublished: unchanged,
  ContractFiled: unchanged,
  PaymentMade: unchanged
}

// Which deadlines each event opens or closes (the `gsyf.projects` read model's open deadlines).
export const deadlines: DeadlineSteps<keyof typeof folds> = {
  ContractSigned: (d, e) => {
    closeDeadline(d, "sign", e.subProject)
    openDeadline(d, "period", "work-ends", e.subProject, e.periodEnd)
    if (e.publishBy !== undefined) openDeadline(d, "publish", "contract-publication-due", e.subProject, e.publishBy)
    if (e.fileBy !== undefined) openDeadline(d, "file", "contract-filing-due", e.subProject, e.fileBy)
  },
  ContractAmended: noDeadline,
  ContractTerminated: (d, e) => {
    for (const name of ["period", "rectification", "balance", "publish", "file"]) closeDeadline(d, name, e.subProject)
  },
  ContractPublished: (d, e) => closeDeadline(d, "publish", e.subProject),
  ContractFiled: (d, e) => closeDeadline(d, "file", e.subProject),
  PaymentMade: (d, e) => {
    if (e.kind === "balance" || e.kind === "settlement") closeDeadline(d, "balance", e.subProject)
  }
}
