/**
 * Open Contracting Data Standard 1.1 export of gsyf projects.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Open Contracting Data Standard (OCDS 1.1) export of a project: releases, a
 * compiled release per contracting process, and a release package.
 *
 * A project becomes three contracting processes. The project's own process,
 * `ocid = <prefix>-<projectId>`, carries the planning stage of the whole plan
 * (key areas, the plan, the budget split between the sub-projects). Each
 * sub-project is procured, awarded and contracted on its own (实施方案 三(五):
 * different methods, suppliers and contracts), so each is its own process,
 * `<prefix>-<projectId>-hazchem` and `<prefix>-<projectId>-keyAreas`, linked to
 * the project's process by `relatedProcesses` (relationship `planning`). A
 * release's id is `<ocid>-<eventId>`.
 *
 * @since 0.1.0
 */
export * as Ocds from "./Ocds.js"
