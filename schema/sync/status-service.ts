/**
 * Sync status per adapter (docs/sync.md "syncStatus"). An adapter is a (jurisdiction, name) pair;
 * its inbound checkpoint is what it pushes, its outbound checkpoint what it follows.
 * - outbound lagRecords: changes after the acknowledged seq that this jurisdiction receives on a
 *   default stream (no `kinds`, no `includeOwn`) — the rule of visibility.ts, written as SQL (one
 *   count over the unacknowledged tail of the outbox);
 *   lagSeconds: age of the oldest of them (0 when none).
 * - inbound lagRecords: the backlog the adapter last reported (changes still waiting on its platform);
 *   lagSeconds: while that backlog is not 0, now − sourceTime (the newest source change applied),
 *   an upper bound of the oldest waiting change's age; 0 when caught up.
 */

import { Prisma, type PrismaClient, type SyncCheckpoint } from "../../gateway/db/generated/prisma/client.ts";
import type { Jurisdiction } from "../common/jurisdiction.ts";
import { nameOfCheckpoint } from "./checkpoints.ts";
import { PROVINCE_AUDIENCE } from "./rules/visibility.ts";

export interface CheckpointStatus {
  checkpoint: SyncCheckpoint;
  lagRecords: number;
  lagSeconds: number;
}

export interface AdapterStatus {
  jurisdiction: string;
  adapter: string;
  inbound: CheckpointStatus | null;
  outbound: CheckpointStatus | null;
  quarantined: number;
}

/** The changes a jurisdiction receives on a default stream, as SQL (the mirror of `receives`). */
export function receivedSql(jurisdiction: string): Prisma.Sql {
  if (jurisdiction === "gz") return Prisma.sql`TRUE`;
  const rules = Object.entries(PROVINCE_AUDIENCE).map(([prefix, audience]) => {
    const kind = Prisma.sql`("kind" = ${prefix} OR "kind" LIKE ${`${prefix}.%`})`;
    if (audience === "everyone") return kind;
    if (audience === "otherProvince") {
      return Prisma.sql`(${kind} AND COALESCE("payload"->>'writer', "originJurisdiction", '') <> ${jurisdiction})`;
    }
    return Prisma.sql`(${kind} AND "payload"->'jurisdictions' @> jsonb_build_array(${jurisdiction}::text))`;
  });
  return Prisma.sql`(${Prisma.join(rules, " OR ")})`;
}

const secondsBetween = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

async function outboundStatus(prisma: PrismaClient, checkpoint: SyncCheckpoint, now: Date): Promise<CheckpointStatus> {
  const [lag] = await prisma.$queryRaw<Array<{ records: bigint; oldest: Date | null }>>`
    SELECT count(*) AS "records", min("createdAt") AS "oldest" FROM "ChangeEvent"
    WHERE "seq" > ${checkpoint.ackedSeq} AND ${receivedSql(checkpoint.jurisdiction)}`;
  const oldest = lag?.oldest ? new Date(lag.oldest) : null;
  return { checkpoint, lagRecords: Number(lag?.records ?? 0n), lagSeconds: oldest ? secondsBetween(oldest, now) : 0 };
}

function inboundStatus(checkpoint: SyncCheckpoint, now: Date): CheckpointStatus {
  const backlog = checkpoint.sourceBacklog ?? 0;
  const lagSeconds = backlog > 0 && checkpoint.sourceTime ? secondsBetween(checkpoint.sourceTime, now) : 0;
  return { checkpoint, lagRecords: backlog, lagSeconds };
}

/** Every adapter the caller may see (a province its own, gz all), optionally one by name. */
export async function adapterStatuses(
  prisma: PrismaClient,
  viewer: Jurisdiction,
  now: Date,
  only?: { jurisdiction: string; adapter: string },
): Promise<AdapterStatus[]> {
  const scope = only ? { jurisdiction: only.jurisdiction } : viewer === "gz" ? {} : { jurisdiction: viewer };
  const checkpoints = (await prisma.syncCheckpoint.findMany({ where: scope, orderBy: { id: "asc" } })).filter(
    (c) => !only || nameOfCheckpoint(c.id) === only.adapter,
  );
  const quarantine = await prisma.quarantinedRecord.groupBy({
    by: ["originJurisdiction", "source"],
    where: { status: "QUARANTINED", ...(scope.jurisdiction && { originJurisdiction: scope.jurisdiction }) },
    _count: { _all: true },
  });
  const adapters = new Map<string, AdapterStatus>();
  for (const checkpoint of checkpoints) {
    const adapter = nameOfCheckpoint(checkpoint.id);
    const key = `${checkpoint.jurisdiction}:${adapter}`;
    const entry = adapters.get(key) ?? {
      jurisdiction: checkpoint.jurisdiction,
      adapter,
      inbound: null,
      outbound: null,
      quarantined:
        quarantine.find((q) => q.originJurisdiction === checkpoint.jurisdiction && q.source === adapter)?._count._all ??
        0,
    };
    if (checkpoint.direction === "inbound") entry.inbound = inboundStatus(checkpoint, now);
    else entry.outbound = await outboundStatus(prisma, checkpoint, now);
    adapters.set(key, entry);
  }
  return [...adapters.values()];
}
