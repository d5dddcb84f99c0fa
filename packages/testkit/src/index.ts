/**
 * Conformance suites for gsyf ports (event store, renderers).
 *
 * @packageDocumentation
 * @since 0.1.0
 */

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
