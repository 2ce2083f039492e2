/**
 * The visits (入企检查) themselves, one row each, as docs/supervision.md defines them — computed from the
 * records and tasks (`plainVisitRowsCte`) or read from their rollup `SupervisionVisit` (`rollupVisitRowsCte`).
 * Both give `visit_rows(key, task_id, j, uscc, at, on_site, code_scanned, random, published, officers, item_code)`:
 *   - a joint task (综合查一次, InspectionTask DONE): `t:<id>`, jurisdiction `gz`, on site, random and published
 *     when it comes from a 双随机 draw; its time is the earliest act of the province records that answer it (same
 *     enterprise), else its first recorded result, else its last change;
 *   - a province inspection record answering no existing task: `r:<id>`, its own flags, officers and item.
 * What other tables decide (a task's code checks, officers and domains; an item's domain) is joined by the reads
 * (visit-reads.ts `visitsCte`), so the rollup changes only when a record or a task does.
 */
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";

/** which visits: those of a period, or every visit of some enterprises and some records (a refresh), or all */
export type VisitRowFilter =
  | { start: Date; end: Date }
  | {
      usccs: readonly string[];
      recordIds: readonly string[];
      /** the keys of every task these records name (a refresh reads only those tasks, never all of them) */
      taskKeys: readonly string[];
    }
  | { all: true };

const recordsWhere = (f: VisitRowFilter) =>
  "all" in f
    ? Prisma.sql`TRUE`
    : "start" in f
      ? Prisma.sql`r."occurredAt" BETWEEN ${f.start} AND ${f.end}`
      : Prisma.sql`(r."enterpriseUscc" = ANY(${[...f.usccs]}::text[]) OR r."id" = ANY(${[...f.recordIds]}::text[]))`;

const enterprisesWhere = (f: VisitRowFilter, column: Prisma.Sql) =>
  "usccs" in f ? Prisma.sql`${column} = ANY(${[...f.usccs]}::text[])` : Prisma.sql`TRUE`;

const tasksWhere = (f: VisitRowFilter) =>
  "start" in f ? Prisma.sql`v.at BETWEEN ${f.start} AND ${f.end}` : Prisma.sql`TRUE`;

/**
 * A record names its task (`payload.taskId`) by the task's global id, as the ingest takes it (task-answers.ts:
 * base64 of `InspectionTask:<key>`, schema/common/node-access.ts); rows written straight to the table may hold
 * the key itself. `task_refs` gives both texts of every task, so either matches by plain text equality (a hash
 * join), with no decoding of what a province sent.
 */
/** the global id of a task key, as SQL (base64 without line breaks, as Node's Buffer writes it) */
export const taskGlobalIdSql = (key: Prisma.Sql) =>
  Prisma.sql`replace(encode(convert_to('InspectionTask:' || ${key}, 'UTF8'), 'base64'), chr(10), '')`;

const taskRefs = (f: VisitRowFilter) => {
  const named = "taskKeys" in f ? Prisma.sql`t."id" = ANY(${[...f.taskKeys]}::text[])` : Prisma.sql`TRUE`;
  return Prisma.sql`task_refs AS MATERIALIZED (
      SELECT t."id", t."id" AS ref FROM "InspectionTask" t WHERE ${named}
      UNION ALL
      SELECT t."id", ${taskGlobalIdSql(Prisma.sql`t."id"`)} FROM "InspectionTask" t WHERE ${named}
    )`;
};

/** `task_refs, task_acts, task_visits, visit_rows` computed from the records and the tasks (the definition) */
export function plainVisitRowsCte(f: VisitRowFilter): Prisma.Sql {
  // task times set-based (one pass over the records naming a task) and materialized: a correlated subquery per
  // task ran once per task in the filter and again in the projection, on every statement (bench/README.md)
  return Prisma.sql`${taskRefs(f)},
    task_acts AS (
      SELECT x."id" AS task_id, r."enterpriseUscc" AS uscc, min(r."occurredAt") AS at
      FROM "EnforcementRecord" r JOIN task_refs x ON x.ref = r."payload"->>'taskId'
      WHERE r."kind" = 'INSPECTION' AND ${enterprisesWhere(f, Prisma.sql`r."enterpriseUscc"`)}
      GROUP BY 1, 2
    ),
    task_visits AS MATERIALIZED (
      SELECT t."id", t."enterpriseUscc" AS uscc, t."drawId",
        COALESCE(a.at, (SELECT min(x."recordedAt") FROM "TaskItemResult" x WHERE x."taskId" = t."id"), t."updatedAt") AS at
      FROM "InspectionTask" t
      LEFT JOIN task_acts a ON a.task_id = t."id" AND a.uscc = t."enterpriseUscc"
      WHERE t."state" = 'DONE' AND ${enterprisesWhere(f, Prisma.sql`t."enterpriseUscc"`)}
    ),
    visit_rows AS (
      SELECT 'r:' || r."id" AS key, NULL::text AS task_id, r."originJurisdiction" AS j, r."enterpriseUscc" AS uscc,
        r."occurredAt" AS at, COALESCE(r."onSite", FALSE) AS on_site, COALESCE(r."codeScanned", FALSE) AS code_scanned,
        r."inspectionMode" IS NOT DISTINCT FROM 'RANDOM' AS random, r."resultPublishedAt" IS NOT NULL AS published,
        r."officerCertificates" AS officers, r."itemCode" AS item_code
      FROM "EnforcementRecord" r
      WHERE r."kind" = 'INSPECTION' AND ${recordsWhere(f)}
        AND NOT EXISTS (SELECT 1 FROM task_refs x WHERE x.ref = r."payload"->>'taskId')
      UNION ALL
      SELECT 't:' || v."id", v."id", 'gz', v.uscc, v.at, TRUE, FALSE, v."drawId" IS NOT NULL, v."drawId" IS NOT NULL,
        '{}'::text[], NULL::text
      FROM task_visits v
      WHERE ${tasksWhere(f)}
    )`;
}

/**
 * `visit_rows` read from the rollup (SupervisionVisit, by its index on `at`); `jointOnly`: the joint visits only,
 * which are the committee's (`gz`), by the index on (jurisdiction, at)
 */
export const rollupVisitRowsCte = (start: Date, end: Date, jointOnly = false): Prisma.Sql => Prisma.sql`visit_rows AS (
      SELECT s."key", s."taskId" AS task_id, s."jurisdiction" AS j, s."enterpriseUscc" AS uscc, s."at",
        s."onSite" AS on_site, s."codeScanned" AS code_scanned, s."random", s."published",
        s."officerCertificates" AS officers, s."itemCode" AS item_code
      FROM "SupervisionVisit" s
      WHERE s."at" BETWEEN ${start} AND ${end}
        ${jointOnly ? Prisma.sql`AND s."jurisdiction" = 'gz' AND s."taskId" IS NOT NULL` : Prisma.empty}
    )`;
