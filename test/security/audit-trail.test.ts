/**
 * The audit log over HTTP: `auditTrail` shows who did what (管委会 with audit:read only), and
 * `verifyAudit` names the first entry where someone with database access altered, removed or
 * reordered rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyStoredChain } from "../../gateway/audit/verify-stored-chain.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { expectRefused, MERGE_BENCHMARKS, MERGEABLE_ITEMS, READ_DOMAINS } from "./helpers.ts";
import { TAMPERINGS } from "./tamper.ts";

let t: TestGateway;
let mergedBenchmarkId: string;
let startedAt: Date;
beforeAll(async () => {
  t = await createTestGateway();
  startedAt = new Date();
  // a little history: reads by both provinces, a refusal, a committee write
  await t.gql(READ_DOMAINS, { as: "cq", subject: "cq-officer-1" });
  await t.gql(READ_DOMAINS, { as: "sc", subject: "sc-officer-7" });
  await t.gql(READ_DOMAINS, { as: "sc", subject: "sc-officer-7" });
  await t.gql(MERGE_BENCHMARKS, { as: "cq", variables: { code: MERGEABLE_ITEMS[0] } });
  const merged = await t.gql<{ mergeBenchmarks: unknown }>(MERGE_BENCHMARKS, {
    as: "gz",
    subject: "gz-clerk",
    variables: { code: MERGEABLE_ITEMS[1] },
  });
  expect(merged.errors).toBeUndefined();
  mergedBenchmarkId = (await t.prisma.benchmark.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).id;
  await t.services.auditLog.flush();
});
afterAll(() => t.dispose());

interface TrailNode {
  seq: string;
  at: string;
  issuer: string | null;
  subject: string | null;
  operationName: string | null;
  operationType: string;
  recordIds: string[];
  outcome: string;
  errorCode: string | null;
  prevHash: string;
  hash: string;
}
interface Trail {
  auditTrail: {
    totalCount: number;
    pageInfo: { endCursor: string; hasNextPage: boolean };
    edges: Array<{ node: TrailNode }>;
  };
}

const TRAIL = `query Trail($first: Int, $after: String, $issuer: Jurisdiction, $subject: String, $recordId: String,
  $from: DateTime, $to: DateTime, $outcome: AuditOutcome) {
  auditTrail(first: $first, after: $after, issuer: $issuer, subject: $subject, recordId: $recordId,
    from: $from, to: $to, outcome: $outcome) {
    totalCount pageInfo { endCursor hasNextPage }
    edges { node { seq at issuer subject operationName operationType documentHash variablesHash recordIds outcome errorCode prevHash hash } }
  }
}`;
const VERIFY = "{ verifyAudit { ok checked firstBrokenSeq reason headSeq headHash } }";

const auditor = { as: "gz" as const, scopes: ["audit:read"] };
const trail = async (variables: Record<string, unknown>) => {
  const result = await t.gql<Trail>(TRAIL, { ...auditor, variables });
  expect(result.errors).toBeUndefined();
  return result.data!.auditTrail;
};

describe("auditTrail", () => {
  it("lists entries newest first, each chained to the one before", async () => {
    const { edges, totalCount } = await trail({ first: 10 });
    expect(totalCount).toBeGreaterThanOrEqual(5);
    const seqs = edges.map((e) => BigInt(e.node.seq));
    expect([...seqs].sort((a, b) => (b > a ? 1 : -1))).toEqual(seqs);
    for (let i = 0; i + 1 < edges.length; i++) expect(edges[i]!.node.prevHash).toBe(edges[i + 1]!.node.hash);
  });

  it("filters by issuer and subject", async () => {
    const { edges, totalCount } = await trail({ issuer: "SC", subject: "sc-officer-7" });
    expect(totalCount).toBe(2);
    expect(edges.every((e) => e.node.issuer === "SC" && e.node.subject === "sc-officer-7")).toBe(true);
    expect(edges[0]!.node).toMatchObject({ operationType: "query", operationName: "Domains", outcome: "OK" });
  });

  it("filters by outcome: the province's attempt to merge is there, REFUSED FORBIDDEN", async () => {
    const { edges } = await trail({ issuer: "CQ", outcome: "REFUSED" });
    expect(edges[0]!.node).toMatchObject({ operationType: "mutation", operationName: "Merge", errorCode: "FORBIDDEN" });
  });

  it("filters by the record a write touched", async () => {
    const { edges, totalCount } = await trail({ recordId: mergedBenchmarkId });
    expect(totalCount).toBe(1);
    expect(edges[0]!.node).toMatchObject({
      issuer: "GZ",
      subject: "gz-clerk",
      operationType: "mutation",
      outcome: "OK",
    });
    expect(edges[0]!.node.recordIds).toContain(mergedBenchmarkId);
  });

  it("filters by time: from and to both inclusive", async () => {
    const all = await trail({ first: 100 });
    const middle = all.edges[Math.floor(all.edges.length / 2)]!.node;
    const since = await trail({ first: 100, from: middle.at });
    expect(since.edges.every((e) => e.node.at >= middle.at)).toBe(true);
    expect(since.edges.map((e) => e.node.seq)).toContain(middle.seq);
    const before = await trail({ first: 100, to: middle.at });
    expect(before.edges.every((e) => e.node.at <= middle.at)).toBe(true);
    expect(before.edges.map((e) => e.node.seq)).toContain(middle.seq);
    const exactly = await trail({ first: 100, from: middle.at, to: middle.at });
    expect(exactly.edges.map((e) => e.node.seq)).toContain(middle.seq);
    expect((await trail({ to: startedAt.toISOString() })).totalCount).toBe(0);
  });

  it("pages with first/after", async () => {
    const page1 = await trail({ first: 2 });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await trail({ first: 2, after: page1.pageInfo.endCursor });
    expect(BigInt(page2.edges[0]!.node.seq)).toBeLessThan(BigInt(page1.edges[1]!.node.seq));
  });

  it("is the committee's with audit:read: refused otherwise, revealing nothing", async () => {
    expectRefused(await t.gql(TRAIL, { as: "gz" }), 403, "FORBIDDEN");
    expectRefused(await t.gql(TRAIL, { as: "cq", scopes: ["read", "audit:read"] }), 403, "FORBIDDEN");
    expectRefused(await t.gql(VERIFY, { as: "sc" }), 403, "FORBIDDEN");
    expectRefused(await t.gql(TRAIL), 401, "UNAUTHENTICATED", "MISSING_TOKEN");
  });
});

describe("verifyAudit on a chain tampered by direct SQL", () => {
  const verify = async () => {
    await t.services.auditLog.flush();
    const result = await t.gql<{ verifyAudit: Record<string, unknown> }>(VERIFY, auditor);
    expect(result.errors).toBeUndefined();
    return result.data!.verifyAudit;
  };

  it("reports an intact chain with its head", async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    // the head is the newest entry when the check ran (its own entry follows it)
    const head = await t.prisma.auditEntry.findUniqueOrThrow({ where: { seq: BigInt(result.headSeq as string) } });
    expect(result.headHash).toBe(head.hash);
    expect(result.checked).toBe(await t.prisma.auditEntry.count({ where: { seq: { lte: head.seq } } }));
    expect(await t.prisma.auditEntry.count({ where: { seq: { gt: head.seq } } })).toBe(1);
  });

  it.each(TAMPERINGS)("$name: detected at the right entry, and intact again once undone", async (tampering) => {
    await t.services.auditLog.flush();
    const seqs = (await t.prisma.auditEntry.findMany({ select: { seq: true }, orderBy: { seq: "asc" } })).map(
      (r) => r.seq,
    );
    const index = 3;
    const { expected, undo } = await tampering.apply(t.prisma, seqs, index);
    try {
      // page boundaries (pages of 2 rows) do not move the break
      expect(await verifyStoredChain(t.prisma, { pageSize: 2 })).toMatchObject({
        ok: false,
        firstBrokenSeq: expected.firstBrokenSeq,
        reason: expected.reason,
      });
      expect(await verify()).toMatchObject({
        ok: false,
        firstBrokenSeq: String(expected.firstBrokenSeq),
        reason: expected.reason,
        checked: expected.checked,
      });
    } finally {
      await undo(t.prisma);
    }
    expect(await verify()).toMatchObject({ ok: true });
  });
});

describe("a caller's text the database cannot hold", () => {
  it("an operation name with NUL and a lone surrogate is refused and audited as U+FFFD; the reads beside it are answered", async () => {
    const authorization = `Bearer ${await t.token("cq", { subject: "cq-officer-odd" })}`;
    const odd = t.post({ query: READ_DOMAINS, operationName: "Nope\u0000\ud800" }, { authorization });
    const reads = Array.from({ length: 5 }, () => t.gql(READ_DOMAINS, { as: "sc", subject: "sc-officer-beside" }));
    const [refused, ...answered] = await Promise.all([odd, ...reads]);
    expect(refused.status).toBe(400);
    for (const read of answered) expect(read.errors).toBeUndefined();
    await t.services.auditLog.flush();
    // the same document again (yoga's parse cache): refused and audited again
    const again = await t.post({ query: READ_DOMAINS, operationName: "Nope\u0000\ud800" }, { authorization });
    expect(again.status).toBe(400);
    await t.services.auditLog.flush();
    const entries = await t.prisma.auditEntry.findMany({ where: { subject: "cq-officer-odd" } });
    expect(entries.map((e) => [e.operationName, e.outcome, e.errorCode])).toEqual([
      ["Nope\ufffd\ufffd", "REFUSED", "OPERATION_RESOLUTION_FAILURE"],
      ["Nope\ufffd\ufffd", "REFUSED", "OPERATION_RESOLUTION_FAILURE"],
    ]);
    expect(await t.prisma.auditEntry.count({ where: { subject: "sc-officer-beside" } })).toBe(5);
    expect(await verifyStoredChain(t.prisma)).toMatchObject({ ok: true });
  });
});
