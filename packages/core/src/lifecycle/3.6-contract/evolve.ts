// 三(六) folds.
import { type Folds, setSub } from "../internal/state.js"

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
