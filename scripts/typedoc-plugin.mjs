// Typedoc plugin of the gsyf docs build (loaded from typedoc.json):
// - names each package's module after the package (`core/src` → `@gsyf/core`),
// - enforces the house rule that every export of a public module carries
//   `@since` and `@category` (the module itself needs `@since`), as
//   validation warnings, which `treatWarningsAsErrors` turns into a failed build.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Converter, ReflectionKind } from "typedoc"

const root = new URL("..", import.meta.url).pathname

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const pkg of context.project.children ?? []) {
      const m = /^([\w-]+)\/src$/.exec(pkg.name)
      if (m === null) continue
      const name = JSON.parse(readFileSync(join(root, "packages", m[1], "package.json"), "utf8")).name
      pkg.name = name
    }
  })
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const warn = (message) => app.logger.validationWarning(message)
    const visit = (container, path) => {
      for (const child of container.children ?? []) {
        const name = path === "" ? child.name : `${path}.${child.name}`
        if (child.kindOf(ReflectionKind.Module)) {
          visit(child, name)
        } else if (child.kindOf(ReflectionKind.Namespace)) {
          if (!child.comment?.getTag("@since")) warn(`${name}: the module's header comment has no @since`)
          visit(child, name)
        } else if (!child.kindOf(ReflectionKind.Document) && !child.kindOf(ReflectionKind.Reference)) {
          // (a re-export, as in a deprecated alias module, is documented where it is declared)
          const comment = child.comment ?? child.signatures?.[0]?.comment
            ?? child.type?.declaration?.signatures?.[0]?.comment
          const missing = ["@since", "@category"].filter((tag) =>
            !comment?.getTag(tag) && !(tag === "@category" && hasCategory(container, child))
          )
          if (missing.length > 0) warn(`${name}: its JSDoc has no ${missing.join(" and ")}`)
        }
      }
    }
    visit(context.project, "")
  })
}

// categories are moved from the comment to the parent's categories during conversion
function hasCategory(mod, child) {
  return (mod.categories ?? []).some((c) => c.title !== "Other" && c.children.includes(child)) ||
    (mod.groups ?? []).some((g) => (g.categories ?? []).some((c) => c.title !== "Other" && c.children.includes(child)))
}
