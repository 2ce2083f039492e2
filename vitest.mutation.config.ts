/**
 * The suites `npm run test:mutation` runs under StrykerJS: the pure rules only (no database, no global setup), so a
 * mutant is judged in milliseconds. Every kill must happen inside an `it`: the runner does not count code run while
 * vitest collects tests (a `describe` body).
 */
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    include: ["test/rules/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ".stryker-tmp/**", "reports/**"],
    testTimeout: 30_000,
  },
});
