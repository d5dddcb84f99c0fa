/**
 * Every event type's release builder, by plan section. The record is exhaustive over the event union: a new
 * event type does not compile until a section says what it publishes (or that it publishes nothing).
 *
 * @internal
 */
import type { Builders } from "./builder.js"
import { acceptance } from "./sections/acceptance.js"
import { budget } from "./sections/budget.js"
import { contract } from "./sections/contract.js"
import { implementation } from "./sections/implementation.js"
import { keyAreas } from "./sections/keyAreas.js"
import { plan } from "./sections/plan.js"
import { procurement } from "./sections/procurement.js"
import { publicity } from "./sections/publicity.js"
import { supervision } from "./sections/supervision.js"
import type { Tag } from "./state.js"

/** @internal */
export const builders: Builders<Tag> = {
  ...keyAreas, // 三(一)
  ...plan, // 三(二)
  ...budget, // 三(三)
  ...publicity, // 三(四)
  ...procurement, // 三(五)
  ...contract, // 三(六)
  ...implementation, // 三(七)
  ...supervision, // 三(八)
  ...acceptance // 三(九)
}
