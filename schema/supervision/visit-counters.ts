/**
 * The visits' counters (issue 18 item 5): four small rollups derived from the visit rollup (SupervisionVisit,
 * SupervisionParticipation) and the register, kept current by deltas (counter-rollup.ts) wherever those change —
 * the visit refresh (visit-rollup.ts) and the register's writes (libraries/enterprise-upsert.ts) — so that a
 * year's visit figures are sums over a few thousand rows instead of reads of 1.7 million visits:
 *   - SupervisionVisitDay: a province record's visits per Beijing day, origin and item — counts, on site, code
 *     scanned on site, random, random and published (joint visits are few: their flags are read from their tasks);
 *   - SupervisionFirstVisitMonth: visits per Beijing month, month of the enterprise's previous visit (any
 *     jurisdiction and domain; NO_MONTH when none), origin and the enterprise's three credit grades. The visits of
 *     whole months M1…Mk whose previous visit is before M1 are exactly one per enterprise visited (its first):
 *     A_GRADE_INSPECTION_RATE's enterprises inspected without a DISTINCT over the period's visits;
 *   - SupervisionRandomVisitMonth: the same over random visits (previous = the previous random visit, kept on the
 *     visit's row as previousRandomAt) by the enterprise's industry: RANDOM_INSPECTION_COVERAGE's enterprises
 *     randomly inspected;
 *   - SupervisionOfficerMonth, SupervisionOfficerYear: participations per Beijing month (year), jurisdiction and
 *     officer: OFFICER_LOAD of whole months (years) — the distinct officers of their rows.
 * Only visits of an enterprise in the register count in the two enterprise rollups (the reads count the
 * register's enterprises); a register write that changes an enterprise's grades or industry moves its visits'
 * contributions (`movingRegisterCounters`). A visit's (participation's) contribution is read from its own row, so a
 * write moves the counters by the rows it replaces alone.
 */
import { queryBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { applyCounterDeltas, type CounterRollup, type CounterRow, counterDeltas } from "./counter-rollup.ts";
import { beijingDaySql } from "./indicator-scope.ts";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

/** the previous month of a visit that has none: before every period */
export const NO_MONTH = "0001-01-01";

/**
 * which visits: those of some enterprises (a register write), some visits by key (a refresh: the rows it replaces)
 * or all (a rebuild, the backfill). Every contribution is read from the visit's (participation's) own row.
 */
export type VisitCounterFilter = { usccs: readonly string[] } | { keys: readonly string[] } | { all: true };

/** the first day of the Beijing month of a timestamptz, as SQL (a date) */
export const beijingMonthSql = (column: Prisma.Sql) =>
  Prisma.sql`date_trunc('month', ${beijingDaySql(column)}::timestamp)::date`;

const visitsWhere = (f: VisitCounterFilter, uscc: Prisma.Sql, key: Prisma.Sql) =>
  "all" in f
    ? Prisma.sql`TRUE`
    : "usccs" in f
      ? Prisma.sql`${uscc} = ANY(${[...f.usccs]}::text[])`
      : Prisma.sql`${key} = ANY(${[...f.keys]}::text[])`;

interface VisitCounter extends CounterRollup {
  /** `SELECT <key columns as text>, <counters>` of the visits `f` selects */
  contributionsSql(f: VisitCounterFilter): Prisma.Sql;
}

export const VISIT_DAYS: VisitCounter = {
  table: "SupervisionVisitDay",
  keys: [
    ["day", "date"],
    ["jurisdiction", "text"],
    ["itemCode", "text"],
  ],
  counters: ["visits", "onSite", "codeScanned", "random", "published"],
  contributionsSql: (f) => Prisma.sql`SELECT ${beijingDaySql(Prisma.sql`s."at"`)}::text AS "day",
      s."jurisdiction", COALESCE(s."itemCode", '') AS "itemCode", count(*)::int AS "visits",
      (count(*) FILTER (WHERE s."onSite"))::int AS "onSite",
      (count(*) FILTER (WHERE s."onSite" AND s."codeScanned"))::int AS "codeScanned",
      (count(*) FILTER (WHERE s."random"))::int AS "random",
      (count(*) FILTER (WHERE s."random" AND s."published"))::int AS "published"
    FROM "SupervisionVisit" s
    WHERE s."taskId" IS NULL AND ${visitsWhere(f, Prisma.sql`s."enterpriseUscc"`, Prisma.sql`s."key"`)}
    GROUP BY 1, 2, 3`,
};

export const FIRST_VISIT_MONTHS: VisitCounter = {
  table: "SupervisionFirstVisitMonth",
  keys: [
    ["month", "date"],
    ["previousMonth", "date"],
    ["jurisdiction", "text"],
    ["creditGrade", "text"],
    ["creditGradeCq", "text"],
    ["creditGradeSc", "text"],
  ],
  counters: ["visits"],
  contributionsSql: (f) => Prisma.sql`SELECT ${beijingMonthSql(Prisma.sql`s."at"`)}::text AS "month",
      COALESCE(${beijingMonthSql(Prisma.sql`s."previousAt"`)}, ${NO_MONTH}::date)::text AS "previousMonth",
      s."jurisdiction", COALESCE(e."creditGrade"::text, '') AS "creditGrade",
      COALESCE(e."creditGradeCq"::text, '') AS "creditGradeCq", COALESCE(e."creditGradeSc"::text, '') AS "creditGradeSc",
      count(*)::int AS "visits"
    FROM "SupervisionVisit" s JOIN "Enterprise" e ON e."uscc" = s."enterpriseUscc"
    WHERE ${visitsWhere(f, Prisma.sql`s."enterpriseUscc"`, Prisma.sql`s."key"`)}
    GROUP BY 1, 2, 3, 4, 5, 6`,
};

export const RANDOM_VISIT_MONTHS: VisitCounter = {
  table: "SupervisionRandomVisitMonth",
  keys: [
    ["month", "date"],
    ["previousMonth", "date"],
    ["jurisdiction", "text"],
    ["industry", "text"],
  ],
  counters: ["visits"],
  contributionsSql: (f) => Prisma.sql`SELECT ${beijingMonthSql(Prisma.sql`s."at"`)}::text AS "month",
      COALESCE(${beijingMonthSql(Prisma.sql`s."previousRandomAt"`)}, ${NO_MONTH}::date)::text AS "previousMonth",
      s."jurisdiction", COALESCE(e."industry", '') AS "industry", count(*)::int AS "visits"
    FROM "SupervisionVisit" s JOIN "Enterprise" e ON e."uscc" = s."enterpriseUscc"
    WHERE s."random" AND ${visitsWhere(f, Prisma.sql`s."enterpriseUscc"`, Prisma.sql`s."key"`)}
    GROUP BY 1, 2, 3, 4`,
};

/** participations per officer and calendar `unit` (Beijing) of the participation's time */
const officerParticipations = (table: string, unit: "month" | "year"): VisitCounter => ({
  table,
  keys: [
    [unit, "date"],
    ["jurisdiction", "text"],
    ["officer", "text"],
  ],
  counters: ["participations"],
  contributionsSql: (f) => Prisma.sql`SELECT
      date_trunc(${unit}, ${beijingDaySql(Prisma.sql`p."at"`)}::timestamp)::date::text AS ${Prisma.raw(`"${unit}"`)},
      p."jurisdiction", p."officer", count(*)::int AS "participations"
    FROM "SupervisionParticipation" p
    WHERE ${visitsWhere(f, Prisma.sql`p."enterpriseUscc"`, Prisma.sql`p."visitKey"`)}
    GROUP BY 1, 2, 3`,
});

export const OFFICER_MONTHS = officerParticipations("SupervisionOfficerMonth", "month");
export const OFFICER_YEARS = officerParticipations("SupervisionOfficerYear", "year");

export const VISIT_COUNTERS: readonly VisitCounter[] = [
  VISIT_DAYS,
  FIRST_VISIT_MONTHS,
  RANDOM_VISIT_MONTHS,
  OFFICER_MONTHS,
  OFFICER_YEARS,
];

/** the counters that read the register: an enterprise's grades or industry move its visits between their keys */
export const REGISTER_COUNTERS: readonly VisitCounter[] = [FIRST_VISIT_MONTHS, RANDOM_VISIT_MONTHS];

export type Contributions = ReadonlyMap<VisitCounter, CounterRow[]>;

/** what the visits `f` selects contribute to each of `counters` now */
export async function visitContributionsOf(
  tx: Tx,
  f: VisitCounterFilter,
  counters: readonly VisitCounter[] = VISIT_COUNTERS,
): Promise<Contributions> {
  const none = "usccs" in f ? f.usccs.length === 0 : "keys" in f && f.keys.length === 0;
  if (none) return new Map(counters.map((c) => [c, []]));
  // over the transaction's own connection (its rows: text keys and int counters, as Prisma gives them)
  const rows = await Promise.all(counters.map((c) => queryBulk<CounterRow>(tx, c.contributionsSql(f))));
  return new Map(counters.map((c, i) => [c, rows[i]!]));
}

/** THE write-path hook: moves each counter by what the same visits contribute now against `before` */
export async function moveVisitCounters(tx: Tx, f: VisitCounterFilter, before: Contributions): Promise<void> {
  const after = await visitContributionsOf(tx, f, [...before.keys()]);
  for (const [counter, rows] of before) {
    await applyCounterDeltas(tx, counter, counterDeltas(counter, rows, after.get(counter) ?? []));
  }
}

/** `INSERT INTO <counter> …` of every visit's contribution (a rebuild; the migration's backfill) */
export const insertVisitCounterRowsSql = (counter: VisitCounter): Prisma.Sql => {
  const columns = Prisma.raw([...counter.keys.map(([c]) => c), ...counter.counters].map((c) => `"${c}"`).join(", "));
  const casts = Prisma.raw(
    [...counter.keys.map(([c, type]) => `x."${c}"::${type}`), ...counter.counters.map((c) => `x."${c}"`)].join(", "),
  );
  return Prisma.sql`INSERT INTO ${Prisma.raw(`"${counter.table}"`)} (${columns})
    SELECT ${casts} FROM (${counter.contributionsSql({ all: true })}) x`;
};

/**
 * A register write of these enterprises (`write`), their visits' counters moved from the grades and industry they
 * had to those they have after it. The caller holds their visit lock (visit-lock.ts) from before it read them.
 */
export async function movingRegisterCounters<T>(tx: Tx, usccs: readonly string[], write: () => Promise<T>): Promise<T> {
  const enterprises = { usccs };
  const before = await visitContributionsOf(tx, enterprises, REGISTER_COUNTERS);
  const written = await write();
  await moveVisitCounters(tx, enterprises, before);
  return written;
}
