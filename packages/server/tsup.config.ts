import { defineConfig } from "tsup"

export default defineConfig({
  // One entry per public module, so every module is also a subpath (`@gsyf/<pkg>/<Module>`).
  entry: ["src/*.ts"],
  splitting: true,
  format: ["esm", "cjs"],
  // Declarations come from tsc (one .d.ts per module, see tsconfig.build.json): bundled
  // declarations lose values that share a name with a type (Schema + type pairs).
  dts: false,
  sourcemap: true,
  clean: true,
  target: "node20",
  tsconfig: "tsconfig.build.json",
  skipNodeModulesBundle: true
})
