/**
 * One `record.upserted` change, whoever wrote the record: a penalty decision pushed with
 * `reportPenaltyDecision` reaches the change stream (and so the other province's adapter) in the same
 * canonical shape as one sent through `ingestRecords`.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyOf } from "../../schema/common/node-access.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { ingest, USCC } from "./sync-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const PUSH = `mutation($input: ReportPenaltyDecisionInput!) { reportPenaltyDecision(input: $input) { recordId applied } }`;
const decided = {
  itemCode: "GZ-041",
  enterpriseUscc: USCC,
  officerCertificates: ["CQ-0001"],
  occurredAt: "2025-03-01T10:00:00+08:00",
  decidedAt: "2025-04-01T10:00:00+08:00",
  result: "罚款",
};

async function changeOf(originId: string) {
  const event = await t.prisma.changeEvent.findFirstOrThrow({
    where: { kind: "record.upserted", payload: { path: ["originId"], equals: originId } },
    orderBy: { seq: "desc" },
  });
  return event.payload as Record<string, unknown>;
}

const shape = (payload: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, v === null ? "null" : Array.isArray(v) ? "array" : typeof v]),
  );

describe("record.upserted payload", () => {
  it("is the same canonical record from reportPenaltyDecision as from ingestRecords", async () => {
    const viaIngest = await ingest(t, "cq", {
      records: [
        {
          originId: "CQ-PEN-000901",
          version: 1,
          kind: "PENALTY_DECISION",
          ...decided,
          fineYuan: "150000.00",
          payload: { lenientApplied: false, facts: {} },
        },
      ],
    });
    expect(viaIngest.errors).toBeUndefined();
    const viaPush = await t.gql<{ reportPenaltyDecision: { recordId: string; applied: boolean } }>(PUSH, {
      as: "cq",
      variables: {
        input: {
          originId: "CQ-PEN-000902",
          version: 1,
          ...decided,
          fineYuan: "150000",
          lenientApplied: false,
          facts: {},
        },
      },
    });
    expect(viaPush.errors).toBeUndefined();

    const ingested = await changeOf("CQ-PEN-000901");
    const pushed = await changeOf("CQ-PEN-000902");
    expect(shape(pushed)).toEqual(shape(ingested));
    expect(pushed).toMatchObject({
      // the change stream carries the stored key; the API answers the global id around it
      id: keyOf("EnforcementRecord", viaPush.data?.reportPenaltyDecision.recordId ?? ""),
      origin: "cq",
      originId: "CQ-PEN-000902",
      version: 1,
      kind: "PENALTY_DECISION",
      itemCode: "GZ-041",
      fineYuan: "150000.00",
      occurredAt: "2025-03-01T02:00:00.000Z",
      findings: null,
      taskId: null,
      payload: { lenientApplied: false },
    });
    expect(Object.keys(pushed.payload as object).sort()).toEqual(Object.keys(ingested.payload as object).sort());
  });
});
