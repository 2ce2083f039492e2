/**
 * The database as the indicator questions read it: each statement in a transaction of its own that turns off
 * Postgres's parallel workers for it. A question sends its statements at once, both periods' families on their
 * own connections (indicator-service.ts), which already keeps the cores busy; each statement's own workers only
 * competed with them (bench/README.md, "supervision at scale": 1.7–2.1 s → 1.2–1.4 s a year of indicators on the
 * 2-core machine). Nothing else changes: the same statements, the same answers.
 */
import { Prisma, type PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import type { Db } from "./indicator-scope.ts";

export function indicatorDb(prisma: PrismaClient): Db {
  const queryRaw = (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const sql = Array.isArray(query) ? Prisma.sql(query as TemplateStringsArray, ...values) : (query as Prisma.Sql);
    return prisma
      .$transaction([prisma.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`, prisma.$queryRaw(sql)])
      .then(([, rows]) => rows);
  };
  return { $queryRaw: queryRaw as Db["$queryRaw"] };
}
