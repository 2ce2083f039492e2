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
import { randomUUID } from "node:crypto";
import { queryBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import type { ChangeInput } from "../../gateway/outbox/outbox.ts";
import {
  type DiscretionRequest,
  type ItemRules,
  loadItemRules,
  matchRulesDiscretion,
  snapshotItemRules,
  UnknownItemError,
} from "../benchmarks/discretion-service.ts";
import { DiscretionError, type DiscretionMatch } from "../benchmarks/rules/discretion.ts";
import { FineRuleError } from "../benchmarks/rules/fine-engine.ts";
import type { CaseFactsInput } from "../benchmarks/rules/types.ts";
import { type CatalogSnapshot, isCurrent } from "../catalog/catalog-read-model.ts";
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
  /** absent: the decision came without facts (measured against the whole statutory range, FACTS_MISSING) */
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
  /** null: pushed without facts */
  facts: CaseFactsInput | null;
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
    facts: d.facts ?? null,
  };
  const notEmpowered = (why: string): Measured => ({
    itemCode: d.itemCode,
    match: null,
    warnings: assessDecision(
      { outcome: "PENALTY", lenient: null, range: null, tierRange: null, factsMissing: false },
      d,
      false,
    ).map((w) => ({ ...w, message: `${w.message}: ${why}` })),
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

/** The items' rules: from the catalog copy taken before `tx` began when it is still current, else read in `tx`. */
async function rulesFor(
  tx: Prisma.TransactionClient,
  decisions: readonly PenaltyDecisionToAssess[],
  catalog?: CatalogSnapshot,
) {
  const codes = decisions.flatMap((d) => (d.itemCode ? [d.itemCode] : []));
  if (codes.length === 0) return new Map<string, ItemRules>();
  return catalog && (await isCurrent(catalog, tx)) ? snapshotItemRules(catalog, codes) : loadItemRules(tx, codes);
}

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
  catalog?: CatalogSnapshot,
): Promise<Assessment> {
  const rules = await rulesFor(tx, decisions, catalog);
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

interface WarningRow extends SupervisionWarning {
  id: string;
  recordId: string;
  recordVersion: number;
  originJurisdiction: string;
  itemCode: string | null;
  match: object;
  decision: StoredDecision;
}

const WARNING_COLUMNS = Prisma.raw(`"id" text, "kind" text, "severity" text, "message" text, "recordId" text,
  "recordVersion" int, "originJurisdiction" text, "itemCode" text, "match" jsonb, "decision" jsonb`);

/**
 * Inserts the warnings as ONE jsonb parameter (see the supersede statement for the figures); a replayed push hits
 * the unique (recordId, recordVersion, kind) and returns nothing for it: nothing new raised.
 */
function insertWarnings(tx: Prisma.TransactionClient, rows: readonly WarningRow[], now: Date) {
  return queryBulk<Omit<WarningRow, "match" | "decision">>(
    tx,
    Prisma.sql`
    INSERT INTO "SupervisionWarning" ("id", "kind", "severity", "message", "recordId", "recordVersion",
      "originJurisdiction", "itemCode", "match", "decision", "status", "createdAt")
    SELECT w."id", w."kind"::"WarningKind", w."severity"::"WarningSeverity", w."message", w."recordId",
      w."recordVersion", w."originJurisdiction", w."itemCode", w."match", w."decision", 'OPEN', ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS w(${WARNING_COLUMNS})
    ON CONFLICT ("recordId", "recordVersion", "kind") DO NOTHING
    RETURNING "id", "kind"::text AS "kind", "severity"::text AS "severity", "message", "recordId", "recordVersion",
      "originJurisdiction", "itemCode"`,
  );
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
  // one statement over two arrays, not the ORM's OR of one condition per decision (with createManyAndReturn below,
  // ~23 ms per 1,000-record ingest batch; the two raw statements ~5 ms); the unique (recordId, recordVersion, kind)
  // index finds each record's rows. A version 1 has no older version (versions start at 1: ingest-service.ts
  // `validVersion`): a batch of new records skips the statement (~30 ms of index probes per 1,000 records)
  const superseding = [...newest].filter(([, version]) => version > 1);
  if (superseding.length > 0) {
    await tx.$executeRaw`
      UPDATE "SupervisionWarning" AS w SET "status" = 'SUPERSEDED'
      FROM unnest(${superseding.map(([id]) => id)}::text[], ${superseding.map(([, v]) => v)}::int[]) AS n("recordId", "version")
      WHERE w."recordId" = n."recordId" AND w."recordVersion" < n."version" AND w."status" = 'OPEN'`;
  }
  const rows: WarningRow[] = [];
  for (const { decision: d, measured } of decisions) {
    const decision: StoredDecision = {
      originId: d.originId ?? originIds.get(d.recordId) ?? "",
      itemCode: d.itemCode,
      actDate: d.actDate.toISOString(),
      decisionDate: d.decisionDate.toISOString(),
      fineFen: d.fineFen === null ? null : d.fineFen.toString(),
      lenientApplied: d.lenientApplied ?? null,
      facts: d.facts ?? null,
    };
    for (const w of measured.warnings) {
      rows.push({
        id: randomUUID(),
        kind: w.kind,
        severity: w.severity,
        message: w.message,
        recordId: d.recordId,
        recordVersion: d.recordVersion,
        originJurisdiction: d.originJurisdiction,
        itemCode: measured.itemCode,
        match: measured.match ?? {},
        decision,
      });
    }
  }
  if (rows.length === 0) return [];
  const created = await insertWarnings(tx, rows, now);
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
