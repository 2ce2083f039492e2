/**
 * 执法监督预警 — every pushed penalty decision (ingest or reportPenaltyDecision) is matched and measured
 * against its lawful range; what falls outside becomes a SupervisionWarning row and a `warning.raised`
 * change event. A warning is supervision, not rejection: the caller has stored the decision already.
 *
 * Idempotent: warnings are unique per (recordId, recordVersion, kind), so a replayed push raises nothing
 * new. A newer version of a record supersedes the open warnings of its older versions.
 * An item unknown to the shared list, or not yet empowered at the act date, is ITEM_NOT_EMPOWERED —
 * a warning, not an error. Other matching errors (NOT_A_PENALTY_ITEM, DECISION_BEFORE_ACT, missing
 * base amounts, …) refuse the decision (`assessPenaltyDecisions` throws them) or leave it unmeasured
 * (`assessEachPenaltyDecision` lists them). A batch reads its items' rules once and writes its warnings in
 * one statement, whatever its size.
 */
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import type { ChangeInput } from "../../gateway/outbox/outbox.ts";
import {
  type DiscretionRequest,
  type ItemRules,
  loadItemRules,
  matchRulesDiscretion,
  UnknownItemError,
} from "./discretion-service.ts";
import { DiscretionError, type DiscretionMatch } from "./rules/discretion.ts";
import { FineRuleError } from "./rules/fine-engine.ts";
import type { CaseFactsInput } from "./rules/types.ts";
import { assessDecision, type SupervisionWarning } from "./rules/warnings.ts";

export interface PenaltyDecisionToAssess {
  recordId: string;
  recordVersion: number;
  originJurisdiction: string;
  /** the province's own id of the record; looked up by recordId when absent */
  originId?: string;
  itemCode: string | null;
  actDate: Date;
  decisionDate: Date;
  /** null: no fine (e.g. 警告 only) */
  fineFen: bigint | null;
  lenientApplied?: boolean;
  facts?: CaseFactsInput;
}

/** What a warning row keeps of the decision (JSON: the fine as a string of fen). */
export interface StoredDecision {
  originId: string;
  itemCode: string | null;
  actDate: string;
  decisionDate: string;
  fineFen: string | null;
  lenientApplied: boolean | null;
  facts: CaseFactsInput;
}

interface Measured {
  itemCode: string | null;
  match: DiscretionMatch | null;
  warnings: SupervisionWarning[];
}

/**
 * Matches one decision against its item's rules (read beforehand for the whole batch: `loadItemRules`) and lists
 * its warnings; throws DiscretionError/FineRuleError for refusals.
 */
function measurePenaltyDecision(rules: ReadonlyMap<string, ItemRules>, d: PenaltyDecisionToAssess): Measured {
  const request: DiscretionRequest = {
    itemCode: d.itemCode ?? "",
    actDate: d.actDate,
    decisionDate: d.decisionDate,
    facts: d.facts ?? {},
  };
  const notEmpowered = (why: string): Measured => ({
    itemCode: d.itemCode,
    match: null,
    warnings: assessDecision({ outcome: "PENALTY", lenient: null, range: null, tierRange: null }, d, false).map(
      (w) => ({ ...w, message: `${w.message}: ${why}` }),
    ),
  });
  if (!d.itemCode) return notEmpowered("处罚决定未注明执法事项 (no item code)");
  try {
    const { item, match } = matchRulesDiscretion(rules.get(d.itemCode), request);
    return { itemCode: item.code, match, warnings: assessDecision(match, d, match.empoweredAtDecision) };
  } catch (error) {
    if (error instanceof UnknownItemError) return notEmpowered(`${d.itemCode} 不在高竹新区赋权事项清单中`);
    if (error instanceof DiscretionError && error.code === "ACT_BEFORE_EMPOWERMENT") return notEmpowered(error.message);
    throw error;
  }
}

const rulesFor = (tx: Prisma.TransactionClient, decisions: readonly PenaltyDecisionToAssess[]) =>
  loadItemRules(
    tx,
    decisions.flatMap((d) => (d.itemCode ? [d.itemCode] : [])),
  );

const unmeasurable = (error: unknown): error is DiscretionError | FineRuleError =>
  error instanceof DiscretionError || error instanceof FineRuleError;

/** All or nothing: the first decision that cannot be measured is thrown, and nothing is written. */
export async function assessPenaltyDecisions(
  tx: Prisma.TransactionClient,
  decisions: readonly PenaltyDecisionToAssess[],
  now: Date,
): Promise<ChangeInput[]> {
  const rules = await rulesFor(tx, decisions);
  const measured = decisions.map((decision) => ({ decision, measured: measurePenaltyDecision(rules, decision) }));
  return writeWarnings(tx, measured, now);
}

export interface Assessment {
  changes: ChangeInput[];
  /** recordId → the rule error that kept its decision from being measured (nothing written for it) */
  unmeasured: Map<string, DiscretionError | FineRuleError>;
}

/**
 * Each decision on its own (a batch of ingested records): one that cannot be measured is listed in
 * `unmeasured` and the others are assessed all the same; any other error is thrown.
 */
export async function assessEachPenaltyDecision(
  tx: Prisma.TransactionClient,
  decisions: readonly PenaltyDecisionToAssess[],
  now: Date,
): Promise<Assessment> {
  const rules = await rulesFor(tx, decisions);
  const measured: MeasuredDecision[] = [];
  const unmeasured = new Map<string, DiscretionError | FineRuleError>();
  for (const decision of decisions) {
    try {
      measured.push({ decision, measured: measurePenaltyDecision(rules, decision) });
    } catch (error) {
      if (!unmeasurable(error)) throw error;
      unmeasured.set(decision.recordId, error);
    }
  }
  return { changes: await writeWarnings(tx, measured, now), unmeasured };
}

interface MeasuredDecision {
  decision: PenaltyDecisionToAssess;
  measured: Measured;
}

/**
 * Supersedes the open warnings of older versions and stores the new warnings: one statement each for the
 * whole batch, whatever its size.
 */
async function writeWarnings(
  tx: Prisma.TransactionClient,
  decisions: readonly MeasuredDecision[],
  now: Date,
): Promise<ChangeInput[]> {
  if (decisions.length === 0) return [];
  const missing = decisions.filter(({ decision }) => decision.originId === undefined).map((m) => m.decision.recordId);
  const originIds = new Map(
    missing.length === 0
      ? []
      : (
          await tx.enforcementRecord.findMany({ where: { id: { in: missing } }, select: { id: true, originId: true } })
        ).map((r) => [r.id, r.originId] as const),
  );
  const newest = new Map<string, number>();
  for (const { decision: d } of decisions)
    newest.set(d.recordId, Math.max(newest.get(d.recordId) ?? 0, d.recordVersion));
  await tx.supervisionWarning.updateMany({
    where: {
      status: "OPEN",
      OR: [...newest].map(([recordId, version]) => ({ recordId, recordVersion: { lt: version } })),
    },
    data: { status: "SUPERSEDED" },
  });
  const rows: Prisma.SupervisionWarningCreateManyInput[] = [];
  for (const { decision: d, measured } of decisions) {
    const decision: StoredDecision = {
      originId: d.originId ?? originIds.get(d.recordId) ?? "",
      itemCode: d.itemCode,
      actDate: d.actDate.toISOString(),
      decisionDate: d.decisionDate.toISOString(),
      fineFen: d.fineFen === null ? null : d.fineFen.toString(),
      lenientApplied: d.lenientApplied ?? null,
      facts: d.facts ?? {},
    };
    for (const w of measured.warnings) {
      rows.push({
        ...w,
        recordId: d.recordId,
        recordVersion: d.recordVersion,
        originJurisdiction: d.originJurisdiction,
        itemCode: measured.itemCode,
        match: (measured.match ?? {}) as unknown as Prisma.InputJsonValue,
        decision: decision as unknown as Prisma.InputJsonValue,
        createdAt: now,
      });
    }
  }
  if (rows.length === 0) return [];
  // a replayed push hits the unique (recordId, recordVersion, kind) and returns nothing: nothing new raised
  const created = await tx.supervisionWarning.createManyAndReturn({ data: rows, skipDuplicates: true });
  return created.map((w) => ({
    kind: "warning.raised",
    entityType: "warning",
    entityId: w.id,
    originJurisdiction: w.originJurisdiction,
    payload: {
      kind: w.kind,
      severity: w.severity,
      recordId: w.recordId,
      recordVersion: w.recordVersion,
      itemCode: w.itemCode,
      message: w.message,
    },
  }));
}
