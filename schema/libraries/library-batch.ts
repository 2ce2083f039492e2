/**
 * One batch of library writes (人员库 / 对象库), whatever the kind of record: every record is validated
 * first (pure, before any write); the valid ones are then reconciled against the stored rows and
 * written in ONE audited transaction with their history rows (LibraryChange) and change events, and
 * every record gets its result. A record refused (invalid, FORBIDDEN, …) is reported and not written;
 * the others are written whole or, if the transaction fails, not at all.
 */

import type { GatewayContext } from "../../gateway/context.ts";
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { badInput, unauthenticated } from "../../gateway/errors.ts";
import type { ChangeInput } from "../../gateway/outbox/outbox.ts";
import type { Jurisdiction } from "../common/jurisdiction.ts";
import { writeAudited } from "../common/write.ts";
import { QuarantineStore } from "../records/quarantine-store.ts";
import { libraryQuarantineId } from "../records/rules/library-quarantine-id.ts";
import type { WriteOutcome } from "../sync/rules/write-outcome.ts";
import type { FieldChanges } from "./rules/field-changes.ts";
import type { RecordProblem } from "./rules/record-problem.ts";
import type { Settled } from "./rules/settle-write.ts";

/** Records per request: enough for an adapter's page, small enough for one transaction. */
export const BATCH_LIMIT = 1000;

export interface RecordResult {
  /** certificate number or USCC, as normalised */
  key: string;
  outcome: WriteOutcome;
  /** REFUSED: the first problem's code; STALE: VERSION_CONFLICT when the version was reused; else null */
  code: string | null;
  message: string;
}

export interface BatchPayload {
  results: RecordResult[];
}

export type Validated<W> =
  | { key: string; ok: true; write: W & { version: number } }
  | { key: string; ok: false; problems: RecordProblem[] };

type Outcome<S> = Settled<S> | { outcome: "REFUSED"; code: string; message: string };

export interface StoredRow<S> {
  id: string;
  state: S;
}

/** How one kind of library record is loaded, reconciled and saved. */
export interface LibraryKind<W, S> {
  entityType: "officer" | "enterprise";
  /** first key of the two-key advisory lock that serialises writers of the same record */
  lockNamespace: number;
  load(tx: Prisma.TransactionClient, keys: string[]): Promise<Map<string, StoredRow<S>>>;
  reconcile(stored: S | null, write: W, writer: Jurisdiction): Outcome<S>;
  create(tx: Prisma.TransactionClient, states: S[]): Promise<Map<string, string>>;
  update(tx: Prisma.TransactionClient, id: string, state: S): Promise<void>;
  /** whose record it is, for the change event */
  originOf(state: S): string;
  /** history data as written; personal data is masked on read, not here */
  historyData(write: W): Prisma.InputJsonValue;
}

export function assertBatchSize(count: number): void {
  if (count > BATCH_LIMIT) {
    throw badInput(`A batch holds at most ${BATCH_LIMIT} records, got ${count}: split it`, {
      reason: "BATCH_TOO_LARGE",
    });
  }
}

const refused = (key: string, problems: RecordProblem[]): RecordResult => ({
  key,
  outcome: "REFUSED",
  code: problems[0]?.code ?? "INVALID_FIELD",
  message: problems.map((p) => `${p.code}: ${p.message}`).join("; "),
});

function acceptedMessage(
  outcome: Exclude<WriteOutcome, "REFUSED">,
  version: number,
  changes: FieldChanges | null,
): string {
  if (outcome === "UNCHANGED") return `version ${version} is already stored: nothing changed`;
  if (outcome === "STALE")
    return `version ${version} is not newer than the stored one: nothing changed, kept in history`;
  const fields = Object.keys(changes ?? {});
  return `version ${version} applied${fields.length ? `: ${fields.join(", ")}` : ""}`;
}

export async function runLibraryBatch<W, S>(
  ctx: GatewayContext,
  kind: LibraryKind<W, S>,
  records: Validated<W>[],
): Promise<BatchPayload> {
  const caller = ctx.caller;
  if (!caller) throw unauthenticated("A bearer token is required", "MISSING_TOKEN");
  const results: RecordResult[] = records.map((r) =>
    r.ok ? { key: r.key, outcome: "APPLIED", code: null, message: "" } : refused(r.key, r.problems),
  );
  const valid = records.flatMap((r, index) => (r.ok ? [{ ...r, index }] : []));
  if (valid.length > 0) {
    await writeAudited(ctx, async (tx) => {
      const keys = [...new Set(valid.map((r) => r.key))].sort();
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${kind.lockNamespace}::int, hashtext(k)) FROM (SELECT unnest(${keys}::text[]) AS k ORDER BY 1) AS ordered`;
      const stored = await kind.load(tx, keys);
      const current = new Map<string, S>([...stored].map(([key, row]) => [key, row.state]));
      const applied = new Map<string, FieldChanges>();
      const history: Prisma.LibraryChangeCreateManyInput[] = [];
      for (const record of valid) {
        const outcome = kind.reconcile(current.get(record.key) ?? null, record.write, caller.issuer);
        if (outcome.outcome === "REFUSED") {
          results[record.index] = refused(record.key, [outcome]);
          continue;
        }
        const changes = outcome.outcome === "APPLIED" ? outcome.changes : null;
        results[record.index] = {
          key: record.key,
          outcome: outcome.outcome,
          code: outcome.outcome === "STALE" && outcome.conflict ? "VERSION_CONFLICT" : null,
          message: acceptedMessage(outcome.outcome, record.write.version, changes),
        };
        if (outcome.outcome === "UNCHANGED") continue;
        history.push({
          entityType: kind.entityType,
          entityKey: record.key,
          jurisdiction: caller.issuer,
          subject: caller.subject,
          version: record.write.version,
          outcome: outcome.outcome,
          changes: (changes ?? {}) as unknown as Prisma.InputJsonValue,
          data: kind.historyData(record.write),
        });
        if (changes) {
          current.set(record.key, outcome.state);
          applied.set(record.key, { ...applied.get(record.key), ...changes });
        }
      }
      // a refused earlier version the adapter quarantined is made obsolete by this accepted one
      const quarantine = await QuarantineStore.load(
        tx,
        caller.issuer,
        valid.map((r) => libraryQuarantineId(kind.entityType, r.key)),
      );
      for (const record of valid) {
        if (results[record.index]?.outcome === "REFUSED") continue;
        await quarantine.supersede(libraryQuarantineId(kind.entityType, record.key), record.write.version, ctx.now);
      }
      const ids = await save(tx, kind, stored, current, applied);
      await tx.libraryChange.createMany({ data: history });
      const changes: ChangeInput[] = [...applied].map(([key, fields]) => ({
        kind: `${kind.entityType}.upserted`,
        entityType: kind.entityType,
        entityId: ids.get(key) ?? key,
        originJurisdiction: kind.originOf(current.get(key) as S),
        // the state after the write, so that a subscriber gets the record, not only its key (masked per subscriber)
        payload: {
          key,
          writer: caller.issuer,
          changedFields: Object.keys(fields),
          state: JSON.parse(JSON.stringify(current.get(key))) as Prisma.InputJsonValue,
        },
      }));
      const touched = new Set(
        history.map((h) => ids.get(h.entityKey) ?? stored.get(h.entityKey)?.id).filter((id): id is string => !!id),
      );
      return { result: null, recordIds: [...touched], changes };
    });
  }
  return { results };
}

/** Creates the new records, updates the changed ones; returns the id of every record by key. */
async function save<W, S>(
  tx: Prisma.TransactionClient,
  kind: LibraryKind<W, S>,
  stored: Map<string, StoredRow<S>>,
  current: Map<string, S>,
  applied: Map<string, FieldChanges>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>([...stored].map(([key, row]) => [key, row.id]));
  const fresh = [...applied.keys()].filter((key) => !stored.has(key));
  for (const [key, id] of await kind.create(
    tx,
    fresh.map((key) => current.get(key) as S),
  ))
    ids.set(key, id);
  for (const key of applied.keys()) {
    const row = stored.get(key);
    if (row) await kind.update(tx, row.id, current.get(key) as S);
  }
  return ids;
}
