/**
 * `npm run audit:verify` against a database prepared here, as an operator would run it: exit 0 on an
 * intact chain, non-zero naming the first altered entry after direct SQL tampering (two of the tamperings that
 * audit-trail.test.ts shows the verifier detects).
 * The database: with DATABASE_URL (Postgres run) a database of this file's own on that server, kept
 * open while the CLI reads it; otherwise a PGlite DIRECTORY restored from the migrated snapshot —
 * a PGlite directory can be open in one process only, so it is closed around every CLI run.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAuditLog } from "../../gateway/audit/audit-log.ts";
import { verifyStoredChain } from "../../gateway/audit/verify-stored-chain.ts";
import { createDatabase, type Database } from "../../gateway/db/client.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { databaseUrl } from "../support/database-admin.ts";
import { pgliteFromSnapshot } from "../support/pglite-snapshot.ts";
import { TAMPERINGS } from "./tamper.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ENTRIES = 8;
const THROUGH_THE_COMMAND = ["UPDATE of one entry with its hash recomputed", "DELETE of a middle entry"];
const COMMAND_TAMPERINGS = TAMPERINGS.filter((t) => THROUGH_THE_COMMAND.includes(t.name));
if (COMMAND_TAMPERINGS.length !== THROUGH_THE_COMMAND.length)
  throw new Error("a tampering named here is gone from tamper.ts");

interface CliDatabase {
  /** what the CLI reads: DATABASE_URL or PGLITE_DIR */
  env: Record<string, string>;
  /** runs `work` with the database open, and closes it again when the CLI needs it */
  use<T>(work: (db: Database) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

async function prepareCliDatabase(): Promise<CliDatabase> {
  const source = inject("gzTestDatabase");
  if (source.kind === "postgres") {
    const test: TestDatabase = await createTestDatabase();
    return {
      env: { DATABASE_URL: databaseUrl(source.serverUrl, test.name) },
      use: (work) => work(test.db),
      dispose: () => test.dispose(),
    };
  }
  const parent = await mkdtemp(path.join(tmpdir(), "gz-audit-cli-"));
  const dir = path.join(parent, "pglite");
  const restore = await pgliteFromSnapshot(source.snapshotPath, dir);
  await restore.close();
  return {
    env: { DATABASE_URL: "", PGLITE_DIR: dir },
    async use(work) {
      const db = await createDatabase({ pgliteDir: dir });
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    },
    dispose: () => rm(parent, { recursive: true, force: true }),
  };
}

function auditVerify(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", "audit:verify"], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let database: CliDatabase;
beforeAll(async () => {
  database = await prepareCliDatabase();
  await database.use(async (db) => {
    const log = createAuditLog(db.prisma);
    for (let i = 0; i < ENTRIES; i++) {
      await log.append({
        issuer: i % 2 ? "cq" : "sc",
        subject: `officer-${i}`,
        operationName: "Domains",
        operationType: "query",
        documentHash: null,
        variablesHash: null,
        recordIds: [],
        outcome: i === 5 ? "REFUSED" : "OK",
        errorCode: i === 5 ? "FORBIDDEN" : null,
      });
    }
  });
});
afterAll(() => database?.dispose());

describe("npm run audit:verify", () => {
  it("exits 0 on an intact chain and says how many entries it checked", async () => {
    const run = await auditVerify(database.env);
    expect(run.stderr + run.stdout).not.toMatch(/BROKEN/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`intact: ${ENTRIES} entries checked`));
  }, 60_000);

  // every tampering is detected at the right entry by the verifier itself (audit-trail.test.ts); through the command,
  // the two that break the chain differently: an altered entry whose hash was recomputed (the next entry's link
  // breaks) and an entry taken out (a gap in the numbers). Each command run opens the database anew (~8 s on PGlite).
  it.each(COMMAND_TAMPERINGS)(
    "$name: exits 1 naming the first broken entry",
    async (tampering) => {
      const { expected, undo } = await database.use(async (db) => {
        const rows = await db.prisma.auditEntry.findMany({ select: { seq: true }, orderBy: { seq: "asc" } });
        return tampering.apply(
          db.prisma,
          rows.map((r) => r.seq),
          3,
        );
      });
      try {
        const run = await auditVerify(database.env);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain(`BROKEN at seq ${expected.firstBrokenSeq}: ${expected.reason}`);
        expect(run.stdout).toContain(`${expected.checked} entries before it are intact`);
      } finally {
        await database.use(async (db) => {
          await undo(db.prisma);
          expect(await verifyStoredChain(db.prisma)).toMatchObject({ ok: true, checked: ENTRIES });
        });
      }
    },
    90_000,
  );

  it("exits 2 when there is no database to check", async () => {
    const run = await auditVerify({ DATABASE_URL: "", PGLITE_DIR: path.join(tmpdir(), "gz-no-such-dir", "pglite") });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no database/);
  }, 60_000);
});
