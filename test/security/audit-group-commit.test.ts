/**
 * The read-audit group commit under concurrency, as the gateway wires it: on Postgres the two-round-trip
 * writer over a connection of its own (gateway/audit/pg-audit-batch-writer.ts), on PGlite the Prisma
 * transaction. Each append resolves only once its entry is stored; mutations appending in their own
 * transactions at the same time still share one unbroken chain; a failed batch rejects its appends and
 * leaves the writer usable.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_LOCK_SQL, type AuditRecord, createAuditLog } from "../../gateway/audit/audit-log.ts";
import { hashVariables } from "../../gateway/audit/chain.ts";
import { createPgAuditBatchWriter, type PgAuditBatchWriter } from "../../gateway/audit/pg-audit-batch-writer.ts";
import { verifyStoredChain } from "../../gateway/audit/verify-stored-chain.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

const record = (operationName: string, overrides: Partial<AuditRecord> = {}): AuditRecord => ({
  issuer: "cq",
  subject: "officer-1",
  operationName,
  operationType: "query",
  documentHash: null,
  variablesHash: null,
  recordIds: ["rec-1", 'quote\'s "and" \\ backslash'],
  outcome: "OK",
  errorCode: null,
  ...overrides,
});

let t: TestDatabase;
let writer: PgAuditBatchWriter | undefined;
beforeAll(async () => {
  t = await createTestDatabase();
  writer = t.db.url ? createPgAuditBatchWriter(t.db.url) : undefined;
});
afterAll(async () => {
  await writer?.close();
  await t?.dispose();
});

describe(`audit group commit (${process.env.DATABASE_URL ? "Postgres, own connection" : "PGlite, Prisma transaction"})`, () => {
  it("each append resolves once its entry is stored; concurrent in-transaction appends share one chain", async () => {
    const log = createAuditLog(t.prisma, { writeBatch: writer?.write });
    const stored = async (name: string) => t.prisma.auditEntry.count({ where: { operationName: name } });
    const reads = Array.from({ length: 120 }, (_, i) =>
      log.append(record(`read-${i}`)).then(async () => expect(await stored(`read-${i}`)).toBe(1)),
    );
    const writes = Array.from({ length: 4 }, (_, i) =>
      t.prisma.$transaction((tx) => log.appendInTransaction(tx, record(`write-${i}`, { operationType: "mutation" }))),
    );
    await Promise.all([...reads, ...writes]);
    expect(await t.prisma.auditEntry.count()).toBe(124);
    expect(await verifyStoredChain(t.prisma)).toMatchObject({ ok: true, checked: 124 });
    const stranger = await t.prisma.auditEntry.findFirstOrThrow({ where: { operationName: "read-7" } });
    expect(stranger.recordIds).toEqual(["rec-1", 'quote\'s "and" \\ backslash']);
  });

  it("a batch that fails rejects its appends, stores none of them, and the next batch still commits", async () => {
    const log = createAuditLog(t.prisma, { writeBatch: writer?.write });
    const before = await t.prisma.auditEntry.count();
    // outcome is NOT NULL: the whole batch's INSERT fails
    const failing = log.append(record("bad", { outcome: null as unknown as "OK" }));
    await expect(failing).rejects.toThrow();
    expect(await t.prisma.auditEntry.count()).toBe(before);
    await log.append(record("after-failure"));
    expect(await t.prisma.auditEntry.count()).toBe(before + 1);
    expect(await verifyStoredChain(t.prisma)).toMatchObject({ ok: true, checked: before + 1 });
  });

  // a request's entry carries the function that hashes its variables (RequestAudit.variablesHash): the batch calls it
  it("a deferred variables hash is stored as the variables' hash; one that cannot be worked out fails its entry alone", async () => {
    const log = createAuditLog(t.prisma, { writeBatch: writer?.write });
    const before = await t.prisma.auditEntry.count();
    const variables = { input: { itemCode: "GZ-001", facts: { daysNotCorrected: 2, correctedInTime: false } } };
    let calls = 0;
    const deferred = record("deferred", {
      variablesHash: () => {
        calls += 1;
        return hashVariables(variables);
      },
    });
    const broken = record("broken", {
      variablesHash: () => {
        throw new Error("variables that cannot be hashed");
      },
    });
    const results = await Promise.allSettled([
      log.append(record("neighbour-a")),
      log.append(broken),
      log.append(deferred),
      log.append(record("neighbour-b")),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(calls).toBe(1);
    const stored = await t.prisma.auditEntry.findMany({
      where: { operationName: { in: ["neighbour-a", "broken", "deferred", "neighbour-b"] } },
      orderBy: { seq: "asc" },
    });
    expect(stored.map((row) => row.operationName)).toEqual(["neighbour-a", "deferred", "neighbour-b"]);
    expect(stored[1]?.variablesHash).toBe(
      hashVariables({ input: { facts: { correctedInTime: false, daysNotCorrected: 2 }, itemCode: "GZ-001" } }),
    );
    expect(await verifyStoredChain(t.prisma)).toMatchObject({ ok: true, checked: before + 3 });
  });

  // Postgres's text holds no NUL, and jsonb refuses a lone surrogate: one such name, sent by a caller, failed the whole
  // batch — every other request's entry with it
  it("a text Postgres cannot store (NUL, a lone surrogate) is stored as U+FFFD and fails no batch", async () => {
    const log = createAuditLog(t.prisma, { writeBatch: writer?.write });
    const before = await t.prisma.auditEntry.count();
    const odd = record("Items\u0000x", { subject: "officer-\ud800", recordIds: ["rec-\udc00-1", "rec-2"] });
    await Promise.all([log.append(record("neighbour-1")), log.append(odd), log.append(record("neighbour-2"))]);
    const oddMutation = { ...odd, operationName: "Ingest\u0000y", operationType: "mutation" };
    await t.prisma.$transaction((tx) => log.appendInTransaction(tx, oddMutation));
    expect(await t.prisma.auditEntry.count()).toBe(before + 4);
    const stored = await t.prisma.auditEntry.findMany({
      where: { operationName: { in: ["Items\ufffdx", "Ingest\ufffdy"] } },
      orderBy: { seq: "asc" },
    });
    expect(stored.map((row) => [row.operationName, row.subject, row.recordIds])).toEqual([
      ["Items\ufffdx", "officer-\ufffd", ["rec-\ufffd-1", "rec-2"]],
      ["Ingest\ufffdy", "officer-\ufffd", ["rec-\ufffd-1", "rec-2"]],
    ]);
    expect(await verifyStoredChain(t.prisma)).toMatchObject({ ok: true, checked: before + 4 });
  });

  // the one-round-trip path exists only in the Postgres writer (the PGlite gateway writes through Prisma)
  it.runIf(Boolean(process.env.DATABASE_URL))(
    "once it has written, the writer chains on its own head in one round trip; another writer in between is seen, and nothing is lost or doubled",
    async () => {
      const own = createPgAuditBatchWriter(t.db.url!);
      const other = createPgAuditBatchWriter(t.db.url!);
      try {
        const log = createAuditLog(t.prisma, { writeBatch: own.write });
        const otherLog = createAuditLog(t.prisma, { writeBatch: other.write });
        const before = await t.prisma.auditEntry.count();
        for (let i = 0; i < 5; i++) await log.append(record(`alone-${i}`));
        // the first batch reads the head; the next four chain on the head the writer left, with its reserved numbers
        expect(own.counts()).toEqual({ oneTrip: 4, longWay: 1, headMoved: 0 });

        // another gateway and a mutation write between two of ours: our next batch's guard stores nothing, and the
        // batch goes the long way, after them; so do the next (backoff 1), then one trip again
        await otherLog.append(record("other-gateway"));
        await t.prisma.$transaction((tx) =>
          log.appendInTransaction(tx, record("mutation", { operationType: "mutation" })),
        );
        await log.append(record("after-them"));
        expect(own.counts()).toEqual({ oneTrip: 4, longWay: 2, headMoved: 1 });
        await log.append(record("backing-off"));
        expect(own.counts()).toEqual({ oneTrip: 4, longWay: 3, headMoved: 1 });
        await log.append(record("then-alone-again"));
        expect(own.counts()).toEqual({ oneTrip: 5, longWay: 3, headMoved: 1 });

        // two gateways taking turns: the attempts that find the other's head thin out (the backoff doubles): of our
        // 20 batches, 5 try (then 1, 2, 4, 8 go the long way directly)
        for (let i = 0; i < 40; i++) await (i % 2 ? log : otherLog).append(record(`turns-${i}`));
        expect(own.counts().headMoved).toBe(1 + 5);

        // both writers at once, many batches each: every entry stored once, in one chain, `seq` in chain order
        await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? log : otherLog).append(record(`both-${i}`))));
        const names = (await t.prisma.auditEntry.findMany({ select: { operationName: true } })).map(
          (row) => row.operationName,
        );
        expect(names).toHaveLength(before + 5 + 5 + 40 + 60);
        expect(new Set(names).size).toBe(names.length);
        expect(await verifyStoredChain(t.prisma)).toMatchObject({ ok: true, checked: names.length });
      } finally {
        await Promise.all([own.close(), other.close()]);
      }
    },
  );

  // gaozhu_audit_append (prisma/migrations/20261206000000_audit_append_function) names the chain's lock by its number:
  // it must be the lock the other writers take (AUDIT_LOCK_SQL), or a one-trip batch could interleave with them
  it.runIf(Boolean(process.env.DATABASE_URL))(
    "a one-trip batch waits for a transaction holding the chain's lock, then chains after what it wrote",
    async () => {
      const own = createPgAuditBatchWriter(t.db.url!);
      const holder = new pg.Client({ connectionString: t.db.url! });
      await holder.connect();
      try {
        const log = createAuditLog(t.prisma, { writeBatch: own.write });
        await log.append(record("first")); // the long way: the writer now knows the head
        await holder.query(`BEGIN; ${AUDIT_LOCK_SQL}`);
        let stored = false;
        const waiting = log.append(record("while-locked")).then(() => {
          stored = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(stored).toBe(false);
        await holder.query("COMMIT");
        await waiting;
        expect(own.counts()).toEqual({ oneTrip: 1, longWay: 1, headMoved: 0 });
        // numbers reserved by the function stay above every number taken later under the lock
        await t.prisma.$transaction((tx) =>
          log.appendInTransaction(tx, record("later", { operationType: "mutation" })),
        );
        await log.append(record("after-later"));
        expect(await verifyStoredChain(t.prisma)).toMatchObject({ ok: true });
      } finally {
        await holder.end();
        await own.close();
      }
    },
  );

  // a one-trip batch's rows travel as jsonb bytes (jsonbParameter): what is stored must be what was hashed, whatever
  // the script — Chinese names (three bytes in UTF-8), a character outside the BMP (four), quotes and backslashes
  it.runIf(Boolean(process.env.DATABASE_URL))(
    "a one-trip batch stores its texts as they were hashed, in any script",
    async () => {
      const own = createPgAuditBatchWriter(t.db.url!);
      try {
        const log = createAuditLog(t.prisma, { writeBatch: own.write });
        await log.append(record("before-scripts")); // the long way: the writer now knows the head
        const names = ["查询执法事项", "核查𠀀企业", 'name "quoted" \\ back\\slash'];
        await Promise.all(
          names.map((name) => log.append(record(name, { subject: `执法人员-${name}`, recordIds: [`记录-${name}`] }))),
        );
        expect(own.counts()).toMatchObject({ headMoved: 0 });
        expect(own.counts().oneTrip).toBeGreaterThanOrEqual(1);
        const stored = await t.prisma.auditEntry.findMany({ where: { operationName: { in: names } } });
        expect(stored.map((row) => [row.operationName, row.subject, row.recordIds]).sort()).toEqual(
          names.map((name) => [name, `执法人员-${name}`, [`记录-${name}`]]).sort(),
        );
        expect(await verifyStoredChain(t.prisma)).toMatchObject({ ok: true });
      } finally {
        await own.close();
      }
    },
  );

  it.runIf(Boolean(process.env.DATABASE_URL))(
    "the append refuses a transaction with one snapshot (repeatable read), which would read an old head and fork the chain",
    async () => {
      const client = new pg.Client({ connectionString: t.db.url! });
      await client.connect();
      try {
        const [head] = await t.prisma.$queryRaw<Array<{ hash: string }>>`
          SELECT "hash" FROM "AuditEntry" ORDER BY "seq" DESC LIMIT 1`;
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
        await expect(client.query("SELECT gaozhu_audit_append('[]'::jsonb, $1, 1)", [head!.hash])).rejects.toThrow(
          /read committed only/,
        );
        await client.query("ROLLBACK");
        // under read committed the same call stores its (empty) batch and reserves its number
        const { rows } = await client.query("SELECT gaozhu_audit_append('[]'::jsonb, $1, 1) AS reserved", [head!.hash]);
        expect(rows[0].reserved).toHaveLength(1);
      } finally {
        await client.end();
      }
    },
  );
});
