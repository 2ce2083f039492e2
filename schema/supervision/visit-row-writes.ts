/**
 * Writing the visit rollup (SupervisionVisit and its officer participations, SupervisionParticipation) from the
 * visits' definition (visit-rows.ts `plainVisitRowsCte`):
 *   - `insertAllVisitRowsSql`: every visit (a rebuild; the bench's generated data);
 *   - `changedVisitRowsSql` then `insertGivenVisitRowsSql`: a refresh (visit-rollup.ts) computes the visits of some
 *     enterprises and records, compares them with the stored rows and writes back only those that differ — a new
 *     record writes its own visit and, at most, the next visit's previous one, whatever the enterprise's history.
 * Each visit row carries what depends on the visits before it (the previous visit, the gap in days, the previous
 * random visit), so that a row's contribution to every counter (visit-counters.ts) is read from the row alone.
 */
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { beijingDaySql } from "./indicator-scope.ts";
import { plainVisitRowsCte, type VisitRowFilter } from "./visit-rows.ts";

/** SupervisionVisit's columns and their SQL types, in the table's order */
const VISIT_COLUMNS = [
  ["key", "text"],
  ["taskId", "text"],
  ["jurisdiction", "text"],
  ["enterpriseUscc", "text"],
  ["at", "timestamptz"],
  ["onSite", "boolean"],
  ["codeScanned", "boolean"],
  ["random", "boolean"],
  ["published", "boolean"],
  ["officerCertificates", "text[]"],
  ["itemCode", "text"],
  ["previousKey", "text"],
  ["previousJurisdiction", "text"],
  ["previousAt", "timestamptz"],
  ["gapDays", "int"],
  ["previousRandomAt", "timestamptz"],
] as const;

const columnList = (of: readonly string[], prefix = "") => Prisma.raw(of.map((c) => `${prefix}"${c}"`).join(", "));
const ALL = VISIT_COLUMNS.map(([column]) => column);
/** every column but the key: what decides whether a stored row is still right */
const VALUES = ALL.filter((column) => column !== "key");

/**
 * `…, fresh AS (…)`: the visits `f` selects as SupervisionVisit rows, each with the enterprise's visit and random
 * visit before it in the visits' order (time, key). A refresh selects every visit of its enterprises, so the order
 * is complete; a visit without an enterprise has no previous one.
 */
const freshVisitsCte = (f: VisitRowFilter): Prisma.Sql => Prisma.sql`${plainVisitRowsCte(f)},
    fresh AS (
      SELECT key AS "key", task_id AS "taskId", j AS "jurisdiction", uscc AS "enterpriseUscc", at AS "at",
        on_site AS "onSite", code_scanned AS "codeScanned", random AS "random", published AS "published",
        officers AS "officerCertificates", item_code AS "itemCode",
        CASE WHEN uscc IS NOT NULL THEN lag(key) OVER w END AS "previousKey",
        CASE WHEN uscc IS NOT NULL THEN lag(j) OVER w END AS "previousJurisdiction",
        CASE WHEN uscc IS NOT NULL THEN lag(at) OVER w END AS "previousAt",
        CASE WHEN uscc IS NOT NULL THEN ${beijingDaySql(Prisma.sql`at`)} - ${beijingDaySql(Prisma.sql`lag(at) OVER w`)} END
          AS "gapDays",
        CASE WHEN uscc IS NOT NULL AND random THEN max(at) FILTER (WHERE random) OVER before END AS "previousRandomAt"
      FROM visit_rows
      WINDOW w AS (PARTITION BY uscc ORDER BY at, key), before AS (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    )`;

const PARTICIPATION_COLUMNS = Prisma.raw(
  `"visitKey", "position", "officer", "jurisdiction", "enterpriseUscc", "at", "itemCode", "taskId"`,
);

/**
 * The officer participations of the visit rows in `source` (a relation with SupervisionVisit's columns): a record
 * visit's certificates in their order, each as `<origin>:<certificate>` (an officer named twice counts twice, as an
 * unnest does; a NULL element names nobody); a joint task visit's TaskOfficer rows as `<home jurisdiction>:<certificate>`.
 * The same officers, with the same texts, that the plain read (visit-reads.ts `visitsCte`) unnests.
 */
const participationRowsSql = (source: Prisma.Sql): Prisma.Sql => Prisma.sql`SELECT p.key, p.position, p.officer,
      split_part(p.officer, ':', 1), p.uscc, p.at, p.item_code, p.task_id
    FROM (
      SELECT v."key" AS key, c.position::int AS position, v."jurisdiction" || ':' || c.certificate AS officer,
        v."enterpriseUscc" AS uscc, v."at" AS at, v."itemCode" AS item_code, NULL::text AS task_id
      FROM ${source} v, unnest(v."officerCertificates") WITH ORDINALITY AS c(certificate, position)
      WHERE v."taskId" IS NULL AND c.certificate IS NOT NULL
      UNION ALL
      SELECT v."key", (row_number() OVER (PARTITION BY v."key" ORDER BY o."pick", o."certificateNumber"))::int,
        o."homeJurisdiction" || ':' || o."certificateNumber", v."enterpriseUscc", v."at", NULL::text, v."taskId"
      FROM ${source} v JOIN "TaskOfficer" o ON o."taskId" = v."taskId"
    ) p`;

/**
 * `WITH <ctes>, written AS (INSERT INTO "SupervisionVisit" … FROM <source>) INSERT INTO "SupervisionParticipation" …`:
 * the visit rows of `source`, replacing a row of the same key, and in the same statement the participations of the
 * rows written, replacing a row of the same visit and position. ON CONFLICT: a concurrent refresh of the same
 * enterprise may have inserted a row after the caller's DELETE; this statement's snapshot sees that commit (the
 * caller holds the enterprises' visit lock: visit-lock.ts), so replacing it is right.
 */
const writeVisitRowsSql = (ctes: Prisma.Sql, source: Prisma.Sql): Prisma.Sql => Prisma.sql`WITH ${ctes},
    written AS (
      INSERT INTO "SupervisionVisit" (${columnList(ALL)})
      SELECT ${columnList(ALL)} FROM ${source}
      ON CONFLICT ("key") DO UPDATE SET ${Prisma.raw(VALUES.map((c) => `"${c}" = EXCLUDED."${c}"`).join(", "))}
      RETURNING "key", "taskId", "jurisdiction", "enterpriseUscc", "at", "officerCertificates", "itemCode"
    )
    INSERT INTO "SupervisionParticipation" (${PARTICIPATION_COLUMNS})
    ${participationRowsSql(Prisma.raw("written"))}
    ON CONFLICT ("visitKey", "position") DO UPDATE SET "officer" = EXCLUDED."officer",
      "jurisdiction" = EXCLUDED."jurisdiction", "enterpriseUscc" = EXCLUDED."enterpriseUscc", "at" = EXCLUDED."at",
      "itemCode" = EXCLUDED."itemCode", "taskId" = EXCLUDED."taskId"`;

/** every visit and its participations, from the records and tasks (into an emptied rollup) */
export const insertAllVisitRowsSql = (): Prisma.Sql =>
  writeVisitRowsSql(freshVisitsCte({ all: true }), Prisma.raw("fresh"));

/** a visit row as `changedVisitRowsSql` gives it (JSON: the column names of SupervisionVisit) */
export type VisitRowJson = Record<string, unknown>;

export interface ChangedVisit {
  key: string;
  /** the row the visit must have; null when the visit is gone (a record corrected away, now answering a task …) */
  row: VisitRowJson | null;
}

/**
 * The visits of `f`'s enterprises and records whose stored row differs from what their records and tasks give now:
 * new ones, changed ones and gone ones (stored, no longer computed). A joint task visit is always given: its
 * participations come from its team (TaskOfficer), which its row does not hold.
 */
export const changedVisitRowsSql = (f: Extract<VisitRowFilter, { usccs: readonly string[] }>): Prisma.Sql => {
  const keys = f.recordIds.map((id) => `r:${id}`);
  const differs = Prisma.sql`(${columnList(VALUES, "f.")}) IS DISTINCT FROM (${columnList(VALUES, "s.")})`;
  return Prisma.sql`WITH ${freshVisitsCte(f)},
    stored AS (
      SELECT ${columnList(ALL)} FROM "SupervisionVisit"
      WHERE "enterpriseUscc" = ANY(${[...f.usccs]}::text[]) OR "key" = ANY(${keys}::text[])
    )
    SELECT COALESCE(f."key", s."key") AS "key", CASE WHEN f."key" IS NOT NULL THEN to_jsonb(f) END AS "row"
    FROM fresh f FULL JOIN stored s ON s."key" = f."key"
    WHERE f."key" IS NULL OR s."key" IS NULL OR f."taskId" IS NOT NULL OR ${differs}
    ORDER BY 1`;
};

/** the visit rows given (changedVisitRowsSql's) and their participations, after the caller deleted their keys */
export const insertGivenVisitRowsSql = (rows: readonly VisitRowJson[]): Prisma.Sql => {
  const definition = Prisma.raw(VISIT_COLUMNS.map(([column, type]) => `"${column}" ${type}`).join(", "));
  return writeVisitRowsSql(
    Prisma.sql`given AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(${definition}))`,
    Prisma.raw("given"),
  );
};
