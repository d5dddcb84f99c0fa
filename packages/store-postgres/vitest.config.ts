import { defineProject, mergeConfig } from "vitest/config"
import { shared } from "../../vitest.shared.js"

// One PostgreSQL server is shared by every test file, and the fault tests stop
// and restart it: run the files one after the other.
export default mergeConfig(shared, defineProject({ test: { name: "store-postgres", fileParallelism: false } }))
