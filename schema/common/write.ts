/**
 * The one way resolvers write: in ONE transaction the domain change, its outbox events and the
 * request's audit entry; after commit the bus wakes change-stream readers. A failure rolls all back.
 */
import type { GatewayContext } from "../../gateway/context.ts";
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { appendChanges, CHANGES_CHANNEL, type ChangeInput } from "../../gateway/outbox/outbox.ts";
import { auditRecordFor } from "../../gateway/plugins/use-audit.ts";

export interface WriteOutcome<T> {
  result: T;
  /** ids of the records the write touched (audited) */
  recordIds?: readonly string[];
  changes?: readonly ChangeInput[];
}

export async function writeAudited<T>(
  ctx: GatewayContext,
  work: (tx: Prisma.TransactionClient) => Promise<WriteOutcome<T>>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const { outcome, lastSeq } = await ctx.prisma.$transaction(
    async (tx) => {
      const outcome = await work(tx);
      for (const id of outcome.recordIds ?? []) ctx.audit.recordIds.add(id);
      const lastSeq = await appendChanges(tx, outcome.changes ?? []);
      await ctx.services.auditLog.appendInTransaction(tx, auditRecordFor(ctx, undefined));
      return { outcome, lastSeq };
    },
    { timeout: options.timeoutMs ?? 120_000, maxWait: 30_000 },
  );
  ctx.audit.writtenInTransaction = true;
  if (lastSeq !== null) void ctx.services.bus.publish(CHANGES_CHANNEL, String(lastSeq)).catch(() => {});
  ctx.services.catalog.noteCommitted(outcome.changes ?? [], lastSeq);
  return outcome.result;
}
