// The linter of `pnpm check` (beside dprint, which formats): a small set of syntactic rules, no type information,
// so that it stays fast. Lines of at most 120 columns; no function in core longer than 80 lines (blank lines and
// comments not counted); no `var`, no `==`, no debugger.
import stylistic from "@stylistic/eslint-plugin"
import tseslint from "typescript-eslint"

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "docs/site/**",
      "docs/rules/**",
      "out/**",
      "test-artifacts/**",
      // generated (as dprint leaves them too; the barrels from the modules' headers, which are linted)
      "packages/*/src/index.ts",
      "packages/ocds/src/internal/embedded.ts",
      "packages/scenarios/src/internal/seedFiles.ts"
    ]
  },
  {
    files: ["**/*.ts", "**/*.mts", "**/*.cts", "**/*.mjs", "**/*.js"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
    plugins: { "@stylistic": stylistic, "@typescript-eslint": tseslint.plugin },
    rules: {
      "@stylistic/max-len": ["error", {
        code: 120,
        ignoreUrls: true,
        // a string or template is not broken for the ruler (a Chinese message reads whole); dprint formats the rest
        ignoreStrings: true,
        ignoreTemplateLiterals: true,
        ignoreComments: false,
        ignoreRegExpLiterals: true,
        // imports, and Markdown table rows and indented code inside doc comments
        ignorePattern: "^\\s*((import|export) .* from |\\* (\\||   ))"
      }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-var": "error",
      "no-debugger": "error"
    }
  },
  {
    files: ["packages/core/src/**/*.ts"],
    rules: {
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }]
    }
  }
)
