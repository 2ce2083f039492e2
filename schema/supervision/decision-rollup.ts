/**
 * The decision rollup (SupervisionDecisionDay) kept current by the writes (issue 18 item 5): every write that can
 * change a penalty decision's contribution moves the rollup by exactly that change, in its own transaction, AFTER
 * the decision's warnings are written (they decide measured / matched / deviations):
 *   - ingest and quarantine replay (`ingestInTransaction`) and `reportPenaltyDecision`: `writeRecordRows` locks the
 *     stored versions of the records it overwrites and reads what they contribute (`decisionContributionsOf`);
 *     once the warnings of the new versions are written, `refreshSupervisionDecisionDays` reads what the records
 *     contribute now and adds the difference to the rows of both keys — a correction that moves a decision's day,
 *     item, department or fine takes it from one row and adds it to the other.
 * Idempotent: a re-pushed record that changes nothing contributes the same before and after (or is not written at
 * all), so nothing moves. The cost of a write is that of its own decisions, whatever the size of their keys (a
 * recomputation of the keys' rows read every decision of a busy day again for every batch: 0.9 s a batch after
 * 75,000 decisions on one day in the ingest bench).
 *
 * Concurrency: each row moves by `counter = counter + delta` under the row's lock (INSERT … ON CONFLICT DO UPDATE),
 * so two transactions adding to one key both count. A record overwritten is locked (FOR UPDATE) before what it
 * contributed is read, so a concurrent writer of the same record waits and then reads the version it replaces.
 */
import { executeBulk, queryBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import {
  DECISION_DAY_COUNTERS,
  type DecisionDayKey,
  type DecisionDayRow,
  decisionDayRowsSql,
  insertDecisionDayRowsSql,
  ROLLUP_COLUMNS,
} from "./decision-day-rows.ts";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

export interface TouchedDecisionDays {
  /** what the records contributed before the write (their stored versions) */
  before: readonly DecisionDayRow[];
  /** records written: what they contribute now is added */
  recordIds: readonly string[];
}

/** what these records contribute to the rollup as stored now; with `lock`, their rows are locked first */
export async function decisionContributionsOf(
  tx: Tx,
  recordIds: readonly string[],
  options: { lock?: boolean } = {},
): Promise<DecisionDayRow[]> {
  if (recordIds.length === 0) return [];
  // a batch's 1,000 ids go over the transaction's own connection, not Prisma's raw parameters (bulk-statements.ts)
  if (options.lock) {
    await queryBulk(
      tx,
      Prisma.sql`SELECT count(*) AS locked FROM (SELECT 1 FROM "EnforcementRecord"
      WHERE "id" = ANY(${[...recordIds]}::text[]) ORDER BY "id" FOR UPDATE) x`,
    );
  }
  const rows = await queryBulk<DecisionDayRow>(tx, decisionDayRowsSql({ recordIds }));
  // node-postgres reads an int8 as text
  for (const row of rows) row.fineFen = BigInt(row.fineFen);
  return rows;
}

const keyText = (k: DecisionDayKey) => `${k.day}|${k.jurisdiction}|${k.itemCode}|${k.department}`;

/** after − before, per key; keys whose difference is nothing are left out */
export function decisionDayDeltas(
  before: readonly DecisionDayRow[],
  after: readonly DecisionDayRow[],
): DecisionDayRow[] {
  const deltas = new Map<string, DecisionDayRow>();
  const add = (row: DecisionDayRow, sign: 1 | -1) => {
    const key = keyText(row);
    let delta = deltas.get(key);
    if (!delta) {
      delta = {
        day: row.day,
        jurisdiction: row.jurisdiction,
        itemCode: row.itemCode,
        department: row.department,
      } as DecisionDayRow;
      for (const counter of DECISION_DAY_COUNTERS) delta[counter] = 0;
      delta.fineFen = 0n;
      delta.durations = {};
      deltas.set(key, delta);
    }
    for (const counter of DECISION_DAY_COUNTERS) delta[counter] += sign * Number(row[counter]);
    delta.fineFen += BigInt(sign) * BigInt(row.fineFen);
    for (const [days, count] of Object.entries(row.durations)) {
      const moved = (delta.durations[days] ?? 0) + sign * Number(count);
      if (moved === 0) delete delta.durations[days];
      else delta.durations[days] = moved;
    }
  };
  for (const row of before) add(row, -1);
  for (const row of after) add(row, 1);
  return [...deltas.values()].filter(
    (d) => DECISION_DAY_COUNTERS.some((c) => d[c] !== 0) || d.fineFen !== 0n || Object.keys(d.durations).length > 0,
  );
}

/** THE write-path hook: moves the rollup by what the written records changed, inside `tx`, after the warnings */
export async function refreshSupervisionDecisionDays(tx: Tx, touched: TouchedDecisionDays): Promise<void> {
  const after = await decisionContributionsOf(tx, touched.recordIds);
  const deltas = decisionDayDeltas(touched.before, after);
  if (deltas.length === 0) return;
  const counters = DECISION_DAY_COUNTERS.map((c) => Prisma.sql`${deltas.map((d) => d[c])}::int[]`);
  // each counter and the fines add their delta; the histograms merge, a duration whose count falls to 0 dropped
  const addDeltas = Prisma.raw(
    [...DECISION_DAY_COUNTERS, "fineFen"].map((c) => `"${c}" = s."${c}" + EXCLUDED."${c}"`).join(", "),
  );
  await executeBulk(
    tx,
    Prisma.sql`INSERT INTO "SupervisionDecisionDay" AS s (${ROLLUP_COLUMNS})
    SELECT d.*
    FROM unnest(${deltas.map((d) => d.day)}::date[], ${deltas.map((d) => d.jurisdiction)}::text[],
      ${deltas.map((d) => d.itemCode)}::text[], ${deltas.map((d) => d.department)}::text[], ${Prisma.join(counters)},
      ${deltas.map((d) => d.fineFen.toString())}::bigint[], ${deltas.map((d) => JSON.stringify(d.durations))}::jsonb[])
      AS d
    ON CONFLICT ("day", "jurisdiction", "itemCode", "department") DO UPDATE SET ${addDeltas},
      "durations" = (SELECT COALESCE(jsonb_object_agg(k, n), '{}'::jsonb) FROM (
        SELECT k, sum(n) AS n FROM (
          SELECT key AS k, value::int AS n FROM jsonb_each_text(s."durations")
          UNION ALL SELECT key, value::int FROM jsonb_each_text(EXCLUDED."durations")
        ) u GROUP BY k HAVING sum(n) <> 0) m)`,
  );
  // a key whose last decision moved away
  await executeBulk(
    tx,
    Prisma.sql`DELETE FROM "SupervisionDecisionDay" s
    USING unnest(${deltas.map((d) => d.day)}::date[], ${deltas.map((d) => d.jurisdiction)}::text[],
      ${deltas.map((d) => d.itemCode)}::text[], ${deltas.map((d) => d.department)}::text[]) AS k(day, j, item, dept)
    WHERE s."day" = k.day AND s."jurisdiction" = k.j AND s."itemCode" = k.item AND s."department" = k.dept
      AND s."decisions" = 0`,
  );
}

/** the whole rollup again from the records and warnings (tests; after data loaded straight into the tables) */
export async function rebuildSupervisionDecisionDays(tx: Tx): Promise<number> {
  await tx.$executeRaw`DELETE FROM "SupervisionDecisionDay"`;
  return tx.$executeRaw(insertDecisionDayRowsSql({ all: true }));
}
