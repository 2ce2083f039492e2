/**
 * Ingest measures penalty decisions against the catalog in memory only while that copy is current: a catalog
 * change committed by ANOTHER replica, whose wake-up this one never heard (no shared bus here), is seen by the
 * very next batch, which then reads the rules in its own transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryBus } from "../../gateway/bus/memory-bus.ts";
import { assembleGateway } from "../../gateway/server.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { ingest, type RecordVars, USCC } from "./sync-helpers.ts";

let t: TestGateway;
let replica: Awaited<ReturnType<typeof assembleGateway>>;
beforeAll(async () => {
  t = await createTestGateway();
  // a bus of its own (even with REDIS_URL): what it commits never wakes `t`, as when a wake-up is lost
  replica = await assembleGateway(t.config, { db: t.db, bus: createMemoryBus() });
});
afterAll(async () => {
  await replica?.close();
  await t?.dispose();
});

/** GZ-041 (水污染防治法 第83条): 10万–40万 for the default facts; decided 2025-04-01 */
const decision = (originId: string): RecordVars => ({
  originId,
  version: 1,
  kind: "PENALTY_DECISION",
  itemCode: "GZ-041",
  enterpriseUscc: USCC,
  officerCertificates: ["CQ-GZ-2024-0001"],
  occurredAt: "2025-03-01T10:00:00+08:00",
  decidedAt: "2025-04-01T10:00:00+08:00",
  fineYuan: "200000",
  result: "罚款",
  payload: { facts: {} },
});

const UPDATE = `mutation($code: String!, $input: ItemChangesInput!) {
  updateItem(input: { itemCode: $code, changes: $input }) { item { code version } }
}`;

async function updateOnReplica(variables: Record<string, unknown>) {
  const response = await replica.gateway.fetch("http://replica.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await t.token("gz")}` },
    body: JSON.stringify({ query: UPDATE, variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

const warningKinds = async (originId: string) =>
  (await t.prisma.supervisionWarning.findMany({ where: { decision: { path: ["originId"], equals: originId } } })).map(
    (w) => w.kind,
  );

describe("ingest measures decisions against the current catalog", () => {
  it("sees an item's empowerment ended by another replica in the next batch", async () => {
    const before = await ingest(t, "cq", { records: [decision("cq-fresh-1")] });
    expect(before.errors).toBeUndefined();
    expect(before.data?.ingestRecords).toMatchObject({ counts: { applied: 1 } });
    expect(await warningKinds("cq-fresh-1")).toEqual([]); // in range, empowered: the copy is loaded now

    const update = await updateOnReplica({ code: "GZ-041", input: { empoweredTo: "2025-03-15" } });
    expect(update.errors).toBeUndefined();

    const after = await ingest(t, "cq", { records: [decision("cq-fresh-2")] });
    expect(after.errors).toBeUndefined();
    expect(await warningKinds("cq-fresh-2")).toEqual(["ITEM_NOT_EMPOWERED"]);
  });
});
