// 三(六) folds.
import { type Folds, setSub } from "../internal/state.js"

export const folds: Folds<"ContractSigned" | "PaymentMade"> = {
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
        balance: e.balance
      }
    })),
  PaymentMade: (s, e) =>
    setSub(s, e.subProject, (sp) => ({
      ...sp,
      payments: [...sp.payments, { eventId: e.id, kind: e.kind, amount: e.amount, paidOn: e.paidOn }]
    }))
}
