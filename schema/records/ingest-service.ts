/**
 * The ingest path shared by `ingestRecords` and `replayQuarantined`: inside the caller's transaction,
 * each record is resolved against the stored version (newest wins, replays change nothing), checked,
 * and either applied (row + `record.upserted` change event) or quarantined with its code. A bad record
 * never blocks the ones behind it; a database failure rolls the whole batch back (the caller's
 * transaction), cursor included, so the adapter simply sends the batch again.
 */
import { randomUUID } from "node:crypto";
import { executeBulk, queryBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import type { ChangeInput } from "../../gateway/outbox/outbox.ts";
import type { CatalogSnapshot } from "../catalog/catalog-read-model.ts";
import type { Jurisdiction } from "../common/jurisdiction.ts";
import { yuanTextFromFen } from "../common/money.ts";
import { findUnsafeText, replaceUnsafeText } from "../common/rules/text-safety.ts";
import { type AnsweringRecord, applyTaskAnswers } from "../dispatch/task-answers.ts";
import {
  decisionContributionsOf,
  refreshSupervisionDecisionDays,
  type TouchedDecisionDays,
} from "../supervision/decision-rollup.ts";
import { assessDecidedPenalties, type PenaltyAssessment } from "../supervision/penalty-supervision.ts";
import { markVisitsStale } from "../supervision/visit-marks.ts";
import { requireStoredCursor } from "../sync/checkpoints.ts";
import { newestVersion } from "../sync/rules/newest-version.ts";
import type { WriteOutcome } from "../sync/rules/write-outcome.ts";
import { QuarantineStore } from "./quarantine-store.ts";
import { INVALID_SHAPE, identityOf, isMisshapen, misshapenRefusal, type PushedRecord } from "./record-batch.ts";
import { insertRecordRows, updateRecordRows } from "./record-writes.ts";
import { type RecordRow, recordChangePayload, rowOf, sameContent, taskFieldsOf } from "./rules/record-document.ts";
import { checkRecord, type RecordInput } from "./rules/record-input.ts";
import { storedRecords } from "./stored-records.ts";

export interface RecordResult {
  originId: string;
  version: number;
  outcome: WriteOutcome;
  /** why it was refused (a QuarantineCode), or a note (VERSION_CONFLICT, NOT_ASSESSED, TASK_NOT_ANSWERED) */
  code: string | null;
  message: string | null;
  recordId: string | null;
  quarantineId: string | null;
}

export interface IngestRequest {
  /** from the token, never from the input */
  origin: Jurisdiction;
  source: string;
  /** in order; a misshapen entry of a RecordBatch is quarantined as INVALID_SHAPE (record-batch.ts) */
  records: readonly PushedRecord[];
  now: Date;
  /** the quarantine row being replayed: a refusal updates it instead of the open row */
  replayOf?: string;
  /** the catalog in memory, taken before the transaction: decisions are measured against it while it is current */
  catalog?: CatalogSnapshot;
  /**
   * ingestRecords' `follows` and the batch's own cursor: the batch is stored only on top of one of the two, refused
   * whole otherwise (schema/sync/checkpoints.ts requireStoredCursor)
   */
  follows?: { follows: string; cursor: string | null };
}

export interface IngestOutcome {
  results: RecordResult[];
  changes: ChangeInput[];
  recordIds: string[];
  quarantine: QuarantineStore;
}

/** pg_advisory_xact_lock(int, int) key space of ingest ("ingr"); the second key is the origin */
const INGEST_LOCK = 0x696e6772;
const ORIGIN_LOCK: Record<Jurisdiction, number> = { cq: 1, sc: 2, gz: 3 };

export async function ingestInTransaction(
  tx: Prisma.TransactionClient,
  request: IngestRequest,
): Promise<IngestOutcome> {
  const { origin, now } = request;
  // one batch of an origin at a time: read-then-write of versions stays correct across replicas, and the stored
  // cursor a batch follows cannot move before the transaction ends
  // this and the batch's other statements over the transaction's own connection (gateway/db/bulk-statements.ts)
  await executeBulk(tx, Prisma.sql`SELECT pg_advisory_xact_lock(${INGEST_LOCK}::int, ${ORIGIN_LOCK[origin]}::int)`);
  if (request.follows) await requireStoredCursor(tx, { issuer: origin, name: request.source }, request.follows);
  // a key PostgreSQL cannot compare (NUL) would fail the lookup, and the batch: its record is refused below
  const records = request.records.filter((r): r is RecordInput => !isMisshapen(r));
  const originIds = [...new Set(records.map((r) => r.originId))].filter(storable);
  const stored = await storedRecords(tx, origin, originIds);
  const current = new Map<string, RecordRow>(stored.map((row) => [row.originId, row]));
  const existed = new Set(current.keys());
  const itemCodes = [...new Set(records.map((r) => r.itemCode?.trim()).filter((c): c is string => !!c && storable(c)))];
  const items = await queryBulk<{ code: string }>(
    tx,
    Prisma.sql`SELECT "code" FROM "EnforcementItem" WHERE "code" = ANY(${itemCodes}::text[])`,
  );
  const known = new Set(items.map((item) => item.code));
  const misshapenIds = request.records.flatMap((r) => (isMisshapen(r) ? (identityOf(r).originId ?? []) : []));
  const quarantine = await QuarantineStore.load(tx, origin, [...originIds, ...misshapenIds.filter(storable)]);

  const results: RecordResult[] = [];
  const changes: ChangeInput[] = [];
  const written = new Map<string, RecordRow>();
  const penalties: PenaltyAssessment[] = [];
  for (const input of request.records) {
    if (isMisshapen(input)) {
      const row = await quarantine.refuse(misshapenRefusal(input, origin, request.source), request.replayOf);
      const { originId, version } = identityOf(input);
      results.push({
        originId: originId ?? "",
        version: version ?? 0,
        outcome: "REFUSED",
        code: INVALID_SHAPE,
        message: input.message,
        recordId: null,
        quarantineId: row.id,
      });
      continue;
    }
    const previous = current.get(input.originId) ?? null;
    const check = checkRecord(input, { itemExists: (code) => known.has(code), now });
    // a replay or a late delivery changes nothing, whatever it says; a reused version with other content is noted
    const verdict =
      previous && validVersion(input.version)
        ? newestVersion({
            stored: previous.version,
            incoming: input.version,
            sameContent: !check.ok || sameContent(rowOf(previous.id, origin, check.record), previous),
          })
        : "APPLY";
    if (previous && (verdict === "UNCHANGED" || verdict === "STALE")) {
      const conflict = verdict === "STALE" && input.version === previous.version;
      results.push({
        originId: input.originId,
        version: input.version,
        outcome: verdict,
        code: conflict ? "VERSION_CONFLICT" : null,
        message: conflict
          ? `version ${input.version} is stored with different content: the stored one is kept`
          : verdict === "STALE"
            ? `version ${previous.version} is stored`
            : null,
        recordId: previous.id,
        quarantineId: null,
      });
      continue;
    }
    if (!check.ok) {
      const row = await quarantine.refuse(
        {
          origin,
          source: request.source,
          // kept readable: characters PostgreSQL cannot store become U+FFFD
          originId: replaceUnsafeText(input.originId),
          version: validVersion(input.version) ? input.version : null,
          code: check.code,
          reason: replaceUnsafeText(check.message),
          payload: replaceUnsafeText(keptOf(input, check.oversized)) as Prisma.InputJsonValue,
        },
        request.replayOf,
      );
      results.push({
        originId: input.originId,
        version: input.version,
        outcome: "REFUSED",
        code: check.code,
        message: check.message,
        recordId: null,
        quarantineId: row.id,
      });
      continue;
    }
    const row = rowOf(previous?.id ?? randomUUID(), origin, check.record);
    current.set(row.originId, row);
    written.set(row.originId, row);
    await quarantine.supersede(row.originId, row.version, now);
    changes.push(recordUpserted(row));
    if (row.kind === "PENALTY_DECISION" && row.decidedAt) penalties.push({ row, extra: check.record.extra });
    results.push({
      originId: input.originId,
      version: input.version,
      outcome: "APPLIED",
      code: null,
      message: null,
      recordId: row.id,
      quarantineId: null,
    });
  }

  const decisionDays = await writeRecordRows(tx, [...written.values()], existed);
  // 执法监督预警: decided penalties are measured against their benchmark once stored
  const supervision = await assessDecidedPenalties(tx, penalties, now, request.catalog);
  // the decision rollup once the warnings that decide its counters are written
  await refreshSupervisionDecisionDays(tx, decisionDays);
  for (const result of results) {
    const note = result.recordId ? supervision.notAssessed.get(result.recordId) : undefined;
    if (result.outcome === "APPLIED" && note) Object.assign(result, { code: "NOT_ASSESSED", message: note });
  }
  // 联合检查: inspections that answer a joint task's item become its results (schema/dispatch/task-answers.ts)
  const answers = await applyTaskAnswers(tx, origin, answeringRecords(written.values()), now);
  for (const result of results) {
    const note = result.recordId ? answers.notApplied.get(result.recordId) : undefined;
    if (result.outcome === "APPLIED" && note) Object.assign(result, { code: "TASK_NOT_ANSWERED", message: note });
  }
  return {
    results,
    changes: [...changes, ...supervision.changes, ...answers.changes],
    recordIds: [...written.values()].map((r) => r.id),
    quarantine,
  };
}

/** the inspections written, as applyTaskAnswers reads them (only an inspection answers a task item) */
function answeringRecords(rows: Iterable<RecordRow>): AnsweringRecord[] {
  const answering: AnsweringRecord[] = [];
  for (const row of rows) {
    if (row.kind !== "INSPECTION") continue;
    const { id, kind, itemCode, officerCertificates, result } = row;
    const { taskId, findings } = taskFieldsOf(row);
    answering.push({ id, kind, itemCode, officerCertificates, result, taskId, findings });
  }
  return answering;
}

const storable = (text: string) => findUnsafeText(text) === null;

/**
 * The refused record as the quarantine keeps it, as JSON: a field over its limit is named, not stored;
 * the fine as the yuan it was sent as (a bigint has no JSON form: it failed the whole batch).
 */
function keptOf(input: RecordInput, oversized: keyof RecordInput | undefined): unknown {
  const kept = oversized ? { ...input, [oversized]: "[not kept: over its limit, see docs/limits.md]" } : input;
  return JSON.parse(
    JSON.stringify(kept, (key, value) =>
      typeof value === "bigint" ? (key === "fineYuan" ? yuanTextFromFen(value) : String(value)) : value,
    ),
  );
}

function validVersion(version: number): boolean {
  return Number.isSafeInteger(version) && version >= 1;
}

/** The one `record.upserted` change event, whoever writes the record (ingestRecords, reportPenaltyDecision). */
export function recordUpserted(row: RecordRow): ChangeInput {
  return {
    kind: "record.upserted",
    entityType: "record",
    entityId: row.id,
    originJurisdiction: row.originJurisdiction,
    payload: recordChangePayload(row) as Prisma.InputJsonValue,
  };
}

/**
 * Inserts the rows whose originId was not stored (`existed`), updates the others, and marks their visits in the
 * supervision rollup for refresh (visit-marks.ts) — of the enterprises before and after (a correction may move a
 * record to another).
 * Returns what the decision rollup must move once the caller has written the decisions' warnings
 * (`refreshSupervisionDecisionDays`, schema/supervision/decision-rollup.ts): what the stored versions contributed
 * (read under their rows' lock, before they are overwritten) and the records written.
 */
export async function writeRecordRows(
  tx: Prisma.TransactionClient,
  rows: readonly RecordRow[],
  existed: ReadonlySet<string>,
): Promise<TouchedDecisionDays> {
  const updated = rows.filter((row) => existed.has(row.originId));
  const stored = await storedEnterprises(
    tx,
    updated.map((row) => row.id),
  );
  const decisionsBefore = await decisionContributionsOf(
    tx,
    updated.map((row) => row.id),
    { lock: true },
  );
  await insertRecordRows(
    tx,
    rows.filter((row) => !existed.has(row.originId)),
  );
  await updateRecordRows(tx, updated);
  // their visits are recomputed after the commit, for many batches at once, and before any read of them
  await markVisitsStale(tx, {
    usccs: [...stored.values(), ...rows.map((row) => row.enterpriseUscc)],
    // a record's own visit is found by its enterprise, before or after; by its id when it has none, then or now
    recordIds: rows.filter((row) => row.enterpriseUscc === null || stored.get(row.id) === null).map((row) => row.id),
  });
  return { before: decisionsBefore, recordIds: rows.map((row) => row.id) };
}

/** the enterprise each stored version of these records names (null: none), by record id */
async function storedEnterprises(
  tx: Prisma.TransactionClient,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await queryBulk<{ id: string; uscc: string | null }>(
    tx,
    Prisma.sql`SELECT "id", "enterpriseUscc" AS uscc FROM "EnforcementRecord" WHERE "id" = ANY(${[...ids]}::text[])`,
  );
  return new Map(rows.map((row) => [row.id, row.uscc]));
}
