/**
 * The adapters' operations are type-checked against schema.graphql (gql.tada) through the committed
 * introspection file adapters/core/operations/graphql-env.d.ts. This fails when that file is stale:
 * run `npm run operations:types` after `npm run schema:print`.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const COMMITTED = path.join(root, "adapters/core/operations/graphql-env.d.ts");

describe("adapters/core/operations/graphql-env.d.ts", () => {
  it("is the introspection of the committed schema.graphql", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "gql-tada-"));
    try {
      const fresh = path.join(dir, "graphql-env.d.ts");
      await promisify(execFile)(
        process.execPath,
        [path.join(root, "node_modules/gql.tada/bin/cli.js"), "generate", "output", "--output", fresh],
        { cwd: root },
      );
      expect(await readFile(COMMITTED, "utf8")).toBe(await readFile(fresh, "utf8"));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
