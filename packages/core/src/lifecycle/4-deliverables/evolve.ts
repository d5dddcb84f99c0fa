// 四 folds, with each event's status facts and deadline steps.
import * as Chunk from "effect/Chunk"
import * as Option from "effect/Option"
import { type DeadlineSteps, noDeadline } from "../internal/deadlines.js"
import * as EvidenceIndex from "../internal/evidenceIndex.js"
import { setIn } from "../internal/persistentMap.js"
import {
  type BatchFold,
  copyState,
  copySub,
  type FactFolds,
  type Folds,
  mapWith,
  ownSub,
  setSub,
  unchanged,
  withSub
} from "../internal/state.js"
import type { State } from "../ProjectState.js"
import * as Deliverable from "./Deliverable.js"

const reviewed = (s: State, designId: string, status: "approved" | "returned"): State => {
  const d = s.designs.get(designId)
  return d === undefined ? s : { ...s, designs: mapWith(s.designs, designId, { ...d, status }) }
}

export const folds: Folds<
  | "MaterialDesignSubmitted"
  | "MaterialDesignApproved"
  | "MaterialDesignReturned"
  | "DeliverableRecorded"
  | "DeliverableCorrected"
> = {
  MaterialDesignSubmitted: (s, e) => ({
    ...s,
    designs: mapWith(s.designs, e.designId, { materialType: e.materialType, status: "submitted" })
  }),
  MaterialDesignApproved: (s, e) => reviewed(s, e.designId, "approved"),
  MaterialDesignReturned: (s, e) => reviewed(s, e.designId, "returned"),
  // The bulk of a project's events: copies with every field named rather than spreads.
  DeliverableRecorded: (s, e) => {
    const sp = copySub(s.subProjects[e.subProject])
    sp.evidence = Chunk.append(sp.evidence, { eventId: e.id, evidence: e.evidence })
    sp.evidenceIndex = EvidenceIndex.add(sp.evidenceIndex, e.evidence)
    const next = copyState(s)
    next.subProjects = withSub(s.subProjects, e.subProject, sp)
    next.evidenceOwner = mapWith(s.evidenceOwner, e.id, e.subProject)
    return next
  },
  DeliverableCorrected: (s, e) => {
    const owner = s.evidenceOwner.get(e.corrects)
    if (owner === undefined) return s
    const removed = setSub(
      s,
      owner,
      (sp) => {
        const corrected = Chunk.findFirst(sp.evidence, (x) => x.eventId === e.corrects)
        return Option.isNone(corrected) ? sp : {
          ...sp,
          evidence: Chunk.filter(sp.evidence, (x) => x.eventId !== e.corrects),
          evidenceIndex: EvidenceIndex.remove(sp.evidenceIndex, corrected.value.evidence)
        }
      }
    )
    const replacement = e.replacement
    if (replacement === undefined) return removed
    const target = Deliverable.subProjectOf(replacement)
    return {
      ...setSub(removed, target, (sp) => ({
        ...sp,
        evidence: Chunk.append(sp.evidence, { eventId: e.id, evidence: replacement }),
        evidenceIndex: EvidenceIndex.add(sp.evidenceIndex, replacement)
      })),
      evidenceOwner: mapWith(removed.evidenceOwner, e.id, target)
    }
  }
}

// The bulk of a project's events, folded in place by a batch (`ProjectState.evolveAll`): the same state as `folds`.
export const batchFolds: { readonly DeliverableRecorded: BatchFold<"DeliverableRecorded"> } = {
  DeliverableRecorded: (s, e, batch) => {
    const sp = ownSub(batch, s, e.subProject)
    batch.pending[e.subProject].push({ eventId: e.id, evidence: e.evidence })
    sp.evidenceIndex = EvidenceIndex.add(sp.evidenceIndex, e.evidence, batch.owner)
    s.evidenceOwner = setIn(s.evidenceOwner, e.id, e.subProject, batch.owner)
  }
}

// What each event changes in the status facts (from which the status is derived; see `ProjectState.statusOf`).
export const facts: FactFolds<keyof typeof folds> = {
  MaterialDesignSubmitted: unchanged,
  MaterialDesignApproved: unchanged,
  MaterialDesignReturned: unchanged,
  DeliverableRecorded: unchanged,
  DeliverableCorrected: unchanged
}

// Which deadlines each event opens or closes (the `gsyf.projects` read model's open deadlines).
export const deadlines: DeadlineSteps<keyof typeof folds> = {
  MaterialDesignSubmitted: noDeadline,
  MaterialDesignApproved: noDeadline,
  MaterialDesignReturned: noDeadline,
  DeliverableRecorded: noDeadline,
  DeliverableCorrected: noDeadline
}
