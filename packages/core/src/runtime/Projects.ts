/**
 * The former name of `ProjectService` (the service a host embeds), kept so that hosts written against 0.1 still
 * compile: `Projects.Projects` is the `ProjectService.ProjectService` tag.
 *
 * @deprecated Since 0.2.0: import `ProjectService` from `@gsyf/core` (or `@gsyf/core/ProjectService`) and use its
 * `ProjectService` tag.
 * @since 0.1.0
 */
import { ProjectService } from "./ProjectService.js"

export * from "./ProjectService.js"

/**
 * The service tag under its former name.
 *
 * @deprecated Since 0.2.0: `ProjectService.ProjectService`.
 * @since 0.1.0
 * @category tags
 */
export const Projects: typeof ProjectService = ProjectService

/**
 * @deprecated Since 0.2.0: `ProjectService.ProjectService`.
 * @since 0.1.0
 * @category tags
 */
export type Projects = ProjectService
