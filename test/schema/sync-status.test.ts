import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { openChanges } from "./sse.ts";
import { ingest, inspection } from "./sync-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway({ env: { STREAM_HEARTBEAT_MS: "300", STREAM_POLL_MS: "100" } });
});
afterAll(() => t.dispose());

interface Status {
  jurisdiction: string;
  adapter: string;
  lagRecords: number;
  lagSeconds: number;
  quarantined: number;
  lastError: string | null;
  cursor: string | null;
  ackedSeq: string | null;
  inbound: { lagRecords: number; lagSeconds: number } | null;
  outbound: { lagRecords: number; lagSeconds: number } | null;
}
const STATUS = `{ syncStatus { jurisdiction adapter lagRecords lagSeconds quarantined lastError cursor ackedSeq
  inbound { lagRecords lagSeconds } outbound { lagRecords lagSeconds } } }`;
const status = async (as: "cq" | "sc" | "gz") =>
  (await t.gql<{ syncStatus: Status[] }>(STATUS, { as })).data?.syncStatus ?? [];
const ACK = `mutation($s: String!) {
  acknowledgeChanges(input: { consumer: "platform", seq: $s }) { acknowledgement { ackedSeq } } }`;
const newestSeq = async () => String((await t.prisma.changeEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n);

describe("syncStatus", () => {
  it("counts the outbound lag in changes the adapter receives — exactly what its stream delivers", async () => {
    await t.gql(ACK, { as: "cq", variables: { s: await newestSeq() } });
    await ingest(t, "sc", { records: [1, 2, 3].map((i) => inspection(`SC-JC-00030${i}`)) });
    await ingest(t, "cq", { records: [inspection("CQ-INS-000301")] }); // its own: not lag for cq
    const [cq] = await status("cq");
    expect(cq).toMatchObject({ jurisdiction: "CQ", adapter: "platform", outbound: { lagRecords: 3 } });
    expect(cq?.outbound?.lagSeconds).toBeGreaterThanOrEqual(0);

    const stream = await openChanges(t, { as: "cq", variables: { consumer: "platform" } });
    const delivered = await stream.take(3);
    const after = await stream.next({ heartbeats: true, timeoutMs: 5000 });
    await stream.close();
    expect(after.kind).toBe("heartbeat");
    await t.gql(ACK, { as: "cq", variables: { s: delivered[2]?.seq } });
    expect((await status("cq"))[0]).toMatchObject({
      lagRecords: 0,
      lagSeconds: 0,
      outbound: { lagRecords: 0, lagSeconds: 0 },
    });
  });

  it("counts library, dispatch and supervision changes by the same rule as the stream", async () => {
    await t.gql(ACK, { as: "cq", variables: { s: await newestSeq() } });
    const at = (kind: string, originJurisdiction: string | null, payload: object) =>
      t.prisma.changeEvent.create({
        data: { kind, entityType: kind.split(".")[0] as string, entityId: "e", originJurisdiction, payload },
      });
    await at("enterprise.upserted", "cq", { key: "91500112MAG000014A", writer: "sc" }); // cq receives: sc wrote it
    await at("enterprise.upserted", "sc", { key: "91511623MAG000011X", writer: "cq" }); // cq wrote it: not lag
    await at("dispatch.assigned", null, { jurisdictions: ["cq", "sc"] }); // involves cq
    await at("dispatch.assigned", null, { jurisdictions: ["sc"] }); // does not
    await at("warning.raised", "cq", {}); // committee only
    await at("item.changed", null, { code: "GZ-001" }); // everyone
    expect((await status("cq"))[0]?.outbound?.lagRecords).toBe(3);
    const stream = await openChanges(t, { as: "cq", variables: { consumer: "platform" } });
    const delivered = await stream.take(3);
    expect((await stream.next({ heartbeats: true, timeoutMs: 5000 })).kind).toBe("heartbeat");
    await stream.close();
    expect(delivered.map((c) => c.kind)).toEqual(["enterprise.upserted", "dispatch.assigned", "item.changed"]);
    expect((await status("gz")).length).toBeGreaterThan(0);
  });

  it("shows the inbound backlog and its age as reported, zero once caught up", async () => {
    const sourceTime = new Date(Date.now() - 60_000).toISOString();
    await ingest(t, "sc", { cursor: "since:9", sourceTime, sourceBacklog: 5, records: [inspection("SC-JC-000310")] });
    const [sc] = await status("sc");
    expect(sc).toMatchObject({
      jurisdiction: "SC",
      adapter: "platform",
      cursor: "since:9",
      lagRecords: 5,
      inbound: { lagRecords: 5 },
    });
    expect(sc?.lagSeconds).toBeGreaterThanOrEqual(59);
    const HEARTBEAT =
      'mutation { heartbeat(input: { source: "platform", sourceBacklog: 0 }) { status { lagRecords lagSeconds } } }';
    const beat = await t.gql<{ heartbeat: { status: { lagRecords: number; lagSeconds: number } } }>(HEARTBEAT, {
      as: "sc",
    });
    expect(beat.data?.heartbeat.status).toEqual({ lagRecords: 0, lagSeconds: 0 });
  });

  it("counts the adapter's quarantine and shows its last error until the next success", async () => {
    await ingest(t, "sc", {
      records: [inspection("SC-JC-000320", { itemCode: "NOPE" }), inspection("SC-JC-000321", { enterpriseUscc: "X" })],
    });
    const REPORT = `mutation { reportSyncError(input: { source: "platform", message: "平台 503: 维护中" }) {
      status { lastError quarantined } } }`;
    const reported = await t.gql<{ reportSyncError: { status: { lastError: string; quarantined: number } } }>(REPORT, {
      as: "sc",
    });
    expect(reported.data?.reportSyncError.status).toEqual({ lastError: "平台 503: 维护中", quarantined: 2 });
    await ingest(t, "sc", { records: [] });
    expect((await status("sc"))[0]?.lastError).toBeNull();
  });

  it("marks an adapter that stopped reporting STALE: no 'caught up' from its last figure, /healthz/sync 503, metrics", async () => {
    const BEAT =
      'mutation { heartbeat(input: { source: "silent", direction: INBOUND, sourceBacklog: 0 }) { status { state } } }';
    await t.gql(BEAT, { as: "cq" });
    const ACK_ALL = `mutation($s: String!) {
      acknowledgeChanges(input: { consumer: "silent", seq: $s }) { acknowledgement { ackedSeq } } }`;
    await t.gql(ACK_ALL, { as: "cq", variables: { s: await newestSeq() } });
    const SILENT = `{ syncStatus { adapter state reportAgeSeconds lagSeconds
      inbound { state reportAgeSeconds lagRecords lagSeconds } outbound { state } } }`;
    interface Silent {
      adapter: string;
      state: string;
      reportAgeSeconds: number;
      lagSeconds: number;
      inbound: { state: string; reportAgeSeconds: number; lagRecords: number; lagSeconds: number };
      outbound: { state: string };
    }
    const silent = async () =>
      (await t.gql<{ syncStatus: Silent[] }>(SILENT, { as: "cq" })).data?.syncStatus.find(
        (s) => s.adapter === "silent",
      );
    expect(await silent()).toMatchObject({ state: "CAUGHT_UP", lagSeconds: 0, inbound: { state: "CAUGHT_UP" } });

    // its inbound side last reported 95 s ago (its process died): the backlog it reported then was 0
    await t.prisma.syncCheckpoint.update({
      where: { id: "cq:silent:inbound" },
      data: { lastSeenAt: new Date(Date.now() - 95_000) },
    });
    const stale = await silent();
    expect(stale).toMatchObject({
      state: "STALE",
      inbound: { state: "STALE", lagRecords: 0 },
      outbound: { state: "CAUGHT_UP" },
    });
    expect(stale?.reportAgeSeconds).toBeGreaterThanOrEqual(95);
    expect(stale?.lagSeconds).toBeGreaterThanOrEqual(95);
    expect(stale?.inbound.lagSeconds).toBeGreaterThanOrEqual(95);

    const health = await t.gateway.fetch("http://gateway.test/healthz/sync");
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "stale", staleAfterSeconds: 60, stale: ["cq:silent:inbound"] });
    expect((await t.gateway.fetch("http://gateway.test/readyz")).status).toBe(200); // the gateway itself is fine
    const metrics = await (await t.gateway.fetch("http://gateway.test/metrics")).text();
    expect(metrics).toMatch(/gz_sync_stale\{checkpoint="cq:silent:inbound",jurisdiction="cq",direction="inbound"\} 1/);
    expect(metrics).toMatch(
      /gz_sync_stale\{checkpoint="cq:silent:outbound",jurisdiction="cq",direction="outbound"\} 0/,
    );
    expect(metrics).toMatch(/gz_sync_report_age_seconds\{checkpoint="cq:silent:inbound",[^}]*\} (9[5-9]|1\d\d)/);

    // it reports again: fresh
    await t.gql(BEAT, { as: "cq" });
    expect(await silent()).toMatchObject({ state: "CAUGHT_UP", lagSeconds: 0 });
    expect((await t.gateway.fetch("http://gateway.test/healthz/sync")).status).toBe(200);
  });

  it("shows a province its own adapters and the committee all of them", async () => {
    expect((await status("cq")).map((s) => s.jurisdiction)).toEqual(["CQ", "CQ"]);
    expect((await status("sc")).map((s) => s.jurisdiction)).toEqual(["SC"]);
    expect((await status("gz")).map((s) => `${s.jurisdiction}:${s.adapter}`).sort()).toEqual([
      "CQ:platform",
      "CQ:silent",
      "SC:platform",
    ]);
  });
});

describe("/metrics", () => {
  it("serves Prometheus metrics: requests by operation type, ingest outcomes, outbox head, acknowledged seqs, process", async () => {
    const response = await t.gateway.fetch("http://gateway.test/metrics");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/gz_http_requests_total\{operation="mutation",status="200"\} \d+/);
    expect(text).toMatch(/gz_ingest_records_total\{origin="sc",outcome="applied"\} \d+/);
    expect(text).toMatch(/gz_ingest_records_total\{origin="sc",outcome="refused"\} 2/);
    expect(text).toMatch(new RegExp(`gz_outbox_newest_seq ${await newestSeq()}`));
    expect(text).toMatch(/gz_sync_acked_seq\{consumer="cq:platform:outbound",jurisdiction="cq"\} \d+/);
    expect(text).toMatch(/process_cpu_user_seconds_total/);
  });

  it("asks for a gz token when METRICS_PUBLIC is false", async () => {
    const closed = await createTestGateway({ seed: false, env: { METRICS_PUBLIC: "false" } });
    try {
      const get = async (token?: string) =>
        (
          await closed.gateway.fetch("http://gateway.test/metrics", {
            headers: token ? { authorization: `Bearer ${token}` } : {},
          })
        ).status;
      expect(await get()).toBe(401);
      expect(await get(await closed.token("cq"))).toBe(403);
      expect(await get(await closed.token("gz"))).toBe(200);
    } finally {
      await closed.dispose();
    }
  });
});
