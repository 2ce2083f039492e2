/**
 * supervision, the data (issue 18 item 5): a register of `enterprises` (library-scale's rows, COPYed by its own
 * code) and `records` enforcement records over two Beijing years (2025 and 2026), generated inside Postgres by
 * INSERT … SELECT generate_series in slices (progress between slices), spread so that every indicator has work:
 * both provinces, every seeded item (hence every domain), eight departments, the four credit grades, inspection
 * modes, on-site visits with and without a code scan, published and unpublished random results, penalty decisions
 * with fines, lenient kinds, range-deviation warnings, and joint tasks (a 双随机 draw's and others) answered by
 * some of the inspection records, with their officers, code checks and feedback.
 *
 * Shares are fixed by the row number (g % n), so a run is comparable to the next; which enterprise a record
 * names is a multiplicative hash of g over the register. Every statement runs on the gateway's own database.
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { insertDecisionDayRowsSql } from "../../schema/supervision/decision-day-rows.ts";
import { insertVisitCounterRowsSql, VISIT_COUNTERS } from "../../schema/supervision/visit-counters.ts";
import { insertAllVisitRowsSql } from "../../schema/supervision/visit-row-writes.ts";
import { progress } from "../lib/progress.ts";
import { copyRest } from "./library-gateway.ts";

export interface SupervisionCounts {
  enterprises: number;
  records: number;
}

export interface GeneratedData {
  counts: Record<string, number>;
  seconds: Record<string, number>;
}

/** one inspection in SHARE_OF_TASK_RECORDS answers a joint task; tasks = records / RECORDS_PER_TASK */
const RECORDS_PER_TASK = 100;
const SLICE = 500_000;
const DEPARTMENTS = [
  "应急管理局",
  "生态环境局",
  "市场监督管理局",
  "交通运输局",
  "农业农村委",
  "城市管理局",
  "文化旅游委",
  "卫生健康委",
];
/** the two years the records span, as UTC instants (Beijing day boundaries) */
const FIRST_INSTANT = "2024-12-31T16:00:00Z";
const SPAN_SECONDS = 730 * 24 * 3600;

/** enterprise i's USCC, by the register's order (bench_enterprise is a numbered copy of the USCCs) */
const enterpriseOf = (index: string) => `(SELECT e.uscc FROM bench_enterprise e WHERE e.i = ${index})`;

async function timed(client: pg.Client, label: string, sql: string, params: unknown[] = []): Promise<number> {
  const t0 = performance.now();
  const result = await client.query(sql, params);
  const seconds = (performance.now() - t0) / 1000;
  progress(`  supervision data: ${label} — ${result.rowCount ?? 0} rows, ${seconds.toFixed(1)} s`);
  return seconds;
}

/** the records' slice [from, to): inspections for g % 10 < 7, penalty decisions for the rest */
function recordSliceSql(enterprises: number, tasks: number): string {
  const at = `(timestamptz '${FIRST_INSTANT}' + make_interval(secs => ((g * 7919) % ${SPAN_SECONDS})))`;
  const inspection = "g % 10 < 7";
  // one inspection in 25 answers a joint task and names its enterprise (records of one task are one visit)
  const answersTask = `(${inspection} AND g % 25 = 0)`;
  const task = `((g / 25) % ${tasks})`;
  const enterprise = `CASE WHEN ${answersTask} THEN ((${task} * 7919) % ${enterprises}) ELSE ((g * 104729) % ${enterprises}) END`;
  return `INSERT INTO "EnforcementRecord" ("id", "kind", "originJurisdiction", "originId", "version", "itemCode",
      "enterpriseUscc", "officerCertificates", "occurredAt", "decidedAt", "fineFen", "result", "payload", "department",
      "inspectionMode", "onSite", "resultPublishedAt", "codeScanned", "lenientKind", "updatedAt")
    SELECT md5('record' || g)::uuid::text,
      (CASE WHEN ${inspection} THEN 'INSPECTION' ELSE 'PENALTY_DECISION' END)::"RecordKind",
      CASE WHEN g % 2 = 0 THEN 'cq' ELSE 'sc' END, 'bench-' || g, 1,
      (SELECT it.code FROM bench_item it WHERE it.i = g % (SELECT count(*) FROM bench_item)),
      ${enterpriseOf(enterprise)},
      ARRAY['BENCH-' || CASE WHEN g % 2 = 0 THEN 'CQ' ELSE 'SC' END || '-' || lpad(((g / 7) % 25000)::text, 7, '0'),
            'BENCH-' || CASE WHEN g % 2 = 0 THEN 'CQ' ELSE 'SC' END || '-' || lpad(((g / 11) % 25000)::text, 7, '0')],
      ${at},
      CASE WHEN ${inspection} THEN NULL ELSE ${at} + make_interval(days => (g % 120)::int) END,
      CASE WHEN ${inspection} OR g % 5 = 0 THEN NULL ELSE (g % 200 + 1) * 50000 END,
      CASE WHEN ${inspection} THEN '合格' ELSE '罚款' END,
      CASE WHEN ${answersTask} THEN jsonb_build_object('taskId', md5('task' || ${task})::uuid::text) ELSE '{}'::jsonb END,
      (ARRAY['${DEPARTMENTS.join("','")}'])[1 + (g % ${DEPARTMENTS.length})::int],
      CASE WHEN NOT ${inspection} THEN NULL
        ELSE (ARRAY['RANDOM','KEY_SUPERVISION','COMPLAINT','OTHER'])[1 + ((g / 3) % 4)::int]::"InspectionMode" END,
      CASE WHEN ${inspection} THEN g % 5 <> 0 END,
      CASE WHEN ${inspection} AND (g / 3) % 4 = 0 AND g % 9 <> 0 THEN ${at} + interval '5 days' END,
      CASE WHEN ${inspection} THEN g % 3 <> 0 END,
      CASE WHEN NOT ${inspection} AND g % 13 = 0
        THEN (ARRAY['FIRST_VIOLATION_EXEMPT','NOT_PUNISHED','LIGHTER','MITIGATED'])[1 + ((g / 13) % 4)::int]::"LenientKind" END,
      now()
    FROM generate_series($1::bigint, $2::bigint - 1) AS g`;
}

/** a 双随机 plan and draw for two tasks in three; every task DONE but one in 20 (still IN_PROGRESS) */
function tasksSql(enterprises: number, tasks: number): string[] {
  const at = `(timestamptz '${FIRST_INSTANT}' + make_interval(secs => ((n * 15485863) % ${SPAN_SECONDS})))`;
  return [
    `INSERT INTO "InspectionPlan" ("id", "name", "scope", "itemCodes", "domains", "baseRatioPpm", "stratifyBy",
       "factorsPermille", "excludeInspectedWithinDays", "yearlyCap", "teamSize", "visitFrom", "visitTo", "createdBy")
     VALUES ('bench-plan', 'bench 双随机', '{}', '{}', '{}', 20000, 'CREDIT_GRADE', '{}', 0, 1, 2,
       '2025-01-01', '2026-12-31', 'gz-bench')`,
    `INSERT INTO "Draw" ("id", "planId", "status", "parameters", "drawDay", "seedHash", "candidateListHash",
       "candidateCount", "committedBy") VALUES ('bench-draw', 'bench-plan', 'REVEALED', '{}', '2025-01-01', 'x', 'x',
       ${enterprises}, 'gz-bench')`,
    `INSERT INTO "InspectionTask" ("id", "drawId", "enterpriseUscc", "enterpriseName", "itemCodes", "domains",
       "visitFrom", "visitTo", "state", "updatedAt")
     SELECT md5('task' || n)::uuid::text, CASE WHEN n % 3 <> 0 THEN 'bench-draw' END,
       ${enterpriseOf(`((n * 7919) % ${enterprises})`)}, '示例企业',
       ARRAY[(SELECT it.code FROM bench_item it WHERE it.i = n % (SELECT count(*) FROM bench_item))],
       ARRAY[(SELECT it.domain FROM bench_item it WHERE it.i = n % (SELECT count(*) FROM bench_item))],
       (${at})::date, (${at})::date + 14,
       (CASE WHEN n % 20 = 0 THEN 'IN_PROGRESS' ELSE 'DONE' END)::"TaskState", ${at} + interval '3 days'
     FROM generate_series(0::bigint, ${tasks - 1}) AS n`,
    `INSERT INTO "TaskOfficer" ("taskId", "certificateNumber", "homeJurisdiction", "pick")
     SELECT t."id", 'BENCH-' || upper(j) || '-' || lpad(((hashtext(t."id" || j) & 2147483647) % 25000)::text, 7, '0'), j,
       CASE j WHEN 'cq' THEN 1 ELSE 2 END
     FROM "InspectionTask" t, unnest(ARRAY['cq', 'sc']) AS j`,
    `INSERT INTO "InspectionCodeCheck" ("id", "taskId", "enterpriseUscc", "valid", "reason", "checkedAt")
     SELECT md5('check' || t."id")::uuid::text, t."id", t."enterpriseUscc", hashtext(t."id") % 10 <> 0,
       CASE WHEN hashtext(t."id") % 10 = 0 THEN 'CODE_EXPIRED' END, t."updatedAt" - interval '2 days'
     FROM "InspectionTask" t WHERE (hashtext(t."id") & 2147483647) % 100 < 65`,
    `INSERT INTO "InspectionFeedback" ("id", "taskId", "enterpriseUscc", "codeShown", "teamMatched",
       "durationMinutes", "satisfaction", "submittedAt")
     SELECT md5('feedback' || t."id")::uuid::text, t."id", t."enterpriseUscc", TRUE, (hashtext(t."id") & 2147483647) % 7 <> 0,
       30 + (hashtext(t."id") & 2147483647) % 90, 1 + (hashtext(t."id" || 's') & 2147483647) % 5, t."updatedAt" + interval '1 day'
     FROM "InspectionTask" t WHERE t."state" = 'DONE' AND (hashtext(t."id") & 2147483647) % 100 < 85`,
  ];
}

/** FINE_ABOVE_RANGE / FINE_BELOW_RANGE / LENIENT_IGNORED on one decision in 16, ITEM_NOT_EMPOWERED on one in 97 */
const warningsSql = `INSERT INTO "SupervisionWarning" ("id", "kind", "severity", "message", "recordId", "recordVersion",
    "originJurisdiction", "itemCode", "match", "decision")
  SELECT md5('warning' || r."id")::uuid::text,
    (CASE WHEN h % 97 = 0 THEN 'ITEM_NOT_EMPOWERED'
      ELSE (ARRAY['FINE_ABOVE_RANGE','FINE_BELOW_RANGE','LENIENT_IGNORED'])[1 + (h / 16) % 3] END)::"WarningKind",
    'MEDIUM', 'bench', r."id", r."version", r."originJurisdiction", r."itemCode", '{}', '{}'
  FROM (SELECT *, (hashtext("id") & 2147483647) AS h FROM "EnforcementRecord" WHERE "kind" = 'PENALTY_DECISION') r
  WHERE r.h % 16 = 0 OR r.h % 97 = 0`;

/**
 * Loads into "EnforcementRecord" with its indexes (primary key included) dropped, then builds them again: a bulk
 * load maintaining seven B-trees row by row (random UUID keys) runs several times slower than one sort per index.
 */
async function withoutRecordIndexes(client: pg.Client, load: () => Promise<void>): Promise<number> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'EnforcementRecord'
     AND indexname <> 'EnforcementRecord_pkey'`,
  );
  await client.query(`ALTER TABLE "EnforcementRecord" DROP CONSTRAINT "EnforcementRecord_pkey"`);
  for (const index of rows) await client.query(`DROP INDEX "${index.indexname}"`);
  await load();
  const t0 = performance.now();
  await client.query("SET maintenance_work_mem = '256MB'"); // this session only: sorts for the index builds
  await client.query(`ALTER TABLE "EnforcementRecord" ADD CONSTRAINT "EnforcementRecord_pkey" PRIMARY KEY ("id")`);
  for (const index of rows) await client.query(index.indexdef);
  const seconds = (performance.now() - t0) / 1000;
  progress(
    `  supervision data: primary key and ${rows.length} indexes of the records built again, ${seconds.toFixed(1)} s`,
  );
  return seconds;
}

export async function generateSupervisionData(client: pg.Client, counts: SupervisionCounts): Promise<GeneratedData> {
  const seconds: Record<string, number> = {};
  const tasks = Math.max(1, Math.floor(counts.records / RECORDS_PER_TASK));
  progress(`supervision data: COPY ${counts.enterprises} enterprises (library-scale's rows) …`);
  let t0 = performance.now();
  await copyRest(client, "enterprises", 0, counts.enterprises);
  seconds.enterprises = (performance.now() - t0) / 1000;
  await client.query(`CREATE UNLOGGED TABLE bench_enterprise AS
    SELECT (row_number() OVER (ORDER BY "uscc") - 1)::int AS i, "uscc" AS uscc FROM "Enterprise"`);
  await client.query("ALTER TABLE bench_enterprise ADD PRIMARY KEY (i)");
  await client.query(`CREATE UNLOGGED TABLE bench_item AS
    SELECT (row_number() OVER (ORDER BY "code") - 1)::int AS i, "code" AS code, "domainCode" AS domain
    FROM "EnforcementItem"`);
  await client.query("ALTER TABLE bench_item ADD PRIMARY KEY (i)");
  const items = Number((await client.query("SELECT count(*) AS n FROM bench_item")).rows[0].n);
  if (items === 0) throw new Error("supervision data: no seeded EnforcementItem to name in records");
  const enterprises = Number((await client.query("SELECT count(*) AS n FROM bench_enterprise")).rows[0].n);

  progress(`supervision data: ${tasks} joint tasks, their officers, code checks and feedback …`);
  t0 = performance.now();
  for (const [k, sql] of tasksSql(enterprises, tasks).entries()) await timed(client, `tasks ${k + 1}/6`, sql);
  seconds.tasks = (performance.now() - t0) / 1000;

  progress(`supervision data: ${counts.records} records in slices of ${SLICE} …`);
  t0 = performance.now();
  const insert = recordSliceSql(enterprises, tasks);
  seconds.recordIndexes = await withoutRecordIndexes(client, async () => {
    for (let from = 0; from < counts.records; from += SLICE) {
      const to = Math.min(counts.records, from + SLICE);
      await timed(client, `records ${to}/${counts.records}`, insert, [from, to]);
    }
  });
  seconds.records = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await timed(client, "range-deviation warnings", warningsSql);
  seconds.warnings = (performance.now() - t0) / 1000;
  await client.query("DROP TABLE bench_enterprise, bench_item");
  // generated straight into the tables: the visit rollup (and its officer participations, written by the same
  // statement) is filled as the migrations' backfills fill them
  t0 = performance.now();
  await client.query(`DELETE FROM "SupervisionParticipation"`);
  await client.query(`DELETE FROM "SupervisionVisit"`);
  await timed(client, "visit rollup and its participations (backfill)", insertAllVisitRowsSql().sql);
  seconds.visitRollup = (performance.now() - t0) / 1000;
  // the visits' counters, from the visits and the register
  t0 = performance.now();
  for (const counter of VISIT_COUNTERS) {
    await client.query(`DELETE FROM "${counter.table}"`);
    const insert = insertVisitCounterRowsSql(counter);
    await timed(client, `${counter.table} (backfill)`, insert.text, insert.values);
  }
  seconds.visitCounters = (performance.now() - t0) / 1000;
  // the decision rollup likewise (after the warnings: they decide its counters)
  t0 = performance.now();
  await client.query(`DELETE FROM "SupervisionDecisionDay"`);
  await timed(client, "decision rollup (backfill)", insertDecisionDayRowsSql({ all: true }).sql);
  seconds.decisionRollup = (performance.now() - t0) / 1000;
  t0 = performance.now();
  for (const table of [
    "Enterprise",
    "EnforcementRecord",
    "InspectionTask",
    "TaskOfficer",
    "InspectionCodeCheck",
    "SupervisionVisit",
    "SupervisionDecisionDay",
    "SupervisionParticipation",
    ...VISIT_COUNTERS.map((counter) => counter.table),
  ]) {
    await client.query(`VACUUM ANALYZE "${table}"`); // one a statement: VACUUM refuses a transaction block
  }
  await client.query(`VACUUM ANALYZE "InspectionFeedback"`);
  await client.query(`VACUUM ANALYZE "SupervisionWarning"`);
  seconds.vacuumAnalyze = (performance.now() - t0) / 1000;
  const tally = await client.query(`SELECT
      (SELECT count(*) FROM "Enterprise") AS enterprises,
      (SELECT count(*) FROM "EnforcementRecord") AS records,
      (SELECT count(*) FROM "EnforcementRecord" WHERE "kind" = 'INSPECTION') AS inspections,
      (SELECT count(*) FROM "InspectionTask") AS tasks,
      (SELECT count(*) FROM "TaskOfficer") AS task_officers,
      (SELECT count(*) FROM "InspectionCodeCheck") AS code_checks,
      (SELECT count(*) FROM "InspectionFeedback") AS feedback,
      (SELECT count(*) FROM "SupervisionWarning") AS warnings,
      (SELECT count(*) FROM "SupervisionVisit") AS visits,
      (SELECT count(*) FROM "SupervisionDecisionDay") AS decision_days,
      (SELECT count(*) FROM "SupervisionParticipation") AS participations`);
  const row = tally.rows[0] as Record<string, string>;
  return {
    counts: { ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])), items },
    seconds,
  };
}
