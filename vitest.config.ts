import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module) builds; Node (and so Pothos) loads the CJS one, vite would
  // pick the ESM one, and two graphql realms cannot share a schema. One realm: the one Node loads.
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    include: ["test/**/*.test.ts"],
    // StrykerJS sandboxes (npm run test:mutation) hold copies of the suites
    exclude: [...configDefaults.exclude, ".stryker-tmp/**", "reports/**"],
    // migrates one template database per run (PGlite snapshot, or a Postgres template when DATABASE_URL is set)
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
