// The bids that passed the qualification and conformity review (资格审查、符合性审查): every bid not rejected.
import type { ProcurementState } from "../../ProjectState.js"

/** The bids still in the procurement after the review. */
export const qualifiedBids = (proc: ProcurementState): ProcurementState["bids"] =>
  proc.bids.filter((b) => b.rejected === undefined)
