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
 * - each direction's report age and state (rules/staleness.ts): STALE when its last report is older
 *   than the threshold — then a stale inbound lag is at least that age, never "caught up".
 */

import { Prisma, type PrismaClient, type SyncCheckpoint } from "../../gateway/db/generated/prisma/client.ts";
import type { Jurisdiction } from "../common/jurisdiction.ts";
import { nameOfCheckpoint } from "./checkpoints.ts";
import { type Freshness, freshness, inboundLagSeconds, secondsBetween } from "./rules/staleness.ts";
import { PROVINCE_AUDIENCE } from "./rules/visibility.ts";

export interface CheckpointStatus extends Freshness {
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

/** what the figures of a direction are worth now; a row never touched since created counts from then */
const freshnessOf = (checkpoint: SyncCheckpoint, lag: { lagRecords: number; lagSeconds: number }, at: StatusClock) =>
  freshness(checkpoint.lastSeenAt ?? checkpoint.updatedAt, lag, at.now, at.staleAfterSeconds);

export interface ReportAge {
  /** the checkpoint id, `${jurisdiction}:${adapter}:${direction}` */
  checkpoint: string;
  jurisdiction: string;
  direction: string;
  reportAgeSeconds: number;
  stale: boolean;
}

/** How long ago each adapter direction last reported, without the lag queries: for /healthz/sync and metrics. */
export async function reportAges(prisma: PrismaClient, at: StatusClock): Promise<ReportAge[]> {
  const checkpoints = await prisma.syncCheckpoint.findMany({ orderBy: { id: "asc" } });
  return checkpoints.map((c) => {
    const { reportAgeSeconds, state } = freshnessOf(c, { lagRecords: 0, lagSeconds: 0 }, at);
    return {
      checkpoint: c.id,
      jurisdiction: c.jurisdiction,
      direction: c.direction,
      reportAgeSeconds,
      stale: state === "STALE",
    };
  });
}

async function outboundStatus(
  prisma: PrismaClient,
  checkpoint: SyncCheckpoint,
  at: StatusClock,
): Promise<CheckpointStatus> {
  const [row] = await prisma.$queryRaw<Array<{ records: bigint; oldest: Date | null }>>`
    SELECT count(*) AS "records", min("createdAt") AS "oldest" FROM "ChangeEvent"
    WHERE "seq" > ${checkpoint.ackedSeq} AND ${receivedSql(checkpoint.jurisdiction)}`;
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  // the outbox is the truth here, whatever the adapter last said: the lag stands as counted
  const lag = { lagRecords: Number(row?.records ?? 0n), lagSeconds: oldest ? secondsBetween(oldest, at.now) : 0 };
  return { checkpoint, ...lag, ...freshnessOf(checkpoint, lag, at) };
}

function inboundStatus(checkpoint: SyncCheckpoint, at: StatusClock): CheckpointStatus {
  const backlog = checkpoint.sourceBacklog ?? 0;
  const reported = backlog > 0 && checkpoint.sourceTime ? secondsBetween(checkpoint.sourceTime, at.now) : 0;
  const fresh = freshnessOf(checkpoint, { lagRecords: backlog, lagSeconds: reported }, at);
  return { checkpoint, lagRecords: backlog, lagSeconds: inboundLagSeconds(reported, fresh), ...fresh };
}

/** the request's now, and after how long without a report a direction is STALE (config SYNC_STALE_AFTER_SECONDS) */
export interface StatusClock {
  now: Date;
  staleAfterSeconds: number;
}

/** Every adapter the caller may see (a province its own, gz all), optionally one by name. */
export async function adapterStatuses(
  prisma: PrismaClient,
  viewer: Jurisdiction,
  at: StatusClock,
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
    if (checkpoint.direction === "inbound") entry.inbound = inboundStatus(checkpoint, at);
    else entry.outbound = await outboundStatus(prisma, checkpoint, at);
    adapters.set(key, entry);
  }
  return [...adapters.values()];
}

/** `/healthz/sync`: 503 while any adapter direction is STALE, with every direction's report age */
export async function syncHealth(prisma: PrismaClient, at: StatusClock) {
  const ages = await reportAges(prisma, at);
  const stale = ages.filter((a) => a.stale).map((a) => a.checkpoint);
  return {
    healthy: stale.length === 0,
    body: {
      status: stale.length === 0 ? "ok" : "stale",
      staleAfterSeconds: at.staleAfterSeconds,
      stale,
      adapters: ages,
    },
  };
}
