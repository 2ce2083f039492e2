/**
 * Date and DateTime refuse what does not exist — 2026-02-30, month 13, 24:00, 10:60 — in variables and
 * in literals, with a stable reason, and DateTime answers in Beijing time (+08:00).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { ingest, inspection } from "./sync-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const TRAIL = `query($from: DateTime) { auditTrail(first: 1, from: $from) { totalCount } }`;

describe("DateTime refuses instants that do not exist", () => {
  it.each([
    "2026-02-30T10:00:00+08:00",
    "2026-13-01T10:00:00+08:00",
    "2026-04-31T10:00:00Z",
    "2025-02-29T10:00:00Z",
    "2026-06-01T24:00:00+08:00",
    "2026-06-01T10:60:00+08:00",
    "2026-06-01T10:00:60+08:00",
    "2026-06-01T10:00:00+24:00",
    "2026-06-01T10:00:00",
    "+002026-06-01T10:00:00Z",
    "-000001-06-01T10:00:00Z",
    "2026-6-1T10:00:00Z",
  ])("%s in a variable: BAD_USER_INPUT, reason BAD_DATETIME, nothing stored", async (occurredAt) => {
    const answer = await ingest(t, "sc", { records: [inspection("SC-DATE-0001", { occurredAt })] });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BAD_DATETIME" });
    expect(await t.prisma.enforcementRecord.count({ where: { originId: "SC-DATE-0001" } })).toBe(0);
  });

  it("auditTrail(from:) refuses 2026-02-30 as a literal and as a variable", async () => {
    const literal = await t.gql(`{ auditTrail(first: 1, from: "2026-02-30T00:00:00+08:00") { totalCount } }`, {
      as: "gz",
      scopes: ["audit:read"],
    });
    expect(literal.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BAD_DATETIME" });
    const variable = await t.gql(TRAIL, {
      as: "gz",
      scopes: ["audit:read"],
      variables: { from: "2026-02-30T00:00:00+08:00" },
    });
    expect(variable.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BAD_DATETIME" });
  });

  it("accepts real instants in their forms: offsets, Z, fractions, a leap day", async () => {
    for (const from of [
      "2024-02-29T23:59:59.999+08:00",
      "2026-06-01T10:00Z",
      "2026-06-01t10:00:00.123456z",
      "2026-06-01T10:00:00-0530",
    ]) {
      const answer = await t.gql(TRAIL, { as: "gz", scopes: ["audit:read"], variables: { from } });
      expect(answer.errors).toBeUndefined();
    }
  });
});

describe("Date refuses days that do not exist", () => {
  it.each(["2026-02-30", "2026-00-10", "2026-13-01", "0000-01-01", "2026-1-01"])(
    "%s: reason BAD_DATE",
    async (actDate) => {
      const answer = await t.gql(
        `query($d: Date!) { matchDiscretion(input: { itemCode: "GZ-017", actDate: $d, decisionDate: $d }) { outcome } }`,
        { as: "cq", variables: { d: actDate } },
      );
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BAD_DATE" });
    },
  );
});

describe("DateTime answers in Beijing time", () => {
  it("writes an instant with the +08:00 offset, the same instant as pushed", async () => {
    await ingest(t, "sc", { records: [inspection("SC-DATE-0100", { occurredAt: "2026-06-01T01:30:00Z" })] });
    const answer = await t.gql<{ record: { occurredAt: string } }>(
      `{ record(origin: SC, originId: "SC-DATE-0100") { occurredAt } }`,
      { as: "sc" },
    );
    expect(answer.data?.record.occurredAt).toBe("2026-06-01T09:30:00.000+08:00");
  });
});
