/**
 * What the security suite shares: a census of every table a mutation can write (a refused request
 * must leave it unchanged), the latest audit entry, and the mutations an attacker aims at.
 */
import { expect } from "vitest";
import type { PrismaClient } from "../../gateway/db/client.ts";
import type { GqlResult, TestGateway } from "../support/gateway.ts";

/** Row counts of every table a write can touch, the outbox (ChangeEvent) included. */
export async function writtenRows(prisma: PrismaClient) {
  const [benchmarks, items, legalBases, officers, enterprises, records, warnings, quarantined, changeEvents] =
    await Promise.all([
      prisma.benchmark.count(),
      prisma.enforcementItem.count(),
      prisma.legalBasis.count(),
      prisma.officer.count(),
      prisma.enterprise.count(),
      prisma.enforcementRecord.count(),
      prisma.supervisionWarning.count(),
      prisma.quarantinedRecord.count(),
      prisma.changeEvent.count(),
    ]);
  return { benchmarks, items, legalBases, officers, enterprises, records, warnings, quarantined, changeEvents };
}

/** The newest audit entry, once everything queued is durable. */
export async function latestAudit(t: TestGateway) {
  await t.services.auditLog.flush();
  return t.prisma.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
}

/** A refusal: the HTTP status, the code and reason, and no data for the refused field. */
export function expectRefused(result: GqlResult, status: number, code: string, reason?: string) {
  expect(result.status).toBe(status);
  expect(result.errors?.[0]?.extensions).toMatchObject(reason ? { code, reason } : { code });
  expect(result.data ?? null).toBeNull();
}

/** Items whose provincial benchmarks merge cleanly in the seed: an allowed mergeBenchmarks writes. */
export const MERGEABLE_ITEMS = [
  "GZ-002",
  "GZ-003",
  "GZ-006",
  "GZ-008",
  "GZ-012",
  "GZ-034",
  "GZ-036",
  "GZ-042",
  "GZ-052",
];

export const MERGE_BENCHMARKS = `mutation Merge($code: String!) {
  mergeBenchmarks(input: { itemCode: $code }) { merged created benchmark { source version } }
}`;

export const READ_DOMAINS = "query Domains { domains { code name } }";
