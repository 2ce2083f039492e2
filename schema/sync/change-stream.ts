/**
 * One subscriber's change stream, read from the outbox (Postgres, durable) and woken by the bus.
 * The outbox `seq` grows in commit order (gateway/outbox/outbox.ts), so reading "seq > cursor" in
 * pages never skips a change, and the cursor only moves forward, so none is emitted twice.
 * The bus only shortens the wait: without it (Redis down) the stream polls every `pollMs`.
 * After `heartbeatMs` without an event a `heartbeat` goes out with the newest seq read so far.
 * The stream ends when the subscriber's token expires: it reconnects with a fresh one from its
 * acknowledged seq (a token is checked once, when the stream starts).
 */
import { Repeater } from "graphql-yoga";
import type { Bus } from "../../gateway/bus/index.ts";
import type { PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import { CHANGES_CHANNEL } from "../../gateway/outbox/outbox.ts";
import { type Change, type Subscriber, visibleChange } from "./rules/visibility.ts";

export interface StreamDeps {
  prisma: PrismaClient;
  bus: Bus;
  clock: () => Date;
}

export interface StreamOptions {
  subscriber: Subscriber;
  /** emit changes with seq > afterSeq */
  afterSeq: bigint;
  /** only these kinds (heartbeats always come); null: every kind the subscriber receives */
  kinds: readonly string[] | null;
  includeOwn: boolean;
  heartbeatMs: number;
  pollMs: number;
  /** end the stream at this instant (the token's expiry) */
  until: Date;
  /** @default 500 */
  pageSize?: number;
}

export const HEARTBEAT_KIND = "heartbeat";

export function heartbeat(seq: bigint, at: Date): Change {
  return {
    seq,
    kind: HEARTBEAT_KIND,
    entityType: "stream",
    entityId: "",
    originJurisdiction: null,
    payload: {},
    createdAt: at,
  };
}

export function changeStream(deps: StreamDeps, options: StreamOptions): Repeater<Change> {
  const pageSize = options.pageSize ?? 500;
  const kindFilter = options.kinds ? { kind: { in: [...options.kinds] } } : {};
  return new Repeater<Change>(async (push, stop) => {
    let stopped = false;
    let woken = false;
    let wake: (() => void) | null = null;
    const onWake = () => {
      woken = true;
      wake?.();
    };
    void stop.then(() => {
      stopped = true;
      wake?.();
    });
    // not awaited: with Redis down a subscription may wait for the connection; polling covers it
    const unsubscribe = deps.bus.subscribe(CHANGES_CHANNEL, onWake).catch(() => null);

    let cursor = options.afterSeq;
    let lastEmit = Date.now();
    try {
      while (!stopped && Date.now() < options.until.getTime()) {
        woken = false;
        const page = await deps.prisma.changeEvent.findMany({
          where: { seq: { gt: cursor }, ...kindFilter },
          orderBy: { seq: "asc" },
          take: pageSize,
        });
        for (const row of page) {
          if (stopped) return;
          cursor = row.seq;
          const change = visibleChange(row, options.subscriber, { includeOwn: options.includeOwn });
          if (!change) continue;
          await push(change);
          lastEmit = Date.now();
        }
        if (page.length === pageSize || woken) continue;
        const untilHeartbeat = options.heartbeatMs - (Date.now() - lastEmit);
        if (untilHeartbeat <= 0) {
          await push(heartbeat(cursor, deps.clock()));
          lastEmit = Date.now();
          continue;
        }
        await new Promise<void>((resolve) => {
          const untilExpiry = Math.max(0, options.until.getTime() - Date.now());
          const timer = setTimeout(resolve, Math.min(options.pollMs, untilHeartbeat, untilExpiry));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    } finally {
      void unsubscribe.then((off) => off?.().catch(() => {}));
      stop(); // a repeater whose executor returns is not finished until stopped
    }
  });
}
