/**
 * The gsyf command line: demo, test, rules, explain, verify, ocds.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The `gsyf` command line, on `@effect/cli`.
 *
 * - `gsyf demo`: the seed plan's full lifecycle on a store (SQLite in `./out` by default), every document written;
 * - `gsyf plan [file]`: validates a city's parameter file and prints the rule report;
 * - `gsyf test [files or folders]`: runs rule scenarios (`--junit file` writes JUnit XML; plugins come from the
 *   example packs, a `plugins.ts`/`.mjs`/`.js` beside the scenarios, or `--registry <module>`);
 * - `gsyf rules`: lists every rule with its id, titles and legal basis;
 * - `gsyf explain <project> [event id]`: explains a decision of a stored project;
 * - `gsyf verify [project]`: checks a store's audit trail, read-only;
 * - `gsyf ocds <project>`: writes a stored project's OCDS release package (`--validate`: checks it and its
 *   compiled releases with `Ocds.validate`; `--validate --file <package.json>` checks a package file).
 *
 * Every command takes `--help` (which runs nothing) and `--json` (machine output on stdout, messages on stderr);
 * `gsyf --version` prints the version. Stores: `--db <file>` (SQLite, default `out/gsyf-demo.db`) or `--pg <url>` /
 * `GSYF_DATABASE_URL` (PostgreSQL), with `--schema` and `--table-prefix`. Without a file argument the commands use
 * the seed plan and example scenarios shipped in the package. Exit codes: 0 done, 1 the work failed (a rule, a
 * broken chain, a project not found), 2 the command line is wrong (unknown flag, missing value), 70 an internal
 * error.
 *
 * @since 0.1.0
 */
export * as Cli from "./Cli.js"
