import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { openChanges } from "./sse.ts";
import { ingest, inspection } from "./sync-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway({ env: { STREAM_HEARTBEAT_MS: "400", STREAM_POLL_MS: "150" } });
});
afterAll(() => t.dispose());

const newestSeq = async () => String((await t.prisma.changeEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n);
const ACK = `mutation($c: String!, $s: String!) {
  acknowledgeChanges(input: { consumer: $c, seq: $s }) { acknowledgement { consumer ackedSeq } } }`;

describe("changes: the stream over SSE", () => {
  it("delivers every change after afterSeq exactly once, in seq order, while writes go on; not the subscriber's own", async () => {
    const afterSeq = await newestSeq();
    const stream = await openChanges(t, { as: "cq", variables: { afterSeq } });
    expect(stream.status).toBe(200);
    const batches = Array.from({ length: 8 }, (_, b) =>
      ingest(t, b % 4 === 3 ? "cq" : "sc", {
        records: Array.from({ length: 5 }, (_, i) => inspection(`${b % 4 === 3 ? "CQ-INS" : "SC-JC"}-0${b}${i}`)),
      }),
    );
    const receiving = stream.take(30);
    await Promise.all(batches);
    const expected = await t.prisma.changeEvent.findMany({
      where: { seq: { gt: BigInt(afterSeq) }, kind: "record.upserted", originJurisdiction: "sc" },
      orderBy: { seq: "asc" },
    });
    expect(expected).toHaveLength(30);
    const received = await receiving;
    await stream.close();
    expect(received.map((c) => c.seq)).toEqual(expected.map((e) => String(e.seq)));
    expect(new Set(received.map((c) => c.entityId)).size).toBe(30);
    expect(received.every((c) => c.origin === "SC")).toBe(true);
  });

  it("gives the subscriber its own records when it asks for them, filtered by kind", async () => {
    const afterSeq = await newestSeq();
    await ingest(t, "cq", { records: [inspection("CQ-INS-000900")] });
    const stream = await openChanges(t, {
      as: "cq",
      variables: { afterSeq, includeOwn: true, kinds: ["record.upserted"] },
    });
    const [own] = await stream.take(1);
    await stream.close();
    expect(own).toMatchObject({
      kind: "record.upserted",
      origin: "CQ",
      payload: { originId: "CQ-INS-000900" },
    });
  });

  it("masks personal data in payloads for the other province and gz without pii:read", async () => {
    const afterSeq = await newestSeq();
    await ingest(t, "sc", {
      records: [inspection("SC-CF-000900", { payload: { party: { idNumber: "510000199001011234" } } })],
    });
    const seen = async (as: "cq" | "gz", scopes?: string[]) => {
      const stream = await openChanges(t, { as, scopes, variables: { afterSeq } });
      const [change] = await stream.take(1);
      await stream.close();
      return (change?.payload.payload as { party: { idNumber: string } } | undefined)?.party.idNumber;
    };
    expect(await seen("cq")).toBe("******************");
    expect(await seen("gz")).toBe("******************");
    expect(await seen("gz", ["pii:read"])).toBe("510000199001011234");
  });

  it("resumes after a restart from the consumer's acknowledged seq", async () => {
    const afterSeq = await newestSeq();
    await ingest(t, "sc", { records: [1, 2, 3, 4].map((i) => inspection(`SC-JC-00080${i}`)) });
    const first = await openChanges(t, { as: "cq", variables: { afterSeq } });
    const got = await first.take(4);
    await first.close();
    const acked = await t.gql<{ acknowledgeChanges: { acknowledgement: { consumer: string; ackedSeq: string } } }>(
      ACK,
      {
        as: "cq",
        variables: { c: "platform", s: got[1]?.seq },
      },
    );
    expect(acked.data?.acknowledgeChanges.acknowledgement).toEqual({
      consumer: "cq:platform:outbound",
      ackedSeq: got[1]?.seq,
    });
    // a lower acknowledgement never moves it back
    const lower = await t.gql<{ acknowledgeChanges: { acknowledgement: { ackedSeq: string } } }>(ACK, {
      as: "cq",
      variables: { c: "platform", s: got[0]?.seq },
    });
    expect(lower.data?.acknowledgeChanges.acknowledgement.ackedSeq).toBe(got[1]?.seq);

    await ingest(t, "sc", { records: [inspection("SC-JC-000805")] });
    const resumed = await openChanges(t, { as: "cq", variables: { consumer: "platform" } });
    const after = await resumed.take(3);
    await resumed.close();
    expect(after.map((c) => c.payload.originId)).toEqual(["SC-JC-000803", "SC-JC-000804", "SC-JC-000805"]);
  });

  it("refuses an acknowledgement ahead of the outbox, and one for another issuer's consumer is its own", async () => {
    const ahead = await t.gql(ACK, { as: "cq", variables: { c: "platform", s: "999999999" } });
    expect(ahead.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "SEQ_AHEAD" });
    const sc = await t.gql<{ acknowledgeChanges: { acknowledgement: { consumer: string; ackedSeq: string } } }>(ACK, {
      as: "sc",
      variables: { c: "platform", s: "1" },
    });
    expect(sc.data?.acknowledgeChanges.acknowledgement.consumer).toBe("sc:platform:outbound");
    const cq = await t.prisma.syncCheckpoint.findUnique({ where: { id: "cq:platform:outbound" } });
    expect(cq?.ackedSeq).toBeGreaterThan(1n);
  });

  it("sends heartbeats with the newest seq read while idle", async () => {
    const newest = await newestSeq();
    const stream = await openChanges(t, { as: "sc", variables: { afterSeq: newest } });
    const beat = await stream.next({ heartbeats: true, timeoutMs: 5000 });
    await stream.close();
    expect(beat).toMatchObject({ kind: "heartbeat", seq: newest });
  });

  it("keeps delivering by polling when the bus is down", async () => {
    const bus = t.services.bus;
    const publish = bus.publish;
    bus.publish = async () => {
      throw new Error("bus down");
    };
    try {
      const afterSeq = await newestSeq();
      const stream = await openChanges(t, { as: "cq", variables: { afterSeq } });
      await stream.next({ heartbeats: true }); // the stream is open and idle
      await ingest(t, "sc", { records: [inspection("SC-JC-000950")] });
      const [change] = await stream.take(1, 5000);
      await stream.close();
      expect(change?.payload.originId).toBe("SC-JC-000950");
    } finally {
      bus.publish = publish;
    }
  });

  it("is woken by the bus at once, without waiting for a poll", async () => {
    const slow = await createTestGateway({ env: { STREAM_HEARTBEAT_MS: "60000", STREAM_POLL_MS: "60000" } });
    try {
      const stream = await openChanges(slow, { as: "cq", variables: { afterSeq: "0", kinds: ["record.upserted"] } });
      await new Promise((resolve) => setTimeout(resolve, 300)); // the stream has read the outbox and waits
      const started = Date.now();
      await ingest(slow, "sc", { records: [inspection("SC-JC-000960")] });
      const [change] = await stream.take(1, 5000);
      await stream.close();
      expect(change?.payload.originId).toBe("SC-JC-000960");
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await slow.dispose();
    }
  });

  it("ends the stream when the token expires, so the adapter reconnects with a fresh one", async () => {
    const stream = await openChanges(t, {
      token: await t.token("cq", { ttlSeconds: 2 }),
      variables: { afterSeq: await newestSeq() },
    });
    const started = Date.now();
    let message = await stream.nextMessage(10_000);
    while (message) message = await stream.nextMessage(10_000);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses a stream without a token, without read, or with a malformed afterSeq", async () => {
    const anonymous = await openChanges(t, {});
    expect((await anonymous.nextMessage())?.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const writeOnly = await openChanges(t, { as: "sc", scopes: ["records:write"] });
    expect((await writeOnly.nextMessage())?.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const bad = await openChanges(t, { as: "sc", variables: { afterSeq: "-1" } });
    expect((await bad.nextMessage())?.errors?.[0]?.extensions?.reason).toBe("BAD_SEQ");
  });
});
