/**
 * 未亮码检查反映 on `/report/unshown-code` and `reportUnshownCodeInspection`: stored once per (USCC, day,
 * department), refused with a stable code and nothing stored for an unknown or invalid USCC or a future day,
 * rate-limited with the public limiter, audited without its content; linked from every /v/ page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beijingDate } from "../../schema/common/effective-dates.ts";
import { computeUsccCheckChar } from "../../schema/libraries/rules/uscc.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

const today = beijingDate(new Date());
const tomorrow = beijingDate(new Date(Date.now() + 86_400_000));
const REPORT = {
  occurredOn: today,
  department: "某区市场监管局",
  description: "两人到店检查，未出示执法码。联系人 13800000000",
};
const MUTATION = /* GraphQL */ `
  mutation ($input: UnshownCodeReportInput!) {
    reportUnshownCodeInspection(input: $input) { alreadyReceived reportedAt }
  }
`;

let t: TestGateway;
let uscc: string;

beforeAll(async () => {
  t = await createTestGateway({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" } });
  uscc = (await t.prisma.enterprise.findFirstOrThrow({ select: { uscc: true } })).uscc;
});
afterAll(() => t?.dispose());

const get = async (path: string, gateway = t) => {
  const response = await gateway.gateway.fetch(`http://gateway.test${path}`);
  return { status: response.status, text: await response.text() };
};
const post = async (fields: Record<string, string>, gateway = t) => {
  const response = await gateway.gateway.fetch("http://gateway.test/report/unshown-code", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, text: await response.text() };
};

describe("未亮码检查反映 page", () => {
  it("serves the form, and every /v/ page links to it", async () => {
    const form = await get("/report/unshown-code");
    expect(form.status).toBe(200);
    expect(form.text).toContain('<form method="post" action="/report/unshown-code">');
    expect(form.text).toContain('name="occurredOn"');
    for (const path of ["/v/garbage", "/v/garbage?uscc=X"]) {
      const page = await get(path);
      expect(page.text).toContain('href="/report/unshown-code">检查人员未出示执法码？点此反映</a>');
    }
  });

  it("stores once, answers 已收到 twice, audits the report without its content", async () => {
    const first = await post({ uscc: uscc.toLowerCase(), ...REPORT });
    expect(first.status).toBe(200);
    expect(first.text).toContain('data-received="NEW">已收到');
    const again = await post({ uscc, ...REPORT, description: "又一次" });
    expect(again.text).toContain('data-received="ALREADY">已收到');
    const rows = await t.prisma.unshownCodeReport.findMany({ where: { enterpriseUscc: uscc } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ occurredOn: today, department: REPORT.department, status: "OPEN" });

    let entries: { recordIds: string[]; outcome: string }[] = [];
    for (let i = 0; i < 50 && entries.length < 2; i++) {
      entries = await t.prisma.auditEntry.findMany({ where: { operationName: "PublicUnshownCodeReport" } });
      if (entries.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(entries.filter((e) => e.recordIds.includes(rows[0]!.id) && e.outcome === "OK")).toHaveLength(2);
    expect(JSON.stringify(entries, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("13800000000");
  });

  it("refuses an unknown USCC, an invalid one and a future day with their codes, storing nothing", async () => {
    const before = await t.prisma.unshownCodeReport.count();
    const first17 = "91500000ZZ9999999".replace(/Z/g, "Y");
    const unknown = first17 + computeUsccCheckChar(first17);
    expect(await t.prisma.enterprise.count({ where: { uscc: unknown } })).toBe(0);
    const refusedUnknown = await post({ uscc: unknown, ...REPORT });
    expect(refusedUnknown.status).toBe(400);
    expect(refusedUnknown.text).toContain('data-code="ENTERPRISE_UNKNOWN"');
    expect(refusedUnknown.text).toContain("企业库");
    const badCheck = uscc.slice(0, 17) + (uscc.endsWith("0") ? "1" : "0");
    expect((await post({ uscc: badCheck, ...REPORT })).text).toContain('data-code="USCC_INVALID"');
    expect((await post({ uscc, ...REPORT, occurredOn: tomorrow })).text).toContain('data-code="OCCURRED_ON_IN_FUTURE"');
    expect((await post({ uscc, ...REPORT, occurredOn: "2026-02-30" })).text).toContain('data-code="BAD_DATE"');
    expect(await t.prisma.unshownCodeReport.count()).toBe(before);
  });

  it("the mutation checks again what the page checks (no token needed)", async () => {
    const future = await t.gql(MUTATION, { variables: { input: { uscc, ...REPORT, occurredOn: tomorrow } } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "OCCURRED_ON_IN_FUTURE" });
    const invalid = await t.gql(MUTATION, { variables: { input: { ...REPORT, uscc: "915000" } } });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ reason: "USCC_INVALID" });
    const other = await t.gql<{ reportUnshownCodeInspection: { alreadyReceived: boolean } }>(MUTATION, {
      variables: { input: { uscc, ...REPORT, department: "另一部门" } },
    });
    expect(other.data?.reportUnshownCodeInspection.alreadyReceived).toBe(false);
  });
});

describe("未亮码检查反映 rate limit", () => {
  it("uses the public per-address limit: 429 past it", async () => {
    const limited = await createTestGateway({ seed: false, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "2", REDIS_URL: "" } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await post({ uscc, ...REPORT }, limited)).status);
      expect(statuses).toEqual([400, 400, 429, 429]);
    } finally {
      await limited.dispose();
    }
  });
});
