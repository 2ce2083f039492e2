/**
 * The committee's reads of the enterprises' voice: `unshownCodeReports` and `inspectionFeedback`, gz only;
 * the free text masked without pii:read and in clear with it; a province refused.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId } from "../../schema/common/node-access.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

const PHONE = "13800000000";
const REPORTS = /* GraphQL */ `
  query ($from: Date, $to: Date, $first: Int, $after: String) {
    unshownCodeReports(from: $from, to: $to, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id occurredOn department description enterpriseUscc status } }
    }
  }
`;
const FEEDBACK = /* GraphQL */ `
  query ($taskId: ID) {
    inspectionFeedback(taskId: $taskId) {
      totalCount
      edges { node { taskId satisfaction comments codeShown } }
    }
  }
`;

type Reports = {
  unshownCodeReports: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: { occurredOn: string; description: string } }[];
  };
};
type Feedback = { inspectionFeedback: { totalCount: number; edges: { node: { taskId: string; comments: string } }[] } };

let t: TestGateway;
const taskA = randomUUID();

beforeAll(async () => {
  t = await createTestGateway({ seed: false });
  await t.prisma.unshownCodeReport.createMany({
    data: ["2026-11-01", "2026-11-15", "2026-12-01"].map((occurredOn) => ({
      enterpriseUscc: "91500000MA5U000001",
      occurredOn,
      department: "某局",
      description: `联系人 ${PHONE} 未亮码`,
    })),
  });
  await t.prisma.inspectionFeedback.createMany({
    data: [
      {
        taskId: taskA,
        enterpriseUscc: "91500000MA5U000001",
        codeShown: false,
        teamMatched: true,
        satisfaction: 2,
        comments: `电话 ${PHONE}`,
      },
      {
        taskId: randomUUID(),
        enterpriseUscc: "91500000MA5U000002",
        codeShown: true,
        teamMatched: true,
        satisfaction: 5,
      },
    ],
  });
});
afterAll(() => t?.dispose());

describe("unshownCodeReports", () => {
  it("gz reads them newest day first, by period, paged; masked without pii:read", async () => {
    const all = await t.gql<Reports>(REPORTS, { as: "gz", variables: { first: 2 } });
    expect(all.errors).toBeUndefined();
    const page = all.data!.unshownCodeReports;
    expect(page.totalCount).toBe(3);
    expect(page.edges.map((e) => e.node.occurredOn)).toEqual(["2026-12-01", "2026-11-15"]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.edges[0]!.node.description).not.toContain(PHONE);
    expect(page.edges[0]!.node.description).toContain("***********");
    const next = await t.gql<Reports>(REPORTS, { as: "gz", variables: { first: 2, after: page.pageInfo.endCursor } });
    expect(next.data!.unshownCodeReports.edges.map((e) => e.node.occurredOn)).toEqual(["2026-11-01"]);

    const november = await t.gql<Reports>(REPORTS, { as: "gz", variables: { from: "2026-11-02", to: "2026-11-30" } });
    expect(november.data!.unshownCodeReports.edges.map((e) => e.node.occurredOn)).toEqual(["2026-11-15"]);
  });

  it("in clear with pii:read; refused to a province", async () => {
    const clear = await t.gql<Reports>(REPORTS, { as: "gz", scopes: ["read", "pii:read"] });
    expect(clear.data!.unshownCodeReports.edges[0]!.node.description).toContain(PHONE);
    const cq = await t.gql<Reports>(REPORTS, { as: "cq" });
    expect(cq.data?.unshownCodeReports ?? null).toBeNull();
    expect(cq.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("inspectionFeedback", () => {
  it("gz reads one task's feedback, comments masked without pii:read, in clear with it; cq refused", async () => {
    const taskId = encodeGlobalId("InspectionTask", taskA);
    const masked = await t.gql<Feedback>(FEEDBACK, { as: "gz", variables: { taskId } });
    expect(masked.errors).toBeUndefined();
    expect(masked.data!.inspectionFeedback.totalCount).toBe(1);
    expect(masked.data!.inspectionFeedback.edges[0]!.node).toMatchObject({ taskId });
    expect(masked.data!.inspectionFeedback.edges[0]!.node.comments).not.toContain(PHONE);
    const clear = await t.gql<Feedback>(FEEDBACK, { as: "gz", scopes: ["read", "pii:read"], variables: { taskId } });
    expect(clear.data!.inspectionFeedback.edges[0]!.node.comments).toBe(`电话 ${PHONE}`);
    expect((await t.gql<Feedback>(FEEDBACK, { as: "gz" })).data!.inspectionFeedback.totalCount).toBe(2);
    const cq = await t.gql<Feedback>(FEEDBACK, { as: "cq" });
    expect(cq.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
