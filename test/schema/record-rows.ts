/**
 * Record rows written straight through `writeRecordRows` (no GraphQL), and two such writes overlapping in time:
 * what the rollups' concurrency tests need.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import type { RecordRow } from "../../schema/records/rules/record-document.ts";
import type { TestGateway } from "../support/gateway.ts";

/** a row as writeRecordRows takes it, with a fresh id: an inspection that says nothing beyond `fields` */
export function recordRow(
  fields: Pick<RecordRow, "originJurisdiction" | "originId" | "occurredAt"> & Partial<RecordRow>,
): RecordRow {
  return {
    id: randomUUID(),
    kind: "INSPECTION",
    version: 1,
    itemCode: null,
    enterpriseUscc: null,
    officerCertificates: [],
    decidedAt: null,
    fineFen: null,
    result: null,
    payload: { findings: null, taskId: null, extra: {} },
    department: null,
    inspectionMode: null,
    onSite: null,
    resultPublishedAt: null,
    codeScanned: null,
    lenientKind: null,
    ...fields,
  };
}

type Write = (tx: Prisma.TransactionClient) => Promise<unknown>;

/**
 * `first` in a transaction that stays open 500 ms after its work, `second` in another one started meanwhile:
 * on Postgres they overlap (PGlite, one connection, queues the second).
 */
export async function overlappingWrites(prisma: TestGateway["prisma"], first: Write, second: Write): Promise<void> {
  let done!: () => void;
  const firstDone = new Promise<void>((resolve) => {
    done = resolve;
  });
  const one = prisma.$transaction(
    async (tx) => {
      await first(tx);
      done();
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
    { timeout: 20_000 },
  );
  await firstDone;
  await Promise.all([one, prisma.$transaction(second, { timeout: 20_000 })]);
}
