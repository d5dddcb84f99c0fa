/**
 * The former name of `Lifecycle` (the project decider), kept so that hosts written against 0.1 still compile.
 *
 * @deprecated Since 0.2.0: import `Lifecycle` from `@gsyf/core` (or `@gsyf/core/Lifecycle`); the values and types are
 * the same.
 * @since 0.1.0
 */
export * from "./Lifecycle.js"
