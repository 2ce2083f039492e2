/**
 * Seeds the shared libraries. Idempotent: rows are keyed by their natural keys and inserted with
 * `skipDuplicates`, so running it again adds what is missing and never overwrites live data.
 * The catalog is illustrative (the official 125-item list is not public: docs/law.md).
 */
import { Prisma, type PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import { domains, items } from "./data/catalog.ts";
import { divisions } from "./data/divisions.ts";
import { enterprises } from "./data/enterprises.ts";
import { officers } from "./data/officers.ts";

export const JURISDICTIONS = [
  { code: "cq", name: "重庆市", nameEn: "Chongqing" },
  { code: "sc", name: "四川省", nameEn: "Sichuan" },
  { code: "gz", name: "川渝高竹新区管理委员会", nameEn: "Gaozhu New Area management committee" },
];

const day = (value: string | null) => (value === null ? null : new Date(`${value}T00:00:00Z`));
const requiredDay = (value: string) => new Date(`${value}T00:00:00Z`);

export interface SeedReport {
  [table: string]: number;
}

export async function seedDatabase(prisma: PrismaClient): Promise<SeedReport> {
  const report: SeedReport = {};
  const count = (table: string, result: { count: number }) => {
    report[table] = result.count;
  };

  count("jurisdictions", await prisma.jurisdiction.createMany({ data: JURISDICTIONS, skipDuplicates: true }));
  count(
    "divisions",
    await prisma.division.createMany({
      data: divisions.map((d) => ({ ...d, validFrom: day(d.validFrom), validTo: day(d.validTo) })),
      skipDuplicates: true,
    }),
  );
  count("domains", await prisma.domain.createMany({ data: domains, skipDuplicates: true }));
  count(
    "items",
    await prisma.enforcementItem.createMany({
      data: items.map(({ legalBases: _lb, benchmarks: _b, ...item }) => ({
        ...item,
        empoweredFrom: requiredDay(item.empoweredFrom),
        empoweredTo: day(item.empoweredTo),
      })),
      skipDuplicates: true,
    }),
  );
  count(
    "legalBases",
    await prisma.legalBasis.createMany({
      data: items.flatMap((item) =>
        item.legalBases.map((basis, index) => ({
          ...basis,
          // a stable id makes the seed idempotent for rows without a natural key
          id: `${item.code}-LB-${String(index + 1).padStart(2, "0")}`,
          itemCode: item.code,
          sortOrder: index,
          statutoryFine: basis.statutoryFine ?? Prisma.DbNull,
          effectiveFrom: requiredDay(basis.effectiveFrom),
          effectiveTo: day(basis.effectiveTo),
        })),
      ),
      skipDuplicates: true,
    }),
  );
  count(
    "benchmarks",
    await prisma.benchmark.createMany({
      data: items.flatMap((item) =>
        item.benchmarks.map(({ body, ...benchmark }) => ({
          ...benchmark,
          itemCode: item.code,
          effectiveFrom: requiredDay(benchmark.effectiveFrom),
          effectiveTo: day(benchmark.effectiveTo),
          tiers: body.tiers,
          lenientRules: body.lenientRules,
        })),
      ),
      skipDuplicates: true,
    }),
  );
  count(
    "officers",
    await prisma.officer.createMany({
      data: officers.map((o) => ({
        ...o,
        certificateValidFrom: requiredDay(o.certificateValidFrom),
        certificateValidTo: requiredDay(o.certificateValidTo),
      })),
      skipDuplicates: true,
    }),
  );
  count("enterprises", await prisma.enterprise.createMany({ data: enterprises, skipDuplicates: true }));
  return report;
}

/** `npm start` seeds only an empty database. */
export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.enforcementItem.count()) === 0;
}
