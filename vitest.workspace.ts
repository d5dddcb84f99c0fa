/**
 * The list of test projects: one per package. Vitest 3.2 deprecates the
 * workspace file itself, so the root `vitest.config.ts` feeds this list to
 * `test.projects`.
 */
export default ["packages/*/vitest.config.ts"]
