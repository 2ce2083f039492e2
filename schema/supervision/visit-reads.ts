/**
 * Reads of inspection visits (入企检查) for the supervision indicators: set-based SQL, one statement per
 * family, aggregated rows out (rules/indicators/ compute the figures). A visit is
 *   - a joint task (综合查一次, InspectionTask DONE) — jurisdiction `gz`, on site, code checked when a valid
 *     InspectionCodeCheck names it, random and published when it comes from a 双随机 draw; its time is the
 *     earliest act of the province records that answer it, else its first recorded result, else its last change;
 *   - a province inspection record answering no existing task (records answering a task are that task's visit).
 * A province reads the joint tasks its officers were on. The visits come from their rollup (SupervisionVisit, kept
 * current by the writes: visit-rollup.ts) unless `source: "plain"` asks for the definition over the records and
 * tasks (visit-rows.ts); both give the same figures (test/schema/supervision-rollup.test.ts). From the rollup, officer
 * load reads the visits' officer participations (SupervisionParticipation) and the credit grades, when every visit
 * counts, each enterprise's first visit of the period.
 */
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { beijingDaySql, boundsOf, type Db, type IndicatorScope, num, recordDomainSql } from "./indicator-scope.ts";
import type { RepeatVisitRow } from "./rules/alerts.ts";
import type { GradeGroupRow } from "./rules/indicators/credit.ts";
import { wholeMonthsOf, wholeYearsOf } from "./rules/indicators/period.ts";
import type { IndustryCoverageRow, PublicationRow } from "./rules/indicators/random.ts";
import type { VisitGapRow } from "./rules/indicators/repeats.ts";
import type { OfficerLoadRow, VisitCountRow } from "./rules/indicators/visits.ts";
import { plainVisitRowsCte, rollupVisitRowsCte } from "./visit-rows.ts";

type WholeMonths = NonNullable<ReturnType<typeof wholeMonthsOf>>;

/** where the visits come from: their rollup (kept current by the writes), or the records and tasks themselves */
export type VisitSource = "rollup" | "plain";

export interface VisitWindow {
  start: Date;
  end: Date;
  jurisdiction: string | null;
  domain: string | null;
  source: VisitSource;
  /** the joint visits only (from the rollup: the province records' visits are counted per day, visit-counters.ts) */
  jointOnly?: boolean;
}

/** `WITH …, visits AS (…)`: key, j, uscc, at, joint, on_site, code_checked, random, published, officers ('j:cert') */
export function visitsCte(w: VisitWindow): Prisma.Sql {
  const rows =
    w.source === "rollup"
      ? rollupVisitRowsCte(w.start, w.end, w.jointOnly)
      : plainVisitRowsCte({ start: w.start, end: w.end });
  const scope = { domain: w.domain } as IndicatorScope;
  // a province reads its own records and the joint tasks its officers were on; gz the joint tasks
  const taskJurisdiction =
    w.jurisdiction === null || w.jurisdiction === "gz"
      ? Prisma.sql`TRUE`
      : Prisma.sql`EXISTS (SELECT 1 FROM "TaskOfficer" o WHERE o."taskId" = vr.task_id AND o."homeJurisdiction" = ${w.jurisdiction})`;
  const jurisdiction =
    w.jurisdiction === null
      ? Prisma.sql`TRUE`
      : Prisma.sql`CASE WHEN vr.task_id IS NULL THEN vr.j = ${w.jurisdiction} ELSE ${taskJurisdiction} END`;
  const domain =
    w.domain === null
      ? Prisma.sql`TRUE`
      : Prisma.sql`CASE WHEN vr.task_id IS NULL THEN ${recordDomainSql(scope, Prisma.sql`vr.item_code`)}
          ELSE EXISTS (SELECT 1 FROM "InspectionTask" t WHERE t."id" = vr.task_id AND ${w.domain} = ANY(t."domains")) END`;
  return Prisma.sql`WITH ${rows},
    visits AS (
      SELECT vr.key, vr.j, vr.uscc, vr.at, vr.task_id IS NOT NULL AS joint, vr.on_site,
        CASE WHEN vr.task_id IS NULL THEN vr.code_scanned
          ELSE EXISTS (SELECT 1 FROM "InspectionCodeCheck" c WHERE c."taskId" = vr.task_id AND c."valid") END AS code_checked,
        vr.random, vr.published,
        CASE WHEN vr.task_id IS NULL THEN ARRAY(SELECT vr.j || ':' || c FROM unnest(vr.officers) AS c)
          ELSE ARRAY(SELECT o."homeJurisdiction" || ':' || o."certificateNumber" FROM "TaskOfficer" o WHERE o."taskId" = vr.task_id) END AS officers
      FROM visit_rows vr
      WHERE ${jurisdiction} AND ${domain}
    )`;
}

/**
 * OFFICER_LOAD from the participations rollup (SupervisionParticipation, one row per officer of a visit, kept with
 * the visits): the participations of the period per officer, then per jurisdiction — read from the index on
 * (at, jurisdiction, officer) when no domain is asked, instead of unnesting every visit's officers. The same
 * figures as over `visitsCte`: a province's visits (its records, the joint tasks one of its officers was on)
 * keep only its own officers, which are exactly the participations of its officers; a domain is an item's (a
 * record) or the task's domains, read now.
 */
function participationsSql(scope: IndicatorScope): Prisma.Sql {
  const months = wholeMonthsOf(scope.period);
  if (months && scope.domain === null) return officerMonthsSql(scope, months);
  const { start, end } = boundsOf(scope);
  const jurisdiction =
    scope.jurisdiction === null ? Prisma.sql`TRUE` : Prisma.sql`p."jurisdiction" = ${scope.jurisdiction}`;
  const domain =
    scope.domain === null
      ? Prisma.sql`TRUE`
      : // the domain's items and tasks as two hashed sets (one probe a participation, not a subquery each)
        Prisma.sql`CASE WHEN p."taskId" IS NULL
            THEN p."itemCode" IN (SELECT i."code" FROM "EnforcementItem" i WHERE i."domainCode" = ${scope.domain})
          ELSE p."taskId" IN (SELECT t."id" FROM "InspectionTask" t WHERE ${scope.domain} = ANY(t."domains")) END`;
  return Prisma.sql`SELECT j, sum(n) AS participations, count(*) AS officers
    FROM (
      SELECT p."jurisdiction" AS j, p."officer", count(*) AS n FROM "SupervisionParticipation" p
      WHERE p."at" BETWEEN ${start} AND ${end} AND ${jurisdiction} AND ${domain}
      GROUP BY 1, 2
    ) per_officer
    GROUP BY 1 ORDER BY 1`;
}

/**
 * OFFICER_LOAD of whole months without a domain: the officers' participations summed over their rows of the
 * months — of the years when the period is whole years (a twelfth of the rows)
 */
function officerMonthsSql(scope: IndicatorScope, months: WholeMonths): Prisma.Sql {
  const years = wholeYearsOf(scope.period);
  const [table, unit, { first, last }] = years
    ? ["SupervisionOfficerYear", "year", years]
    : ["SupervisionOfficerMonth", "month", months];
  const jurisdiction =
    scope.jurisdiction === null ? Prisma.sql`TRUE` : Prisma.sql`m."jurisdiction" = ${scope.jurisdiction}`;
  return Prisma.sql`SELECT j, sum(n) AS participations, count(*) AS officers
    FROM (
      SELECT m."jurisdiction" AS j, m."officer", sum(m."participations") AS n FROM ${Prisma.raw(`"${table}"`)} m
      WHERE m.${Prisma.raw(`"${unit}"`)} BETWEEN ${first}::date AND ${last}::date AND ${jurisdiction}
      GROUP BY 1, 2
    ) per_officer
    GROUP BY 1 ORDER BY 1`;
}

/**
 * The visit counts per jurisdiction from the rollup: the province records' visits summed from their days
 * (SupervisionVisitDay), the joint visits (few) read one by one — their code checks, team and domains are their
 * task's, read now.
 */
function countsSql(scope: IndicatorScope): Prisma.Sql {
  const { from, to } = scope.period;
  const jurisdiction =
    scope.jurisdiction === null ? Prisma.sql`TRUE` : Prisma.sql`d."jurisdiction" = ${scope.jurisdiction}`;
  const joint = visitsCte({ ...windowOf(scope), jointOnly: true });
  return Prisma.sql`${joint},
    per_j AS (
      SELECT d."jurisdiction" AS j, sum(d."visits") AS visits, 0 AS joint, sum(d."onSite") AS on_site,
        sum(d."codeScanned") AS code_checked, sum(d."random") AS random, sum(d."published") AS published
      FROM "SupervisionVisitDay" d
      WHERE d."day" BETWEEN ${from}::date AND ${to}::date AND ${jurisdiction}
        AND ${recordDomainSql(scope, Prisma.sql`d."itemCode"`)}
      GROUP BY 1
      UNION ALL
      ${visitCountsSelect}
    )
    SELECT j, sum(visits) AS visits, sum(joint) AS joint, sum(on_site) AS on_site, sum(code_checked) AS code_checked,
      sum(random) AS random, sum(published) AS published
    FROM per_j GROUP BY j ORDER BY j`;
}

/** the counts of `visits` per jurisdiction */
const visitCountsSelect = Prisma.sql`SELECT j, count(*) AS visits, count(*) FILTER (WHERE joint) AS joint,
      count(*) FILTER (WHERE on_site) AS on_site, count(*) FILTER (WHERE on_site AND code_checked) AS code_checked,
      count(*) FILTER (WHERE random) AS random, count(*) FILTER (WHERE random AND published) AS published
    FROM visits GROUP BY j`;

/**
 * The enterprises visited in whole months per credit grades, without a jurisdiction or a domain: the visits of the
 * months whose previous visit is before the first month, one per enterprise (SupervisionFirstVisitMonth)
 */
const gradeMonthsSql = (months: WholeMonths) => Prisma.sql`SELECT m."creditGrade" AS g, m."creditGradeCq" AS gcq,
      m."creditGradeSc" AS gsc, sum(m."visits") AS inspected
    FROM "SupervisionFirstVisitMonth" m
    WHERE m."month" BETWEEN ${months.first}::date AND ${months.last}::date AND m."previousMonth" < ${months.first}::date
    GROUP BY 1, 2, 3`;

/** the enterprises randomly visited in whole months per industry (SupervisionRandomVisitMonth) */
const industryMonthsSql = (months: WholeMonths) => Prisma.sql`SELECT m."industry", sum(m."visits") AS inspected
    FROM "SupervisionRandomVisitMonth" m
    WHERE m."month" BETWEEN ${months.first}::date AND ${months.last}::date AND m."previousMonth" < ${months.first}::date
    GROUP BY 1`;

type Rows = Record<string, unknown>[];

/** the register's groups (enterprises per credit grades, per industry) beside what was inspected of each ('' = none) */
function withInspected(groups: Rows, inspected: Rows, keys: readonly string[]): Rows {
  const keyOf = (r: Record<string, unknown>) => keys.map((k) => String(r[k] ?? "")).join("\u0000");
  const counts = new Map(inspected.map((r) => [keyOf(r), num(r.inspected)]));
  return groups.map((r) => ({ ...r, inspected: counts.get(keyOf(r)) ?? 0 }));
}

export interface RegisterGroups {
  /** g, gcq, gsc, enterprises: in the order of the grades (a missing grade last) */
  grades: Rows;
  /** industry ('' when none), enterprises: in the order of the industries */
  industries: Rows;
}

/**
 * The register's enterprises per credit grades and per industry, in one pass over it. Its ~30 groups are hashed, not
 * sorted, because the planner knows how few grade combinations there are from the statistics of migration
 * 20261207000000_enterprise_group_statistics (test/db/register-groups-plan.test.ts).
 */
export const registerGroupsSql = Prisma.sql`SELECT GROUPING(COALESCE(e."industry", '')) AS by_grades,
      e."creditGrade"::text AS g, e."creditGradeCq"::text AS gcq, e."creditGradeSc"::text AS gsc,
      COALESCE(e."industry", '') AS industry, count(*) AS enterprises
    FROM "Enterprise" e
    GROUP BY GROUPING SETS ((e."creditGrade", e."creditGradeCq", e."creditGradeSc"), (COALESCE(e."industry", '')))
    ORDER BY 1, 2, 3, 4, 5`;

async function readRegisterGroups(db: Db): Promise<RegisterGroups> {
  const rows = await db.$queryRaw<Rows>(registerGroupsSql);
  const byGrades = (r: Record<string, unknown>) => num(r.by_grades) === 1;
  return {
    grades: rows.filter(byGrades).map(({ g, gcq, gsc, enterprises }) => ({ g, gcq, gsc, enterprises })),
    industries: rows.filter((r) => !byGrades(r)).map(({ industry, enterprises }) => ({ industry, enterprises })),
  };
}

/** every enterprise of the register */
async function readRegisterSize(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<Rows>`SELECT count(*) AS n FROM "Enterprise"`;
  return num(row?.n);
}

/**
 * The register as the visit figures read it, each part read at most once however many periods ask (a request's
 * period and the one before, a trend's months): it does not depend on the period.
 */
export interface Register {
  size(): Promise<number>;
  groups(): Promise<RegisterGroups>;
}

export function registerOnce(db: Db): Register {
  let size: Promise<number> | undefined;
  let groups: Promise<RegisterGroups> | undefined;
  return {
    size: () => (size ??= readRegisterSize(db)),
    groups: () => (groups ??= readRegisterGroups(db)),
  };
}

/**
 * The enterprises visited in the period, one row each, without a DISTINCT over the period's visits: each
 * enterprise's first visit of the period is the one whose previous visit (kept in the rollup, any jurisdiction and
 * domain) is before the period or absent. Only when every visit counts (no jurisdiction, no domain: a scope's
 * first visit may come after another's); otherwise null and the reads take the DISTINCT of `visitsCte`.
 */
function firstVisitsSql(scope: IndicatorScope): Prisma.Sql | null {
  if (scope.jurisdiction !== null || scope.domain !== null) return null;
  const { start, end } = boundsOf(scope);
  return Prisma.sql`SELECT s."enterpriseUscc" AS uscc FROM "SupervisionVisit" s
    WHERE s."at" BETWEEN ${start} AND ${end} AND s."enterpriseUscc" IS NOT NULL
      AND (s."previousAt" IS NULL OR s."previousAt" < ${start})`;
}

export const windowOf = (scope: IndicatorScope, source: VisitSource = "rollup"): VisitWindow => ({
  ...boundsOf(scope),
  jurisdiction: scope.jurisdiction,
  domain: scope.domain,
  source,
});

export interface VisitFamily {
  /** every enterprise of the register (the denominator of INSPECTIONS_PER_ENTERPRISE) */
  enterprises: number;
  counts: VisitCountRow[];
  publication: PublicationRow[];
  grades: GradeGroupRow[];
  industries: IndustryCoverageRow[];
  officers: OfficerLoadRow[];
}

/** the statements of the visit family; an indicator needs only some of them (a trend asks for one indicator) */
export type VisitPart = "counts" | "grades" | "industries" | "officers";
export const VISIT_PARTS: readonly VisitPart[] = ["counts", "grades", "industries", "officers"];

const notRead = Promise.resolve([] as Record<string, unknown>[]);

/** the visit figures of the scope that `parts` name (each a statement over the same visits); the others empty */
export async function readVisitFamily(
  db: Db,
  scope: IndicatorScope,
  parts: readonly VisitPart[] = VISIT_PARTS,
  source: VisitSource = "rollup",
  /** the register, shared by the periods of one question */
  register: Register = registerOnce(db),
): Promise<VisitFamily> {
  const visits = visitsCte(windowOf(scope, source));
  const rollup = source === "rollup";
  const firstVisits = rollup ? firstVisitsSql(scope) : null;
  // the enterprises of whole months from their monthly counters, when every visit counts (a scope's first visit
  // of the period may come after another's)
  const months = rollup && scope.jurisdiction === null && scope.domain === null ? wholeMonthsOf(scope.period) : null;
  const [counts, grades, industries, officers, size] = await Promise.all([
    !parts.includes("counts")
      ? notRead
      : rollup
        ? db.$queryRaw<Record<string, unknown>[]>`${countsSql(scope)}`
        : db.$queryRaw<Record<string, unknown>[]>`${visits}
      SELECT * FROM (${visitCountsSelect}) c ORDER BY j`,
    !parts.includes("grades")
      ? notRead
      : months
        ? Promise.all([register.groups(), db.$queryRaw<Rows>`${gradeMonthsSql(months)}`]).then(([r, inspected]) =>
            withInspected(r.grades, inspected, ["g", "gcq", "gsc"]),
          )
        : db.$queryRaw<Record<string, unknown>[]>`${firstVisits ? Prisma.empty : visits}
      SELECT e."creditGrade"::text AS g, e."creditGradeCq"::text AS gcq, e."creditGradeSc"::text AS gsc,
        count(*) AS enterprises, count(v.uscc) AS inspected
      FROM "Enterprise" e LEFT JOIN (${firstVisits ?? Prisma.sql`SELECT DISTINCT uscc FROM visits`}) v ON v.uscc = e."uscc"
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    !parts.includes("industries")
      ? notRead
      : months
        ? Promise.all([register.groups(), db.$queryRaw<Rows>`${industryMonthsSql(months)}`]).then(([r, inspected]) =>
            withInspected(r.industries, inspected, ["industry"]),
          )
        : db.$queryRaw<Record<string, unknown>[]>`${visits}
      SELECT COALESCE(e."industry", '') AS industry, count(*) AS enterprises, count(v.uscc) AS inspected
      FROM "Enterprise" e LEFT JOIN (SELECT DISTINCT uscc FROM visits WHERE random) v ON v.uscc = e."uscc"
      GROUP BY 1 ORDER BY 1`,
    !parts.includes("officers")
      ? notRead
      : source === "rollup"
        ? db.$queryRaw<Record<string, unknown>[]>`${participationsSql(scope)}`
        : db.$queryRaw<Record<string, unknown>[]>`${visits}
      SELECT split_part(o, ':', 1) AS j, sum(n) AS participations, count(*) AS officers
      FROM (
        -- per officer first (a hash aggregate): count(DISTINCT o) sorted every participation (3.3 million a year)
        SELECT o, count(*) AS n FROM visits, unnest(visits.officers) AS o
        WHERE ${scope.jurisdiction === null ? Prisma.sql`TRUE` : Prisma.sql`split_part(o, ':', 1) = ${scope.jurisdiction}`}
        GROUP BY o
      ) per_officer
      GROUP BY 1 ORDER BY 1`,
    // the register's size comes with the grades; without them, by itself
    parts.includes("grades") ? 0 : register.size(),
  ]);
  const grade = (g: unknown) => (g ?? null) as GradeGroupRow["creditGrade"];
  return {
    enterprises: parts.includes("grades") ? grades.reduce((n, g) => n + num(g.enterprises), 0) : size,
    counts: counts.map((r) => ({
      jurisdiction: String(r.j),
      visits: num(r.visits),
      jointVisits: num(r.joint),
      onSiteVisits: num(r.on_site),
      codeCheckedVisits: num(r.code_checked),
    })),
    publication: counts
      .filter((r) => num(r.random) > 0)
      .map((r) => ({ jurisdiction: String(r.j), concluded: num(r.random), published: num(r.published) })),
    grades: grades.map((r) => ({
      creditGrade: grade(r.g),
      creditGradeCq: grade(r.gcq),
      creditGradeSc: grade(r.gsc),
      enterprises: num(r.enterprises),
      inspected: num(r.inspected),
    })),
    industries: industries.map((r) => ({
      industry: String(r.industry),
      enterprises: num(r.enterprises),
      randomlyInspected: num(r.inspected),
    })),
    officers: officers.map((r) => ({
      jurisdiction: String(r.j),
      participations: num(r.participations),
      officers: num(r.officers),
    })),
  };
}

/**
 * `WITH …, gaps AS (…)`: every visit of the period (key, uscc, j, at, prev_key, prev_j, gap) beside the previous visit
 * of the same enterprise (a visit without an enterprise has none); from the rollup, only those at most `windowDays`
 * after it, all the callers ask for. Read over both provinces (records are mutually readable, 互认) so that a cross-province pair is seen; a province gets the pairs it took part in. Without a
 * domain, the rollup holds each visit's previous one; a domain changes which visit is the previous (only that
 * domain's count), so then the visits are ordered here.
 */
export function gapsCte(scope: IndicatorScope, windowDays: number, source: VisitSource = "rollup"): Prisma.Sql {
  const { start, end } = boundsOf(scope);
  const involved =
    scope.jurisdiction === null
      ? Prisma.sql`TRUE`
      : Prisma.sql`(j = ${scope.jurisdiction} OR prev_j = ${scope.jurisdiction})`;
  if (source === "rollup" && scope.domain === null) {
    // the gaps within the window only, by the index on (gapDays, at): a period's repeats are few of its visits
    return Prisma.sql`WITH gaps AS (
      SELECT key, uscc, j, at, prev_key, prev_j, gap FROM (
        SELECT s."key", s."enterpriseUscc" AS uscc, s."jurisdiction" AS j, s."at", s."previousKey" AS prev_key,
          s."previousJurisdiction" AS prev_j, s."gapDays" AS gap
        FROM "SupervisionVisit" s
        WHERE s."gapDays" <= ${windowDays} AND s."at" BETWEEN ${start} AND ${end}
      ) x
      WHERE ${involved}
    )`;
  }
  const lookback = new Date(start.getTime() - (windowDays + 1) * 24 * 60 * 60 * 1000);
  const visits = visitsCte({ start: lookback, end, jurisdiction: null, domain: scope.domain, source });
  return Prisma.sql`${visits},
    gaps AS (
      SELECT key, uscc, j, at, prev_key, prev_j, gap FROM (
        SELECT key, uscc, j, at, lag(j) OVER w AS prev_j, lag(key) OVER w AS prev_key,
          ${beijingDaySql(Prisma.sql`at`)} - ${beijingDaySql(Prisma.sql`lag(at) OVER w`)} AS gap
        FROM visits WHERE uscc IS NOT NULL WINDOW w AS (PARTITION BY uscc ORDER BY at, key)
      ) x
      WHERE prev_j IS NOT NULL AND at >= ${start} AND ${involved}
    )`;
}

/** visits of the period grouped by their gap to the previous visit, those at most `windowDays` apart */
export async function readVisitGaps(
  db: Db,
  scope: IndicatorScope,
  windowDays: number,
  source: VisitSource = "rollup",
): Promise<VisitGapRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`${gapsCte(scope, windowDays, source)}
    SELECT gap, j, prev_j, count(*) AS visits FROM gaps WHERE gap <= ${windowDays}
    GROUP BY gap, j, prev_j ORDER BY gap, j, prev_j`;
  return rows.map((r) => ({
    gapDays: num(r.gap),
    jurisdiction: String(r.j),
    previousJurisdiction: String(r.prev_j),
    visits: num(r.visits),
  }));
}

/** the repeat visits of the period one by one (REPEATED_INSPECTION alerts): the same gaps as readVisitGaps */
export async function readRepeatVisits(db: Db, scope: IndicatorScope, windowDays: number): Promise<RepeatVisitRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`${gapsCte(scope, windowDays)}
    SELECT uscc, key, prev_key, j, prev_j, gap FROM gaps WHERE gap <= ${windowDays} ORDER BY uscc, at, key`;
  return rows.map((r) => ({
    uscc: String(r.uscc),
    key: String(r.key),
    previousKey: String(r.prev_key),
    jurisdiction: String(r.j),
    previousJurisdiction: String(r.prev_j),
    gapDays: num(r.gap),
  }));
}
