/**
 * Sync checkpoints (SyncCheckpoint rows): where each adapter stands. Ids are
 * `${issuer}:${name}:inbound` (the source cursor of what the adapter pushes) and
 * `${issuer}:${name}:outbound` (the acknowledged seq of what it follows). The name is chosen by the
 * adapter (`source` / `consumer`) and scoped to the caller's issuer, so no province can move another's.
 */

import { queryBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma, type SyncCheckpoint } from "../../gateway/db/generated/prisma/client.ts";
import { badInput, conflict } from "../../gateway/errors.ts";
import type { Jurisdiction } from "../common/jurisdiction.ts";

export type Direction = "inbound" | "outbound";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Checks an adapter's source or consumer name (GraphQL edge). */
export function adapterName(name: string): string {
  if (!NAME.test(name)) {
    throw badInput(
      "A source or consumer name is 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit",
      {
        reason: "BAD_ADAPTER_NAME",
      },
    );
  }
  return name;
}

export function checkpointId(issuer: Jurisdiction, name: string, direction: Direction): string {
  return `${issuer}:${name}:${direction}`;
}

/** The adapter name inside a checkpoint id. */
export function nameOfCheckpoint(id: string): string {
  return id.split(":").slice(1, -1).join(":");
}

export interface CheckpointTouch {
  issuer: Jurisdiction;
  name: string;
  direction: Direction;
  now: Date;
  /** inbound: the source cursor after the batch (null/undefined keeps the stored one) */
  cursor?: string | null;
  /** inbound: time of the newest source change (the stored one only moves forward) */
  sourceTime?: Date | null;
  /** inbound: changes still waiting on the source */
  sourceBacklog?: number | null;
  /** outbound: acknowledged seq (only moves forward) */
  ackedSeq?: bigint;
  /** a new error to report, or `null` to clear the last one (a success in this direction) */
  lastError?: string | null;
}

/**
 * A batch that names the cursor it `follows` (IngestRecordsInput.follows) is stored only on top of that cursor, or
 * again on top of its own: the batch was stored already and is sent again because its answer was lost, which changes
 * nothing (newest version wins) and keeps the cursor where it is. Otherwise the batch is refused whole (CONFLICT,
 * CURSOR_MOVED) and nothing of it is written: a batch that failed, followed by one stored, cannot move the cursor
 * past records never stored, and a batch sent again late cannot move it back. Called under the origin's ingest lock
 * (schema/records/ingest-service.ts): the cursor cannot move before the transaction ends.
 */
export async function requireStoredCursor(
  tx: Prisma.TransactionClient,
  where: { issuer: Jurisdiction; name: string },
  batch: { follows: string; cursor: string | null },
): Promise<void> {
  const id = checkpointId(where.issuer, where.name, "inbound");
  const [stored] = await queryBulk<{ cursor: string | null }>(
    tx,
    Prisma.sql`SELECT "cursor" FROM "SyncCheckpoint" WHERE "id" = ${id}`,
  );
  const cursor = stored?.cursor ?? null;
  if (cursor === batch.follows || (cursor !== null && cursor === batch.cursor)) return;
  throw conflict(
    `This batch follows cursor ${JSON.stringify(batch.follows)}, but the stored cursor is ${JSON.stringify(cursor)}: nothing was stored. Send it again without \`follows\` once the batch before it is stored, or resume from the stored cursor`,
    { reason: "CURSOR_MOVED", storedCursor: cursor },
  );
}

/** Creates or updates a checkpoint; `lastSeenAt` is always now (the adapter is alive). */
export async function touchCheckpoint(tx: Prisma.TransactionClient, touch: CheckpointTouch): Promise<SyncCheckpoint> {
  const id = checkpointId(touch.issuer, touch.name, touch.direction);
  // create-if-absent, then lock the row: two concurrent acknowledgements must not move ackedSeq back
  await tx.$executeRaw`INSERT INTO "SyncCheckpoint" ("id", "jurisdiction", "direction", "updatedAt")
    VALUES (${id}, ${touch.issuer}, ${touch.direction}, ${touch.now}) ON CONFLICT ("id") DO NOTHING`;
  await tx.$queryRaw`SELECT 1 FROM "SyncCheckpoint" WHERE "id" = ${id} FOR UPDATE`;
  const stored = await tx.syncCheckpoint.findUniqueOrThrow({ where: { id } });
  const data = {
    lastSeenAt: touch.now,
    ...(touch.cursor != null && { cursor: touch.cursor }),
    ...(touch.sourceTime && { sourceTime: later(stored.sourceTime, touch.sourceTime) }),
    ...(touch.sourceBacklog != null && { sourceBacklog: touch.sourceBacklog }),
    ...(touch.ackedSeq !== undefined && { ackedSeq: bigMax(stored.ackedSeq, touch.ackedSeq) }),
    ...(touch.lastError !== undefined && { lastError: touch.lastError }),
    ...(touch.lastError && { lastErrorAt: touch.now }),
  };
  return tx.syncCheckpoint.update({ where: { id }, data });
}

function later(a: Date | null, b: Date): Date {
  return a && a > b ? a : b;
}

function bigMax(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
