/**
 * Tampering with the audit table the way someone with database access would: plain SQL, no gateway.
 * Each function alters the chain and returns how to undo it, so one test database serves every case.
 * The expected detection is stated beside each (see gateway/audit/chain.ts).
 */
import { computeAuditHash } from "../../gateway/audit/chain.ts";
import type { PrismaClient } from "../../gateway/db/client.ts";

/** takes the client to undo with: with PGlite the database may have been closed and reopened since */
type Undo = (prisma: PrismaClient) => Promise<void>;

export interface Tampering {
  name: string;
  /** tampers around the `index`-th entry (by seq) of `seqs`; answers where the chain must break */
  apply(prisma: PrismaClient, seqs: bigint[], index: number): Promise<{ expected: ExpectedBreak; undo: Undo }>;
}

export interface ExpectedBreak {
  firstBrokenSeq: bigint;
  reason: "HASH_MISMATCH" | "PREV_HASH_MISMATCH";
  /** intact entries before the break */
  checked: number;
}

const flip = (outcome: string) => (outcome === "OK" ? "REFUSED" : "OK");

export const TAMPERINGS: Tampering[] = [
  {
    name: "UPDATE of one entry's outcome",
    async apply(prisma, seqs, index) {
      const seq = seqs[index]!;
      const { outcome } = await prisma.auditEntry.findUniqueOrThrow({ where: { seq } });
      await prisma.$executeRaw`UPDATE "AuditEntry" SET outcome = ${flip(outcome)} WHERE seq = ${seq}`;
      return {
        expected: { firstBrokenSeq: seq, reason: "HASH_MISMATCH", checked: index },
        undo: async (db) =>
          void (await db.$executeRaw`UPDATE "AuditEntry" SET outcome = ${outcome} WHERE seq = ${seq}`),
      };
    },
  },
  {
    name: "UPDATE of one entry with its hash recomputed",
    async apply(prisma, seqs, index) {
      const seq = seqs[index]!;
      const row = await prisma.auditEntry.findUniqueOrThrow({ where: { seq } });
      const forged = computeAuditHash({ ...row, outcome: flip(row.outcome) });
      await prisma.$executeRaw`UPDATE "AuditEntry" SET outcome = ${flip(row.outcome)}, hash = ${forged} WHERE seq = ${seq}`;
      return {
        // the altered entry is self-consistent; the next one no longer points at it
        expected: { firstBrokenSeq: seqs[index + 1]!, reason: "PREV_HASH_MISMATCH", checked: index + 1 },
        undo: async (db) =>
          void (await db.$executeRaw`UPDATE "AuditEntry" SET outcome = ${row.outcome}, hash = ${row.hash} WHERE seq = ${seq}`),
      };
    },
  },
  {
    name: "DELETE of a middle entry",
    async apply(prisma, seqs, index) {
      const seq = seqs[index]!;
      const row = await prisma.auditEntry.findUniqueOrThrow({ where: { seq } });
      await prisma.$executeRaw`DELETE FROM "AuditEntry" WHERE seq = ${seq}`;
      return {
        expected: { firstBrokenSeq: seqs[index + 1]!, reason: "PREV_HASH_MISMATCH", checked: index },
        undo: async (db) => void (await db.auditEntry.create({ data: row })),
      };
    },
  },
  {
    name: "swapping two entries' seq (reordering)",
    async apply(prisma, seqs, index) {
      const [a, b] = [seqs[index]!, seqs[index + 2]!];
      const swap = async (db: PrismaClient) => {
        await db.$executeRaw`UPDATE "AuditEntry" SET seq = -1 WHERE seq = ${a}`;
        await db.$executeRaw`UPDATE "AuditEntry" SET seq = ${a} WHERE seq = ${b}`;
        await db.$executeRaw`UPDATE "AuditEntry" SET seq = ${b} WHERE seq = -1`;
      };
      await swap(prisma);
      return { expected: { firstBrokenSeq: a, reason: "HASH_MISMATCH", checked: index }, undo: swap };
    },
  },
];
