/**
 * Test kit for gsyf hosts and plugin authors: the decider specification (given events, when a command, then events or a rejection) and the event store conformance suite.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Given / when / then for a decider, in the style of Emmett's
 * `DeciderSpecification`: given the events a project already has, when a
 * command arrives, then exactly these events (whole, every field compared) or
 * a rejection naming these rule ids. A rejection is also checked to change
 * nothing: the state it was decided on is the same afterwards (compared as a
 * structural snapshot) and deciding the command again gives the same answer.
 *
 * ```ts
 * import { Lifecycle } from "@gsyf/core"
 * import { DeciderSpecification } from "@gsyf/testkit"
 *
 * const spec = DeciderSpecification.lifecycle(config) // or DeciderSpecification.make(anyDecider)
 * spec.given([keyAreasSelected]).when(opinionCommand).then([opinionRecorded])
 * spec.given([]).when(issuePlan).thenRejected({ _tag: "OutOfOrder", ruleIds: ["lifecycle.key-areas-first"] })
 * ```
 *
 * Runs under vitest (its `expect` gives the diffs).
 *
 * @since 0.2.0
 */
export * as DeciderSpecification from "./DeciderSpecification.js"

/**
 * The event store conformance suite, written once and run unchanged against
 * every adapter (memory, SQLite, PostgreSQL, and any store someone else writes).
 *
 * ```ts
 * import { EventStore } from "@gsyf/core"
 * import { EventStoreSuite } from "@gsyf/testkit"
 *
 * EventStoreSuite.suite("memory", (options) => EventStore.layerMemory(options))
 * ```
 *
 * The factory receives the suite's own projections and an audit key's signer,
 * and must give both to the store it builds (spreading the options into the
 * adapter's own is enough). Give `tamper` (write different `data` into a stored event
 * without touching its hash) to run the tamper-detection case.
 *
 * @since 0.1.0
 */
export * as EventStoreSuite from "./EventStoreSuite.js"
