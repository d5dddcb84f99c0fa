/**
 * Rule scenarios as YAML/JSON data files: schema, loader and runner.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Named checkpoints of the seed lifecycle (示例市 2026, the plan of
 * `examples/scenarios/seed/`), shipped with the package: a scenario writes
 * `from: seed@budget-approved` and starts from the state the seed plan has
 * reached at that step, with its parameters, plugins and actors (`bureau`,
 * `committee`, `finance`, `agency`, `providerA`…, `expert1`…, `unit-hr`…).
 * There is one checkpoint for each step of the plan, both sub-projects at the
 * same step where the seed has them so.
 *
 * A checkpoint runs the seed's stage files up to the stage it belongs to (each
 * checked by its own expectations), then the steps of that stage it names
 * (their expectations are the stage file's business, so they are not checked
 * again). A scenario's `parameters: { overlay: … }` changes parameters of a
 * checkpoint for that scenario only.
 *
 * @since 0.2.0
 */
export * as Checkpoint from "./Checkpoint.js"

/**
 * What a scenario step expects, and how it is checked against what the step
 * produced: its events, a rejection and its rules, findings, values of the
 * {@link StateView}, quota progress, payments and deadlines. Each expectation
 * that does not hold becomes a {@link Failure} with its path and line in the
 * scenario file.
 *
 * @since 0.2.0
 */
export * as Expectation from "./Expectation.js"

/**
 * A city's planning chain from a few facts. A scenario's `given:` block names
 * the city, the year and, when they differ from the seed plan's, the fund
 * revenue the 3% cap is taken on, the two sub-projects' budgets and the key
 * areas; the scenario then starts where that city's chain has got to: the key
 * areas selected from statistics that rank the given industries in the given
 * order (plus the hazardous-chemicals area the national programme mandates),
 * the eight member units' opinions, the plan issued, the key-enterprise list
 * provided and, when asked (`through`), the budget submitted and approved.
 *
 * ```yaml
 * given: { city: 某市, year: 2025, fund: 9000万元, budgets: { hazchem: 60万元, keyAreas: 200万元 }, keyAreas: [C, E, G] }
 * ```
 *
 * Every other parameter is the seed plan's (`examples/plans/seed-2026.yaml`,
 * shipped with the package), its months moved to the given year; a
 * scenario's `parameters: { overlay: … }` changes them for the case. The
 * actors are the seed plan's (`bureau`, `committee`, `finance`, `agency`,
 * `providerA`…, `expert1`…, `unit-hr`…) with the city's name in their
 * organisations. The chain's commands run through the lifecycle like any
 * step, so every rule applies to them.
 *
 * @since 0.2.0
 */
export * as Given from "./Given.js"

/**
 * Loading scenario files (YAML or JSON): the file schema, the loaded
 * {@link Scenario} with its `from` chain, and the files under folders. Loading
 * reports unknown keys, wrong types, unknown commands and actors and invalid
 * command input with the file, line and path, and holds every file read to
 * {@link Limits} (size, nesting depth, aliases and their expansion).
 *
 * @since 0.2.0
 */
export * as Load from "./Load.js"

/**
 * Reports of scenario results: a readable text per result with each failed
 * expectation's path, `file:line`, expected and actual values (coloured only
 * when asked), a summary of many results, and JUnit XML for CI.
 *
 * @since 0.2.0
 */
export * as Report from "./Report.js"

/**
 * Running loaded scenarios in memory: the `from` chain first (each scenario
 * run once per run, its end state shared), then each step through
 * `Lifecycle.handle(config)` and `Lifecycle.evolve`, checking its
 * expectations. Results keep every step's events, rejection and failed
 * expectations.
 *
 * @since 0.2.0
 */
export * as Run from "./Run.js"

/**
 * Rule scenarios as data files (YAML or JSON): a project is given (a parameter
 * file, plugins, or another scenario's end state), then a timeline of commands
 * is run, and each step states what must follow (events, a rejection and its
 * rules, state values, quota progress, payments, deadlines, findings).
 *
 * This module gathers the whole API under one name: loading ({@link Load}),
 * expectations ({@link Expectation}), running ({@link Run}) and reports
 * ({@link Report}) live in their own modules and are re-exported here, so
 * `Scenario.load`, `Scenario.run`, `Scenario.runAll`, `Scenario.formatResult`
 * and `Scenario.junit` read as before.
 *
 * @since 0.1.0
 */
export * as Scenario from "./Scenario.js"

/**
 * Why a scenario cannot be loaded or configured: each problem with its file,
 * line, column and path in the file, a code saying what kind of problem it is,
 * and a message in Chinese and English. Messages about a file a scenario
 * refers to (a parameter file, a scenario it starts from) never quote that
 * file's content.
 *
 * @since 0.2.0
 */
export * as ScenarioError from "./ScenarioError.js"

/**
 * A documented JSON view of a project's state as of a date, the thing a
 * scenario's `state:` expectations address by path (for instance
 * `subProjects.keyAreas.contract.amount` or `subProjects.hazchem.briefings.missing`).
 * Amounts are strings in yuan with two decimals ("872000.00"), dates are
 * `YYYY-MM-DD`, absent things are `null`.
 *
 * ```text
 * status                         Project.status: new | key-areas-selected | plan-issued | budget-submitted
 *                                | budget-approved | procurement | implementation | acceptance | accepted | filed
 * version                        number of events folded
 * keyAreas                       selected key-area labels, or null
 * opinions.<unit>                true/false: the member unit's opinion agrees
 * plan                           { documentNumber, issuedOn } or null
 * keyEnterpriseList              the committee's list, or null
 * budget.status                  none | submitted | approved | returned
 * designs.<designId>             { materialType, status: submitted | approved | returned }
 * subProjects.<hazchem|keyAreas>
 *   publicity                    { startsOn, endsOn, objections: [{ id, receivedOn, resolved }] } or null
 *   procurement                  { method, category, documentsIssuedOn, responseDeadline, bids, panel, scored } or null
 *   award                        { supplierId, supplierName, value, awardedOn, signBy } or null
 *   contract                     { contractId, supplierId, supplierName, amount, advance, balance, signedOn,
 * periodEnd, payee } or null
 *   payments                     { advance, balance, total, count }: sums by kind
 *   implementationPlan           submitted | approved | returned, or null
 *   evidence                     number of deliverables in force
 *   quota.<itemId>               { done, required, met }
 *   briefings                    { submitted, onTime, late, missing, pending }: lists of months YYYY-MM;
 *                                calendarNotCovered: the year the calendar lacks (the lists are then empty), or null
 *   spotChecks                   number
 *   acceptance                   { status: none | applied | passed | failed, attempts, passedOn, dueDate,
 * rectificationDeadline }
 *   deadlines                    { publicityEnd, signBy, balanceDue, rectification }
 *   filed                        { reportNumber, filedOn } or null
 * ```
 *
 * @since 0.1.0
 */
export * as StateView from "./StateView.js"
