import { defineConfig } from "vitest/config"
import projects from "./vitest.workspace.js"

export default defineConfig({
  test: {
    projects,
    // In CI a JSON report is kept beside the console output, for the closing summary line of .ci/run
    // (GSYF_TEST_REPORT names another file, for a second run beside the first).
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: process.env.GSYF_TEST_REPORT ?? "test-artifacts/vitest.json" }]]
      : ["default"]
  }
})
