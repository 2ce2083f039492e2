/**
 * The catalog reads answered from an in-memory copy of the catalog (../catalog-read-model.ts): the same rows,
 * filters and pages the database would give. Pure: rows in, rows out. `ItemFilter` and `ItemPage` mirror the
 * Prisma queries in ../queries.ts, so both paths answer alike.
 */
import { isInForce } from "../../common/effective-dates.ts";

/** What the filters read of an item (the Prisma row has more). */
export interface CatalogItemRow {
  code: string;
  name: string;
  kind: string;
  domainCode: string;
  cqCode: string;
  scCode: string;
  empoweredFrom: Date;
  empoweredTo: Date | null;
}

export interface ItemFilter {
  /** a Beijing calendar day (UTC midnight) */
  day: Date;
  domain?: string | null;
  kind?: string | null;
  /** text in the name (as written) or in any of the three codes (any case) */
  search?: string | null;
}

/** A page as Prisma's cursor pagination takes it: `take` < 0 pages backwards from the cursor. */
export interface ItemPage {
  take: number;
  skip: number;
  cursor?: { code: string };
}

export const isEmpoweredOn = (item: CatalogItemRow, day: Date) =>
  isInForce({ from: item.empoweredFrom, to: item.empoweredTo }, day);

/** Rows matching the filter, in the order given (the catalog keeps them by code). */
export function filterItems<T extends CatalogItemRow>(rows: readonly T[], filter: ItemFilter): T[] {
  const search = filter.search?.trim() ?? "";
  const lower = search.toLowerCase();
  return rows.filter(
    (item) =>
      isEmpoweredOn(item, filter.day) &&
      (!filter.domain || item.domainCode === filter.domain) &&
      (!filter.kind || item.kind === filter.kind) &&
      (search === "" ||
        item.name.includes(search) ||
        [item.code, item.cqCode, item.scCode].some((code) => code.toLowerCase().includes(lower))),
  );
}

/** The item one of whose three codes is `code` (a unified code is preferred); with `day`, only if empowered then. */
export function findItemByAnyCode<T extends CatalogItemRow>(rows: readonly T[], code: string, day?: Date): T | null {
  const found = rows.filter(
    (item) =>
      (item.code === code || item.cqCode === code || item.scCode === code) &&
      (day === undefined || isEmpoweredOn(item, day)),
  );
  return found.find((item) => item.code === code) ?? found[0] ?? null;
}

/**
 * One page of `matching` (sorted by code), as Prisma computes `findMany({ cursor, take, skip })`: the cursor
 * row is looked up in the whole table (`all`); the page starts at it (forward) or ends at it (backward), and
 * `skip` skips rows from that end. A cursor no row has gives an empty page.
 */
export function pageOf<T extends { code: string }>(all: readonly T[], matching: readonly T[], page: ItemPage): T[] {
  const size = Math.abs(page.take);
  const cursor = page.cursor?.code;
  if (cursor !== undefined && !all.some((item) => item.code === cursor)) return [];
  if (page.take >= 0) {
    const from = cursor === undefined ? matching : matching.filter((item) => item.code >= cursor);
    return from.slice(page.skip, page.skip + size);
  }
  const upTo = cursor === undefined ? matching : matching.filter((item) => item.code <= cursor);
  const end = Math.max(0, upTo.length - page.skip);
  return upTo.slice(Math.max(0, end - size), end);
}
