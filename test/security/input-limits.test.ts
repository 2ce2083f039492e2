/**
 * Size limits per field (docs/limits.md) and the text rules at the edge of every other argument: a
 * record over a limit is refused alone (quarantined with FIELD_TOO_LONG / PAYLOAD_TOO_LARGE naming the
 * field and the limit); a single argument over a limit, with a NUL byte, or a name with hidden
 * characters is refused with 400 BAD_USER_INPUT and that reason, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIELD_LIMITS, MAX_JSON_DEPTH } from "../../schema/common/rules/field-limits.ts";
import { officerRecord, UPSERT_OFFICERS, type UpsertPayload } from "../schema/libraries-helpers.ts";
import { openChanges } from "../schema/sse.ts";
import { ingest, inspection } from "../schema/sync-helpers.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const limit = (coordinate: string) => FIELD_LIMITS[coordinate]?.max as number;
const deep = (levels: number): unknown => (levels === 0 ? "x" : { a: deep(levels - 1) });

describe("records over a limit are refused alone", () => {
  it.each([
    ["a 1 MiB findings", { findings: "查".repeat(1 << 20) }, "FIELD_TOO_LONG", "findings"],
    [
      "findings one character over",
      { findings: "查".repeat(limit("RecordInput.findings") + 1) },
      "FIELD_TOO_LONG",
      "findings",
    ],
    ["a long result", { result: "x".repeat(limit("RecordInput.result") + 1) }, "FIELD_TOO_LONG", "result"],
    ["a 5 MiB payload", { payload: { blob: "x".repeat(5 << 20) } }, "PAYLOAD_TOO_LARGE", "payload"],
    ["a payload nested too deep", { payload: deep(MAX_JSON_DEPTH + 1) }, "PAYLOAD_TOO_DEEP", "payload"],
  ])("%s: quarantined with its code, the others applied, nothing large kept", async (_case, bad, code, field) => {
    const n = Math.floor(Math.random() * 1e6);
    const answer = await ingest(t, "sc", {
      records: [inspection(`SC-LIM-${n}-1`), inspection(`SC-LIM-${n}-2`, bad), inspection(`SC-LIM-${n}-3`)],
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.ingestRecords).toMatchObject({ counts: { applied: 2, refused: 1 } });
    expect(answer.data?.ingestRecords.results[1]).toMatchObject({ outcome: "REFUSED", code });
    expect(answer.data?.ingestRecords.results[1]?.message).toContain(field);
    const row = await t.prisma.quarantinedRecord.findFirstOrThrow({ where: { originId: `SC-LIM-${n}-2` } });
    expect(JSON.stringify(row.payload).length).toBeLessThan(10_000);
  });

  it("a refused record with a fine is quarantined, its fine kept as the yuan sent (a bigint failed the batch)", async () => {
    const answer = await ingest(t, "sc", {
      records: [
        inspection("SC-LIM-FINE-1", { itemCode: "NO-SUCH-ITEM", fineYuan: "12000.50" }),
        inspection("SC-LIM-FINE-2"),
      ],
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.ingestRecords).toMatchObject({ counts: { applied: 1, refused: 1 } });
    const row = await t.prisma.quarantinedRecord.findFirstOrThrow({ where: { originId: "SC-LIM-FINE-1" } });
    expect(row.payload).toMatchObject({ fineYuan: "12000.50" });
  });

  it("findings exactly at the limit are applied", async () => {
    const answer = await ingest(t, "sc", {
      records: [inspection("SC-LIM-EXACT", { findings: "𠀋".repeat(limit("RecordInput.findings")) })],
    });
    expect(answer.data?.ingestRecords.counts.applied).toBe(1);
  });

  it("an officer whose name is over its limit is refused with FIELD_TOO_LONG, the others stored", async () => {
    const answer = await t.gql<{ upsertOfficers: UpsertPayload }>(UPSERT_OFFICERS, {
      as: "sc",
      variables: {
        records: [
          officerRecord({ certificateNumber: "SC-LIM-0001" }),
          officerRecord({ certificateNumber: "SC-LIM-0002", name: "张".repeat(limit("OfficerInput.name") + 1) }),
        ],
      },
    });
    expect(answer.data?.upsertOfficers).toMatchObject({ counts: { applied: 1, refused: 1 } });
    expect(answer.data?.upsertOfficers.results[1]?.code).toBe("FIELD_TOO_LONG");
  });
});

describe("every other argument, at the edge", () => {
  const refused = async (query: string, variables: Record<string, unknown>, as: "gz" | "cq" | "sc" = "gz") => {
    const answer = await t.gql(query, { as, variables });
    expect(answer.status).toBe(400);
    expect(answer.data ?? null).toBeNull();
    return answer.errors?.[0]?.extensions;
  };

  it("a reason over its limit: FIELD_TOO_LONG naming the argument", async () => {
    const extensions = await refused(
      `mutation($r: String!) { cancelTask(input: { taskId: "no-such-task", reason: $r }) { task { state } } }`,
      { r: "因".repeat(limit("CancelTaskInput.reason") + 1) },
    );
    expect(extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "FIELD_TOO_LONG", field: "input.reason" });
  });

  it("a NUL byte in a search filter: INVALID_TEXT (it was an unexplained database error)", async () => {
    const extensions = await refused(`query($n: String) { officers(first: 5, name: $n) { totalCount } }`, {
      n: "张\u0000",
    });
    expect(extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_TEXT", field: "name" });
  });

  it("a NUL byte in a literal argument: INVALID_TEXT", async () => {
    const answer = await t.gql(`{ enterprise(uscc: "91500112MAG000014A\\u0000") { name } }`, { as: "gz" });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_TEXT" });
  });

  it("a plan name with a right-to-left override: INVALID_NAME, nothing created", async () => {
    const before = await t.prisma.inspectionPlan.count();
    const extensions = await refused(
      `mutation($input: InspectionPlanInput!) { createInspectionPlan(input: $input) { plan { id } } }`,
      { input: { name: "抽查\u202E划计", itemCodes: ["GZ-017"], visitFrom: "2026-12-01", visitTo: "2026-12-05" } },
    );
    expect(extensions).toMatchObject({ reason: "INVALID_NAME", field: "input.name" });
    expect(await t.prisma.inspectionPlan.count()).toBe(before);
  });

  it("an item's name with a zero-width space: INVALID_NAME", async () => {
    const extensions = await refused(
      `mutation($input: UpdateItemInput!) { updateItem(input: $input) { item { code } } }`,
      { input: { itemCode: "GZ-017", changes: { name: "危险化学品\u200B检查" } } },
    );
    expect(extensions).toMatchObject({ reason: "INVALID_NAME", field: "input.changes.name" });
  });

  it("a subscription's argument too: a NUL byte in the change stream's consumer is refused", async () => {
    const stream = await openChanges(t, { as: "cq", variables: { consumer: "platform\u0000" } });
    const message = await stream.nextMessage();
    await stream.close();
    expect(message?.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_TEXT" });
  });

  it("text within its limits passes", async () => {
    const answer = await t.gql(`query($n: String) { officers(first: 5, name: $n) { totalCount } }`, {
      as: "gz",
      variables: { n: "张" },
    });
    expect(answer.errors).toBeUndefined();
  });
});
