/**
 * The gateway's database: the Prisma 7 client on real Postgres (adapter-pg) or on PGlite in-process
 * (pglite-prisma-adapter) — the same schema and migrations on both (scripts/migrate.ts applies them; a PGlite
 * directory must not be open in the migration process at the same time).
 *
 * BigInt and JSON, the same on both adapters (measured; test/db/database.test.ts asserts the first three):
 * - `BigInt` columns (ChangeEvent.seq, fineFen, ackedSeq) and `count(*)` in $queryRaw come back as `bigint`.
 *   `JSON.stringify` throws on a bigint: whatever serialises rows (GraphQL scalars, logs) converts explicitly,
 *   e.g. `String(seq)`. We do not patch `BigInt.prototype.toJSON` globally.
 * - `Json` columns come back parsed. Surprising: a bigint inside a Json value is silently stored as a STRING
 *   (`{ v: 1n }` reads back as `{ v: "1" }`), so keep fen inside Json as numbers (exact up to 2^53).
 * - Json columns are jsonb: key order is NOT preserved (jsonb sorts keys by length, then bytes). Hash a
 *   canonical serialisation (sorted keys), never the value read back, for the audit chain.
 * - `@db.Date` columns read back as a Date at 00:00 UTC of that day.
 */
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { registerBulkConnections } from "./bulk-statements.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { openPgliteDir } from "./pglite-dir.ts";

export type { PrismaClient };

export interface Database {
  prisma: PrismaClient;
  kind: "postgres" | "pglite";
  /** the Postgres server's connection string (kind "postgres"), for work that needs a connection of its own */
  url?: string;
  /** resolves when the database answers a trivial query */
  ping(): Promise<void>;
  /** disconnects Prisma, then closes the pool, or the PGlite instance this module opened */
  close(): Promise<void>;
}

export interface DatabaseTarget {
  /** a Postgres server; wins over the PGlite options */
  databaseUrl?: string;
  /** connections in the adapter-pg pool @default 10 */
  poolSize?: number;
  /** a PGlite data directory (created when missing); omitted with no `pglite` → in memory */
  pgliteDir?: string;
  /** an already-open PGlite instance (tests); the caller keeps ownership and closes it */
  pglite?: PGlite;
}

export async function createDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.databaseUrl) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: target.poolSize ?? 10 });
    registerBulkConnections(pool); // a batch's statements go over their transaction's connection (bulk-statements.ts)
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    return { ...wrap(new PrismaClient({ adapter }), "postgres", async () => {}), url: target.databaseUrl };
  }
  const owned = !target.pglite;
  const pglite = target.pglite ?? (target.pgliteDir ? await openPgliteDir(target.pgliteDir) : await PGlite.create());
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return wrap(prisma, "pglite", async () => {
    if (owned) await pglite.close();
  });
}

function wrap(prisma: PrismaClient, kind: Database["kind"], release: () => Promise<void>): Database {
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind,
    async ping() {
      await prisma.$queryRaw`SELECT 1`;
    },
    close() {
      closing ??= prisma.$disconnect().finally(release);
      return closing;
    },
  };
}
