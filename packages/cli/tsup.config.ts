import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/*.ts"],
  format: ["esm", "cjs"],
  // Declarations come from tsc (one .d.ts per module, see tsconfig.build.json): bundled
  // declarations lose values that share a name with a type (Schema + type pairs).
  dts: false,
  sourcemap: true,
  clean: true,
  target: "node20",
  tsconfig: "tsconfig.build.json",
  skipNodeModulesBundle: true,
  // import.meta.url in the CommonJS build (the bundled examples are found from the module's own path)
  shims: true
})
