/**
 * `npm run audit:verify` — recomputes the audit hash chain stored in the gateway's database
 * (DATABASE_URL, or the embedded PGlite directory PGLITE_DIR, read like the gateway reads them) and
 * names the first broken entry. Exit codes: 0 intact, 1 broken, 2 could not check (no database,
 * unreachable, not migrated). Run it while the gateway is stopped when the database is PGlite: a
 * PGlite directory can be open in one process only.
 */
import { existsSync } from "node:fs";
import type { AuditChainBreak } from "../gateway/audit/chain.ts";
import { verifyStoredChain } from "../gateway/audit/verify-stored-chain.ts";
import { loadConfigOrExit } from "../gateway/config.ts";
import { createDatabase } from "../gateway/db/client.ts";
import { cliLogger, print, printProblem } from "./cli-output.ts";

const EXPLAINED: Record<AuditChainBreak, string> = {
  HASH_MISMATCH: "the entry's content no longer matches its hash: it was altered (or renumbered)",
  PREV_HASH_MISMATCH: "the entry does not follow the one before it: an entry before it was removed or rewritten",
  SEQUENCE_GAP: "a number is missing in the sequence",
  SEQUENCE_ORDER: "entries are out of order",
};

const config = loadConfigOrExit();
const log = cliLogger("audit:verify");
const where = config.database.url ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite (${config.database.pgliteDir})`;
if (!config.database.url && !existsSync(config.database.pgliteDir)) {
  printProblem(`audit:verify: no database at ${where}; set DATABASE_URL or PGLITE_DIR`);
  process.exit(2);
}

let exitCode = 2;
const db = await createDatabase({
  databaseUrl: config.database.url,
  pgliteDir: config.database.pgliteDir,
  poolSize: 1,
});
try {
  log.info(`verifying the audit chain in ${where} …`);
  const progress = process.stderr.isTTY ? (n: number) => process.stderr.write(`\r  ${n} entries checked`) : undefined;
  const result = await verifyStoredChain(db.prisma, { pageSize: 5000, onPage: progress });
  if (progress) process.stderr.write("\n");
  if (result.ok) {
    const head = result.head ? ` — head seq ${result.head.seq}, hash ${result.head.hash}` : " (the log is empty)";
    print(`audit chain intact: ${result.checked} entries checked${head}`);
    exitCode = 0;
  } else {
    print(`audit chain BROKEN at seq ${result.firstBrokenSeq}: ${result.reason}`);
    print(`  ${EXPLAINED[result.reason]}`);
    print(`  ${result.checked} entries before it are intact`);
    exitCode = 1;
  }
} catch (error) {
  printProblem(`audit:verify: could not read the audit log: ${(error as Error).message}`);
} finally {
  await db.close();
}
process.exit(exitCode);
