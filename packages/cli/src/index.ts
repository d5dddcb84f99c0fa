/**
 * The gsyf command line: demo, test, rules, explain, verify, ocds.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The `gsyf` command line.
 *
 * - `gsyf demo`: the seed plan's full lifecycle on the embedded SQLite store, with every document written to `./out`;
 * - `gsyf plan [file]`: validates a city's parameter file and prints the rule report;
 * - `gsyf test [files or folders]`: runs rule scenarios (`--junit file` writes JUnit XML; the plugins scenarios
 *   name come from the example packs, a `plugins.ts` found beside the scenarios, or `--registry <module>`);
 * - `gsyf rules`: lists every rule with its id, titles and legal basis;
 * - `gsyf explain <project> [event id]`: explains a decision of a stored project;
 * - `gsyf verify [project]`: checks a store's audit trail;
 * - `gsyf ocds <project>`: writes a stored project's OCDS release package (`--validate`: checks it and its
 *   compiled releases with `Ocds.validate`; `--validate --file <package.json>` checks a package file).
 *
 * Stores: `--db <file>` (SQLite, default `out/gsyf-demo.db`) or `--pg <url>` / `GSYF_DATABASE_URL` (PostgreSQL).
 *
 * @since 0.1.0
 */
export * as Cli from "./Cli.js"
