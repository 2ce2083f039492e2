/**
 * 执法监督预警 for ingested penalty decisions: the one call site of the warning service. A decision
 * the service cannot measure (e.g. a multiple-of-base fine without the base amount in
 * `payload.facts`) is still stored — supervision is not rejection, and refusing it would make the
 * two platforms and the gateway disagree — and its result says NOT_ASSESSED with the reason.
 */
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import type { ChangeInput } from "../../gateway/outbox/outbox.ts";
import type { CaseFactsInput } from "../benchmarks/rules/types.ts";
import type { CatalogSnapshot } from "../catalog/catalog-read-model.ts";
import type { RecordRow } from "../records/rules/record-document.ts";
import { assessEachPenaltyDecision, type PenaltyDecisionToAssess } from "./service.ts";

export interface PenaltyAssessment {
  row: RecordRow;
  /** the adapter's extra fields: `facts` (CaseFactsInput) and `lenientApplied` are read from here */
  extra: Record<string, unknown>;
}

export interface SupervisionOutcome {
  changes: ChangeInput[];
  /** record id → why it could not be measured */
  notAssessed: Map<string, string>;
}

function decisionOf({ row, extra }: PenaltyAssessment): PenaltyDecisionToAssess {
  return {
    recordId: row.id,
    recordVersion: row.version,
    originJurisdiction: row.originJurisdiction,
    originId: row.originId,
    itemCode: row.itemCode,
    actDate: row.occurredAt,
    decisionDate: row.decidedAt ?? row.occurredAt,
    fineFen: row.fineFen,
    ...(typeof extra.lenientApplied === "boolean" && { lenientApplied: extra.lenientApplied }),
    ...(isObject(extra.facts) && { facts: extra.facts as CaseFactsInput }),
  };
}

const isObject = (value: unknown): value is object =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export async function assessDecidedPenalties(
  tx: Prisma.TransactionClient,
  penalties: readonly PenaltyAssessment[],
  now: Date,
  catalog?: CatalogSnapshot,
): Promise<SupervisionOutcome> {
  const { changes, unmeasured } = await assessEachPenaltyDecision(tx, penalties.map(decisionOf), now, catalog);
  const notAssessed = new Map(
    [...unmeasured].map(([recordId, error]) => [recordId, `${error.code}: ${error.message}`]),
  );
  return { changes, notAssessed };
}
