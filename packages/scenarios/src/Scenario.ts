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
export { Expectation, type Failure } from "./Expectation.js"
export {
  collect,
  defaultLimits,
  type Limits,
  load,
  loadAll,
  type LoadedStep,
  type LoadOptions,
  type Scenario,
  ScenarioFile,
  Step
} from "./Load.js"
export { type FormatOptions, formatResult, formatResults, junit } from "./Report.js"
export { type Result, run, runAll, type RunOptions, type StepResult } from "./Run.js"
export { IssueCode, ScenarioError, ScenarioIssue } from "./ScenarioError.js"
