import { defineConfig } from "tsup"
import { tsupEntries } from "../../scripts/modules.mjs"

export default defineConfig({
  // One entry per public module, so every module is also a subpath (`@gsyf/core/<Module>`) although the sources
  // live in layer folders (src/kernel/Money.ts → dist/Money.js); package.json's exports are generated to match.
  entry: tsupEntries(new URL("src", import.meta.url).pathname),
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
