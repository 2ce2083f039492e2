import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module) builds; Node (and so Pothos) loads the CJS one, vite would
  // pick the ESM one, and two graphql realms cannot share a schema. One realm: the one Node loads.
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    include: ["test/**/*.test.ts"],
    // StrykerJS sandboxes (npm run test:mutation) hold copies of the suites
    exclude: [...configDefaults.exclude, ".stryker-tmp/**", "reports/**"],
    // migrates one template database per run (PGlite snapshot, or a Postgres template when DATABASE_URL is set); a
    // file's PGlite starts from the snapshot as the worker keeps it in memory (test/support/pglite-snapshot.ts)
    globalSetup: ["test/support/global-setup.ts"],
    // one worker (2 cores: vitest's default is cores − 1, and the suite is CPU-bound, so a second worker made it
    // slower) that imports the gateway's modules once for all files instead of once per file (~1.1 s each: 187 s of
    // a 732 s run; 537 s without). Every file makes its own database, gateway and servers and disposes of them.
    // That one process also keeps what the files leave behind (~0.2–0.3 GB a file that starts gateways): over all
    // ~185 files it reached 22 GB of the machine's 24 and was killed (2026-12-06), so `npm test` runs the files in
    // two shards, one process after the other (package.json)
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
