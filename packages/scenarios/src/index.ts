/**
 * Rule scenarios as YAML/JSON data files: schema, loader and runner.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Rule scenarios as data files (YAML or JSON): a project is given (a parameter
 * file, plugins, or another scenario's end state), then a timeline of commands
 * is run, and each step states what must follow (events, a rejection and its
 * rules, state values, quota progress, payments, deadlines, findings).
 * Loading reports unknown keys, wrong types and unknown commands with the
 * file, line and path; running folds events with `Project.handle` and
 * `Project.evolve` in memory and reports each failed expectation as
 * `{ path, expected, actual }` with a readable diff, or as JUnit XML.
 *
 * @since 0.1.0
 */
export * as Scenario from "./Scenario.js"

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
 *   contract                     { contractId, supplierId, supplierName, amount, advance, balance, signedOn, periodEnd, payee } or null
 *   payments                     { advance, balance, total, count }: sums by kind
 *   implementationPlan           submitted | approved | returned, or null
 *   evidence                     number of deliverables in force
 *   quota.<itemId>               { done, required, met }
 *   briefings                    { submitted, onTime, late, missing, pending }: lists of months YYYY-MM
 *   spotChecks                   number
 *   acceptance                   { status: none | applied | passed | failed, attempts, passedOn, dueDate, rectificationDeadline }
 *   deadlines                    { publicityEnd, signBy, balanceDue, rectification }
 *   filed                        { reportNumber, filedOn } or null
 * ```
 *
 * @since 0.1.0
 */
export * as StateView from "./StateView.js"
