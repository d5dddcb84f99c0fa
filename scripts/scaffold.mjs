// One-off helper used to lay out a package: node scripts/scaffold.mjs <dir> "<description>"
import { mkdirSync, writeFileSync, existsSync } from "node:fs"
const [dir, description] = process.argv.slice(2)
const base = `packages/${dir}`
mkdirSync(`${base}/src/internal`, { recursive: true })
mkdirSync(`${base}/test`, { recursive: true })
const pkg = {
  name: `@gsyf/${dir}`,
  version: "0.1.0",
  description,
  license: "MIT",
  type: "module",
  sideEffects: false,
  main: "./dist/index.cjs",
  module: "./dist/index.js",
  types: "./dist/index.d.ts",
  exports: {
    ".": {
      import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
      require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" }
    },
    "./package.json": "./package.json"
  },
  files: ["dist", "src", "!src/**/*.test.ts"],
  scripts: { build: "tsup" },
  publishConfig: { access: "public" }
}
if (!existsSync(`${base}/package.json`)) writeFileSync(`${base}/package.json`, JSON.stringify(pkg, null, 2) + "\n")
writeFileSync(`${base}/tsconfig.build.json`, JSON.stringify({ extends: "../../tsconfig.base.json", compilerOptions: { rootDir: "src", outDir: "dist" }, include: ["src"] }, null, 2) + "\n")
writeFileSync(`${base}/tsup.config.ts`, `import { defineConfig } from "tsup"\n\nexport default defineConfig({\n  entry: ["src/index.ts"],\n  format: ["esm", "cjs"],\n  dts: true,\n  sourcemap: true,\n  clean: true,\n  target: "node20",\n  tsconfig: "tsconfig.build.json",\n  skipNodeModulesBundle: true\n})\n`)
writeFileSync(`${base}/vitest.config.ts`, `import { defineProject, mergeConfig } from "vitest/config"\nimport { shared } from "../../vitest.shared.js"\n\nexport default mergeConfig(shared, defineProject({ test: { name: "${dir}" } }))\n`)
