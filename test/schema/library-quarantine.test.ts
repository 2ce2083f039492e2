/**
 * An officer the gateway refused sits in the quarantine under `officer:<certificate>` (the adapter puts it
 * there); once the province sends a corrected version that is applied, that row is SUPERSEDED — the
 * quarantine counts only what is still undelivered, as it does for records.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyOf } from "../../schema/common/node-access.ts";
import { libraryQuarantineId } from "../../schema/records/rules/library-quarantine-id.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { officerRecord, UPSERT_OFFICERS, type UpsertPayload } from "./libraries-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const QUARANTINE = `mutation($items: [QuarantineItemInput!]!) {
  quarantineRecords(input: { source: "platform", items: $items }) { quarantined { id status } } }`;

describe("a refused officer in the quarantine", () => {
  it("is superseded when a corrected version is accepted, and stays when an older one is", async () => {
    const certificate = "SC-GZ-2026-0901";
    const refused = await t.gql<{ upsertOfficers: UpsertPayload }>(UPSERT_OFFICERS, {
      as: "sc",
      variables: {
        records: [officerRecord({ certificateNumber: certificate, version: 3, idNumber: "511623199001010000" })],
      },
    });
    const result = refused.data?.upsertOfficers.results[0];
    expect(result?.outcome).toBe("REFUSED");
    const quarantined = await t.gql<{ quarantineRecords: { quarantined: { id: string; status: string }[] } }>(
      QUARANTINE,
      {
        as: "sc",
        variables: {
          items: [
            {
              originId: libraryQuarantineId("officer", certificate),
              version: 3,
              code: result?.code,
              reason: result?.message,
              payload: {},
            },
          ],
        },
      },
    );
    const id = keyOf("QuarantinedRecord", quarantined.data?.quarantineRecords.quarantined[0]?.id ?? "");
    const status = async () => (await t.prisma.quarantinedRecord.findUniqueOrThrow({ where: { id } })).status;
    expect(await status()).toBe("QUARANTINED");

    const older = await t.gql<{ upsertOfficers: UpsertPayload }>(UPSERT_OFFICERS, {
      as: "sc",
      variables: { records: [officerRecord({ certificateNumber: certificate, version: 2 })] },
    });
    expect(older.data?.upsertOfficers.results[0]?.outcome).toBe("APPLIED");
    expect(await status()).toBe("QUARANTINED"); // version 2 does not make the refused version 3 obsolete

    const corrected = await t.gql<{ upsertOfficers: UpsertPayload }>(UPSERT_OFFICERS, {
      as: "sc",
      variables: { records: [officerRecord({ certificateNumber: certificate, version: 3 })] },
    });
    expect(corrected.data?.upsertOfficers.results[0]?.outcome).toBe("APPLIED");
    expect(await status()).toBe("SUPERSEDED");
  });
});
