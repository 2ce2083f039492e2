/**
 * Prometheus metrics of one gateway: its own registry (several gateways can live in one process, as
 * in tests), process metrics, request and ingest counters kept in memory, and gauges read from
 * Postgres at scrape time (outbox head, acknowledged seq per consumer) so every replica reports the
 * same truth.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { countOutcomes, type WriteOutcome } from "../../schema/sync/rules/write-outcome.ts";
import { type ReportAge, reportAges } from "../../schema/sync/status-service.ts";
import type { PrismaClient } from "../db/generated/prisma/client.ts";

const labelsOf = (a: ReportAge) => ({ checkpoint: a.checkpoint, jurisdiction: a.jurisdiction, direction: a.direction });

export interface GatewayMetrics {
  readonly registry: Registry;
  /**
   * one HTTP request answered; `operation` is query | mutation | subscription | none (not GraphQL, or
   * refused before execution); `errorCodes` are the distinct `extensions.code`s of its errors
   */
  observeRequest(operation: string, status: number, seconds: number, errorCodes?: readonly string[]): void;
  /** per-record outcomes of one committed ingest batch */
  countIngest(origin: string, results: ReadonlyArray<{ outcome: WriteOutcome }>): void;
}

export function createMetrics(prisma: PrismaClient, sync: { staleAfterSeconds: number }): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const requests = new Counter({
    name: "gz_http_requests_total",
    help: "HTTP requests answered, by GraphQL operation type and status",
    labelNames: ["operation", "status"] as const,
    registers,
  });
  const duration = new Histogram({
    name: "gz_http_request_duration_seconds",
    help: "Time to the response head (for SSE streams: until the stream opened)",
    labelNames: ["operation"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const errors = new Counter({
    name: "gz_graphql_errors_total",
    help: "Answered requests with an error of this extensions.code (once per request and code), by GraphQL operation type",
    labelNames: ["operation", "code"] as const,
    registers,
  });
  const ingested = new Counter({
    name: "gz_ingest_records_total",
    help: "Records in committed ingest batches, by origin and WriteOutcome (applied, unchanged, stale, refused)",
    labelNames: ["origin", "outcome"] as const,
    registers,
  });
  new Gauge({
    name: "gz_outbox_newest_seq",
    help: "Newest seq of the outbox (change stream head)",
    registers,
    async collect() {
      const newest = await prisma.changeEvent.aggregate({ _max: { seq: true } });
      this.set(Number(newest._max.seq ?? 0n));
    },
  });
  new Gauge({
    name: "gz_sync_acked_seq",
    help: "Acknowledged seq per change-stream consumer (lag = gz_outbox_newest_seq - this, before visibility filtering)",
    labelNames: ["consumer", "jurisdiction"] as const,
    registers,
    async collect() {
      this.reset();
      const consumers = await prisma.syncCheckpoint.findMany({
        where: { direction: "outbound" },
        select: { id: true, jurisdiction: true, ackedSeq: true },
      });
      for (const c of consumers) this.set({ consumer: c.id, jurisdiction: c.jurisdiction }, Number(c.ackedSeq));
    },
  });

  // a handful of rows, read at scrape time like the gauges above, so every replica reports the same
  const scrapeAges = () => reportAges(prisma, { now: new Date(), ...sync });
  new Gauge({
    name: "gz_sync_report_age_seconds",
    help: "Seconds since each adapter direction last reported (heartbeat, ingest or acknowledgement)",
    labelNames: ["checkpoint", "jurisdiction", "direction"] as const,
    registers,
    async collect() {
      this.reset();
      for (const a of await scrapeAges()) this.set(labelsOf(a), a.reportAgeSeconds);
    },
  });
  new Gauge({
    name: "gz_sync_stale",
    help: "1 while an adapter direction has not reported for SYNC_STALE_AFTER_SECONDS: its figures are not current",
    labelNames: ["checkpoint", "jurisdiction", "direction"] as const,
    registers,
    async collect() {
      this.reset();
      for (const a of await scrapeAges()) this.set(labelsOf(a), a.stale ? 1 : 0);
    },
  });

  return {
    registry,
    observeRequest(operation, status, seconds, errorCodes = []) {
      requests.inc({ operation, status: String(status) });
      duration.observe({ operation }, seconds);
      for (const code of errorCodes) errors.inc({ operation, code });
    },
    countIngest(origin, results) {
      for (const [outcome, n] of Object.entries(countOutcomes(results)))
        if (n > 0) ingested.inc({ origin, outcome: outcome.toLowerCase() }, n);
    },
  };
}
