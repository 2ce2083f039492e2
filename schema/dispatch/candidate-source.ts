/**
 * What a draw reads from the database (I/O only; the rules are in ./rules): the enterprises in a
 * plan's scope with the day of their last inspection, and the inspection visits of the year that count
 * towards the yearly cap. Raw SQL on purpose: a draw reads up to a million rows, and one query per
 * question keeps it to a few sequential scans (bench/scenarios/library-scale.ts measures it).
 *
 * An inspection is an INSPECTION record pushed by a province (its occurredAt) or a joint task not
 * cancelled (its first visit day): both are visits to the enterprise (国办发〔2024〕54号 counts every
 * inspection, whichever department made it).
 */
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { beijingDay, beijingMidnight } from "../common/effective-dates.ts";
import type { DrawScope } from "./rules/draw-plan.ts";
import type { CountedVisit, EnterpriseForDraw } from "./rules/index.ts";

type Db = Pick<Prisma.TransactionClient, "$queryRaw">;

/** An enterprise as the draw reads it, before its last visit day is known. */
type EnterpriseRow = Omit<EnterpriseForDraw, "lastInspectedOn" | "domains" | "items">;

const listOrNull = (values: readonly string[] | undefined) => (values?.length ? [...values] : null);

export async function enterprisesInScope(db: Db, scope: DrawScope): Promise<EnterpriseRow[]> {
  const parks = listOrNull(scope.parks);
  const towns = listOrNull(scope.towns);
  const industries = listOrNull(scope.industries);
  return db.$queryRaw<EnterpriseRow[]>`
    SELECT uscc, name, park, town, industry,
           "creditGrade"::text AS "creditGrade", "creditGradeCq"::text AS "creditGradeCq",
           "creditGradeSc"::text AS "creditGradeSc"
    FROM "Enterprise"
    WHERE (${parks}::text[] IS NULL OR park = ANY(${parks}::text[]))
      AND (${towns}::text[] IS NULL OR town = ANY(${towns}::text[]))
      AND (${industries}::text[] IS NULL OR industry = ANY(${industries}::text[]))`;
}

/** Every visit from the start of the Beijing year before `day` up to `day` (inclusive, Beijing). */
export async function visitsSince(db: Db, from: Date, to: Date): Promise<CountedVisit[]> {
  const start = beijingMidnight(from);
  const end = new Date(beijingMidnight(to).getTime() + 86_400_000);
  const rows = await db.$queryRaw<{ uscc: string; on: Date }[]>`
    SELECT "enterpriseUscc" AS uscc, "occurredAt" AS "on" FROM "EnforcementRecord"
    WHERE kind = 'INSPECTION' AND "enterpriseUscc" IS NOT NULL AND "occurredAt" >= ${start} AND "occurredAt" < ${end}
    UNION ALL
    SELECT "enterpriseUscc" AS uscc, ("visitFrom"::timestamp AT TIME ZONE 'Asia/Shanghai') AS "on" FROM "InspectionTask"
    WHERE state <> 'CANCELLED' AND "visitFrom" >= ${from}::date AND "visitFrom" <= ${to}::date`;
  return rows.map((r) => ({ uscc: r.uscc, on: new Date(r.on) }));
}

/** The Beijing day of each enterprise's last visit on or before `day`. */
export function lastVisitDays(visits: readonly CountedVisit[]): Map<string, Date> {
  const last = new Map<string, Date>();
  for (const visit of visits) {
    const day = beijingDay(visit.on);
    const known = last.get(visit.uscc);
    if (!known || known < day) last.set(visit.uscc, day);
  }
  return last;
}

/** Enterprises of the scope as the draw rules take them, each with its last visit day. */
export function forDraw(rows: readonly EnterpriseRow[], lastVisit: ReadonlyMap<string, Date>): EnterpriseForDraw[] {
  return rows.map((row) => ({ ...row, lastInspectedOn: lastVisit.get(row.uscc) ?? null }));
}
