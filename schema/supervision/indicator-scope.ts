/**
 * What one indicator question covers: a period of Beijing days, optionally one jurisdiction and one domain,
 * as the SQL reads take it. Shared by the reads of visits, decisions and supporting figures.
 */
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import type { Jurisdiction } from "../common/jurisdiction.ts";
import { instantsOf, type Period } from "./rules/indicators/period.ts";

export interface IndicatorScope {
  period: Period;
  /** null: both provinces and the committee */
  jurisdiction: Jurisdiction | null;
  /** a Domain code; null: every domain */
  domain: string | null;
}

export type Db = Pick<Prisma.TransactionClient, "$queryRaw">;

/** the period's first and last instant */
export const boundsOf = (scope: IndicatorScope) => instantsOf(scope.period);

/** the Beijing calendar day of a timestamptz column or expression, as SQL */
export const beijingDaySql = (column: Prisma.Sql) =>
  Prisma.sql`((${column} AT TIME ZONE 'UTC') + interval '8 hours')::date`;

/** `true` when the record's item belongs to the scope's domain (records carry the unified item code) */
export const recordDomainSql = (scope: IndicatorScope, itemCode: Prisma.Sql) =>
  scope.domain === null
    ? Prisma.sql`TRUE`
    : Prisma.sql`EXISTS (SELECT 1 FROM "EnforcementItem" i WHERE i."code" = ${itemCode} AND i."domainCode" = ${scope.domain})`;

/** a number of a row as SQL returns it (bigint, numeric, double) as a JS number */
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
export const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
