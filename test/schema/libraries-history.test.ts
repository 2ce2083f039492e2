import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import {
  enterpriseRecord,
  officerRecord,
  UPSERT_ENTERPRISES,
  UPSERT_OFFICERS,
  type UpsertPayload,
  uscc,
} from "./libraries-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

interface Change {
  writer: string;
  subject: string | null;
  version: number;
  outcome: string;
  changes: Array<{ field: string; from: string | null; to: string | null }>;
}

const OFFICER_HISTORY = `query($c: String!) { officer(certificateNumber: $c) {
  phone history(first: 50) { totalCount edges { node { writer subject version outcome changes { field from to } written { field value } } } }
} }`;

/** a history page as the connection answers it */
type History = { totalCount: number; edges: Array<{ node: Change }> };
const entries = (history: History | undefined) => history?.edges.map((edge) => edge.node) ?? [];

const fieldsOf = (change: Change | undefined) => change?.changes.map((c) => c.field).sort();

describe("history", () => {
  it("keeps an officer's three changes, newest first, with who, version and what changed", async () => {
    const number = "SC-GZ-2026-0950";
    const writes = [
      officerRecord({ certificateNumber: number, version: 1 }),
      officerRecord({ certificateNumber: number, version: 2, phone: "13900000777" }),
      officerRecord({ certificateNumber: number, version: 3, phone: "13900000777", status: "SUSPENDED" }),
    ];
    for (const record of writes) {
      const { data } = await t.gql<{ upsertOfficers: UpsertPayload }>(UPSERT_OFFICERS, {
        as: "sc",
        subject: "sc-adapter",
        variables: { records: [record] },
      });
      expect(data?.upsertOfficers.results[0]?.outcome).toBe("APPLIED");
    }
    const own = await t.gql<{ officer: { phone: string; history: History } }>(OFFICER_HISTORY, {
      as: "sc",
      variables: { c: number },
    });
    expect(own.data?.officer.history.totalCount).toBe(3);
    const history = entries(own.data?.officer.history);
    // page by page, one entry each: the cursors walk the same list, newest first
    const PAGE = `query($c: String!, $after: String) { officer(certificateNumber: $c) {
      history(first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { version } } } } }`;
    type Page = {
      officer: {
        history: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { version: number } }> };
      };
    };
    const paged: number[] = [];
    let after: string | undefined;
    for (let more = true; more; ) {
      const page = await t.gql<Page>(PAGE, { as: "sc", variables: { c: number, after } });
      const h = page.data?.officer.history;
      paged.push(...(h?.edges.map((e) => e.node.version) ?? []));
      more = h?.pageInfo.hasNextPage ?? false;
      after = h?.pageInfo.endCursor;
    }
    expect(paged).toEqual(history.map((h) => h.version));
    const bad = await t.gql(PAGE, { as: "sc", variables: { c: number, after: "not-a-cursor" } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BAD_CURSOR" });
    expect(history.map((h) => [h.version, h.outcome, h.writer, h.subject])).toEqual([
      [3, "APPLIED", "SC", "sc-adapter"],
      [2, "APPLIED", "SC", "sc-adapter"],
      [1, "APPLIED", "SC", "sc-adapter"],
    ]);
    expect(fieldsOf(history[0])).toEqual(["status", "version"]);
    expect(history[0]?.changes.find((c) => c.field === "status")).toEqual({
      field: "status",
      from: "ACTIVE",
      to: "SUSPENDED",
    });
    expect(history[1]?.changes.find((c) => c.field === "phone")).toEqual({
      field: "phone",
      from: "13900000299",
      to: "13900000777",
    });

    // the other province and 管委会 without pii:read see personal data masked, in history too
    for (const as of ["cq", "gz"] as const) {
      const other = await t.gql<{ officer: { phone: string; history: History } }>(OFFICER_HISTORY, {
        as,
        variables: { c: number },
      });
      expect(other.data?.officer.phone).toBe("139****0777");
      expect(entries(other.data?.officer.history)[1]?.changes.find((c) => c.field === "phone")).toEqual({
        field: "phone",
        from: "139****0299",
        to: "139****0777",
      });
      const created = JSON.stringify(entries(other.data?.officer.history)[2]);
      expect(created).not.toContain(String(writes[0]?.idNumber));
      expect(created).not.toContain("测试路9号");
    }
    const pii = await t.gql<{ officer: { history: History } }>(OFFICER_HISTORY, {
      as: "gz",
      scopes: ["pii:read"],
      variables: { c: number },
    });
    expect(entries(pii.data?.officer.history)[1]?.changes.find((c) => c.field === "phone")?.to).toBe("13900000777");
  });

  it("keeps an enterprise's writes by both provinces, the superseded one included", async () => {
    const u = uscc("511623", 951);
    const push = (as: "cq" | "sc", record: Record<string, unknown>) =>
      t.gql(UPSERT_ENTERPRISES, { as, variables: { records: [record] } });
    await push("sc", enterpriseRecord({ uscc: u, version: 1 }));
    await push("cq", enterpriseRecord({ uscc: u, version: 4, creditGrade: "D" }));
    await push("sc", enterpriseRecord({ uscc: u, version: 2, industry: "装备制造" }));
    await push("cq", enterpriseRecord({ uscc: u, version: 3, creditGrade: "B" }));
    const { data } = await t.gql<{ enterprise: { riskColour: string; history: History } }>(
      `query($u: String!) { enterprise(uscc: $u) { riskColour history(first: 50) { totalCount edges { node { writer version outcome changes { field from to } } } } } }`,
      { as: "cq", variables: { u } },
    );
    const history = entries(data?.enterprise.history);
    expect(history.map((h) => [h.writer, h.version, h.outcome])).toEqual([
      ["CQ", 3, "STALE"],
      ["SC", 2, "APPLIED"],
      ["CQ", 4, "APPLIED"],
      ["SC", 1, "APPLIED"],
    ]);
    expect(history[0]?.changes).toEqual([]);
    expect(history[2]?.changes).toEqual(
      expect.arrayContaining([
        { field: "creditGradeCq", from: null, to: "D" },
        { field: "versionCq", from: null, to: "4" },
      ]),
    );
    expect(data?.enterprise.riskColour).toBe("RED");
  });
});
