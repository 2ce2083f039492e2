/**
 * A declared scenario for the supervision indicators (执法监督指标): a small, hand-built data set whose every
 * indicator value over 2026 was computed by hand (the comments and EXPECTED below). Loaded on an unseeded
 * database so that nothing else counts. Times are Beijing times.
 *
 * Enterprises (46): E1 A (cq A, sc A) 制造业 · E2 A (cq A, sc B) 制造业 · E3 B (cq B, sc C) 化工 ·
 *   E4 C (cq C, sc C) 化工 · E5 A (no provincial grade) 餐饮 · E6 B (cq B, sc B) 物流 ·
 *   B01…B40 B (no provincial grade) 建材.
 *   Risk colours: E1 E2 E5 E6 B01…B40 GREEN (44) · E3 YELLOW · E4 RED.
 * Officers: CQ-1 (active, certificate to 2026-06-30) · CQ-2 (active, to 2028-01-01) ·
 *   SC-1 (active, to 2026-12-31) · SC-2 (suspended, to 2026-03-01).
 *
 * Visits in 2026 (9): province records answering no task R1 R2 R3 R4 R5 R6, joint tasks T1 T2 T3.
 *   R1 cq E1 03-10 重点监管, on site, scanned              — officers CQ-1
 *   R2 sc E1 03-20 投诉举报, on site, not scanned          — SC-1   (10 days after R1: repeat cq→sc, 跨省)
 *   T2 joint E1 03-25 (its record R9 sc), no code check    — CQ-2 SC-2 (5 days after R2: repeat sc→gz)
 *   R3 cq E3 05-01 双随机, on site, scanned, published     — CQ-1 CQ-2
 *   R4 sc E4 06-01 双随机, on site, not scanned, unpublished — SC-1
 *   R5 cq E4 07-01 其他, not on site                        — CQ-2   (exactly 30 days after R4: repeat sc→cq, 跨省)
 *   R6 cq E4 08-01 重点监管, on site, not scanned           — CQ-1   (31 days after R5: no repeat)
 *   T1 joint E2 09-01 (draw D1; records R7 cq 10:00 and R8 sc 11:00: one visit), valid code check — CQ-1 SC-1
 *   T3 joint E5 10-15 (draw D1; no record, a result recorded 10-15), only an invalid code check — CQ-1 SC-2
 * Visits in 2025: R0 cq E1 2025-06-01 重点监管, on site, scanned — CQ-1.
 *
 * Penalty decisions (act → decision, fine, department, warning):
 *   P1 cq E3 SAFETY 02-01 → 02-21 (20 d) 10000 元 应急管理局 —
 *   P2 cq E4 SAFETY 03-01 → 05-30 (90 d) 50000 元 应急管理局 FINE_ABOVE_RANGE
 *   P3 sc E4 ENV    04-01 → 04-11 (10 d) no fine  生态环境局 — 首违不罚
 *   P4 sc E1 ENV    06-01 → 07-01 (30 d)  2000 元 生态环境局 FINE_BELOW_RANGE, 从轻
 *   P5 cq E5 SAFETY 08-01 → 08-06 (5 d)   1000 元 (no department) ITEM_NOT_EMPOWERED, lenientApplied (kind not said)
 *   P0 cq E3 SAFETY 2025-03-01 → 2025-03-11 20000 元 应急管理局 (the previous period)
 * Feedback: T1 satisfaction 5, T3 satisfaction 2; T2 none. Tasks T1–T3 DONE (last change 2026-11-01).
 * Quarantine: Q1 cq 2026-03-01 open · Q2 sc 2026-04-01 resolved 2026-05-01 · Q3 sc 2025-11-01 resolved 2026-01-10.
 * Sync: cq inbound reported just now (fresh), sc inbound two hours ago (stale at SYNC_STALE_AFTER_SECONDS=3600).
 */
import type { PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import { rebuildSupervisionDecisionDays } from "../../schema/supervision/decision-rollup.ts";
import { rebuildSupervisionVisits } from "../../schema/supervision/visit-rollup.ts";

const at = (beijing: string) => new Date(`${beijing}+08:00`);
const day = (date: string) => new Date(`${date}T00:00:00Z`);

export const USCC = {
  E1: "91500000SUPV00001A",
  E2: "91500000SUPV00002A",
  E3: "91500000SUPV00003A",
  E4: "91510000SUPV00004A",
  E5: "91510000SUPV00005A",
  E6: "91510000SUPV00006A",
} as const;

export const TASK = { T1: "task-supv-t1", T2: "task-supv-t2", T3: "task-supv-t3" } as const;

/** the stale-after setting the scenario's sync figure assumes */
export const SCENARIO_ENV = { SYNC_STALE_AFTER_SECONDS: "3600" };

export async function loadSupervisionScenario(prisma: PrismaClient, now: Date): Promise<void> {
  await prisma.domain.createMany({
    data: [
      { code: "SAFETY", name: "应急管理", nameEn: "Emergency management", sortOrder: 1 },
      { code: "ENV", name: "生态环境", nameEn: "Ecology and environment", sortOrder: 2 },
    ],
  });
  const item = (code: string, kind: "INSPECTION" | "PENALTY", domainCode: string) => ({
    code,
    name: code,
    kind,
    domainCode,
    cqCode: `cq-${code}`,
    cqName: code,
    scCode: `sc-${code}`,
    scName: code,
    empowermentMode: "ENTRUSTED" as const,
    actingName: "委托机关",
    scope: "行政检查",
    originalDepartment: "原部门",
    empoweredFrom: day("2020-01-01"),
  });
  await prisma.enforcementItem.createMany({
    data: [
      item("SUPV-SAF", "INSPECTION", "SAFETY"),
      item("SUPV-ENV", "INSPECTION", "ENV"),
      item("SUPV-SAFP", "PENALTY", "SAFETY"),
      item("SUPV-ENVP", "PENALTY", "ENV"),
    ],
  });
  const enterprise = (
    uscc: string,
    industry: string,
    creditGrade: "A" | "B" | "C" | "D",
    creditGradeCq: "A" | "B" | "C" | "D" | null,
    creditGradeSc: "A" | "B" | "C" | "D" | null,
  ) => ({
    uscc,
    name: `企业${uscc.slice(-4)}`,
    industry,
    registeringJurisdiction: "cq",
    creditGrade,
    creditGradeCq,
    creditGradeSc,
  });
  await prisma.enterprise.createMany({
    data: [
      enterprise(USCC.E1, "制造业", "A", "A", "A"),
      enterprise(USCC.E2, "制造业", "A", "A", "B"),
      enterprise(USCC.E3, "化工", "B", "B", "C"),
      enterprise(USCC.E4, "化工", "C", "C", "C"),
      enterprise(USCC.E5, "餐饮", "A", null, null),
      enterprise(USCC.E6, "物流", "B", "B", "B"),
      ...Array.from({ length: 40 }, (_, i) =>
        enterprise(`91500000SUPVB${String(i + 1).padStart(4, "0")}A`, "建材", "B", null, null),
      ),
    ],
  });
  const officer = (certificateNumber: string, home: string, validTo: string, status: "ACTIVE" | "SUSPENDED") => ({
    certificateNumber,
    name: certificateNumber,
    homeJurisdiction: home,
    status,
    certificateValidTo: day(validTo),
    qualifiedDomains: ["SAFETY", "ENV"],
  });
  await prisma.officer.createMany({
    data: [
      officer("CQ-1", "cq", "2026-06-30", "ACTIVE"),
      officer("CQ-2", "cq", "2028-01-01", "ACTIVE"),
      officer("SC-1", "sc", "2026-12-31", "ACTIVE"),
      officer("SC-2", "sc", "2026-03-01", "SUSPENDED"),
    ],
  });

  const plan = await prisma.inspectionPlan.create({
    data: {
      name: "2026 双随机",
      scope: {},
      itemCodes: ["SUPV-SAF", "SUPV-ENV"],
      domains: ["SAFETY", "ENV"],
      baseRatioPpm: 40_000,
      stratifyBy: "CREDIT_GRADE",
      factorsPermille: {},
      excludeInspectedWithinDays: 30,
      yearlyCap: 2,
      teamSize: 2,
      visitFrom: day("2026-08-01"),
      visitTo: day("2026-10-31"),
      createdBy: "gz-tester",
    },
  });
  const draw = await prisma.draw.create({
    data: {
      planId: plan.id,
      status: "REVEALED",
      parameters: {},
      drawDay: day("2026-07-30"),
      seedHash: "x",
      candidateListHash: "y",
      candidateCount: 46,
      selected: [USCC.E2, USCC.E5],
      committedBy: "gz-tester",
    },
  });
  const task = (id: string, uscc: string, drawId: string | null, officers: Array<[string, string]>) =>
    prisma.inspectionTask.create({
      data: {
        id,
        drawId,
        enterpriseUscc: uscc,
        enterpriseName: "企业",
        itemCodes: ["SUPV-SAF", "SUPV-ENV"],
        domains: ["SAFETY", "ENV"],
        visitFrom: day("2026-01-01"),
        visitTo: day("2026-12-31"),
        state: "DONE",
        updatedAt: at("2026-11-01T12:00:00"),
        officers: {
          create: officers.map(([certificateNumber, homeJurisdiction], i) => ({
            certificateNumber,
            homeJurisdiction,
            pick: i + 1,
          })),
        },
      },
    });
  await task(TASK.T1, USCC.E2, draw.id, [
    ["CQ-1", "cq"],
    ["SC-1", "sc"],
  ]);
  await task(TASK.T2, USCC.E1, null, [
    ["CQ-2", "cq"],
    ["SC-2", "sc"],
  ]);
  await task(TASK.T3, USCC.E5, draw.id, [
    ["CQ-1", "cq"],
    ["SC-2", "sc"],
  ]);
  await prisma.taskItemResult.create({
    data: {
      taskId: TASK.T3,
      itemCode: "SUPV-SAF",
      result: "COMPLIANT",
      recordedBy: "CQ-1",
      jurisdiction: "cq",
      recordedAt: at("2026-10-15T10:00:00"),
    },
  });
  await prisma.inspectionCodeCheck.createMany({
    data: [
      { taskId: TASK.T1, enterpriseUscc: USCC.E2, valid: true, checkedAt: at("2026-09-01T09:55:00") },
      {
        taskId: TASK.T3,
        enterpriseUscc: USCC.E5,
        valid: false,
        reason: "WRONG_ENTERPRISE",
        checkedAt: at("2026-10-15T09:00:00"),
      },
    ],
  });
  await prisma.inspectionFeedback.createMany({
    data: [
      {
        taskId: TASK.T1,
        enterpriseUscc: USCC.E2,
        codeShown: true,
        teamMatched: true,
        satisfaction: 5,
        submittedAt: at("2026-09-02T10:00:00"),
      },
      {
        taskId: TASK.T3,
        enterpriseUscc: USCC.E5,
        codeShown: false,
        teamMatched: true,
        satisfaction: 2,
        submittedAt: at("2026-10-16T10:00:00"),
      },
    ],
  });

  type Rec = Parameters<PrismaClient["enforcementRecord"]["create"]>[0]["data"];
  const inspection = (
    originId: string,
    origin: string,
    uscc: string,
    when: string,
    fields: Partial<Rec> & { taskId?: string; findings?: string },
  ): Rec => {
    const { taskId, findings, ...rest } = fields;
    return {
      kind: "INSPECTION",
      originJurisdiction: origin,
      originId,
      version: 1,
      itemCode: "SUPV-SAF",
      enterpriseUscc: uscc,
      officerCertificates: [],
      occurredAt: at(when),
      payload: { findings: findings ?? null, taskId: taskId ?? null, extra: {} },
      ...rest,
    };
  };
  const records: Rec[] = [
    inspection("R0", "cq", USCC.E1, "2025-06-01T10:00:00", {
      officerCertificates: ["CQ-1"],
      inspectionMode: "KEY_SUPERVISION",
      onSite: true,
      codeScanned: true,
      department: "应急管理局",
    }),
    inspection("R1", "cq", USCC.E1, "2026-03-10T10:00:00", {
      officerCertificates: ["CQ-1"],
      inspectionMode: "KEY_SUPERVISION",
      onSite: true,
      codeScanned: true,
      department: "应急管理局",
    }),
    inspection("R2", "sc", USCC.E1, "2026-03-20T10:00:00", {
      officerCertificates: ["SC-1"],
      itemCode: "SUPV-ENV",
      inspectionMode: "COMPLAINT",
      onSite: true,
      codeScanned: false,
      department: "生态环境局",
      findings: "举报人电话13812345678，现场核实",
    }),
    inspection("R3", "cq", USCC.E3, "2026-05-01T09:00:00", {
      officerCertificates: ["CQ-1", "CQ-2"],
      inspectionMode: "RANDOM",
      onSite: true,
      codeScanned: true,
      resultPublishedAt: at("2026-05-10T09:00:00"),
      department: "市场监管局",
    }),
    inspection("R4", "sc", USCC.E4, "2026-06-01T09:00:00", {
      officerCertificates: ["SC-1"],
      inspectionMode: "RANDOM",
      onSite: true,
      codeScanned: false,
      department: "应急管理局",
    }),
    inspection("R5", "cq", USCC.E4, "2026-07-01T09:00:00", {
      officerCertificates: ["CQ-2"],
      itemCode: "SUPV-ENV",
      inspectionMode: "OTHER",
      onSite: false,
    }),
    inspection("R6", "cq", USCC.E4, "2026-08-01T09:00:00", {
      officerCertificates: ["CQ-1"],
      inspectionMode: "KEY_SUPERVISION",
      onSite: true,
      codeScanned: false,
    }),
    inspection("R7", "cq", USCC.E2, "2026-09-01T10:00:00", {
      officerCertificates: ["CQ-1"],
      taskId: TASK.T1,
      inspectionMode: "RANDOM",
      onSite: true,
    }),
    inspection("R8", "sc", USCC.E2, "2026-09-01T11:00:00", {
      officerCertificates: ["SC-1"],
      taskId: TASK.T1,
      itemCode: "SUPV-ENV",
      onSite: true,
    }),
    inspection("R9", "sc", USCC.E1, "2026-03-25T10:00:00", {
      officerCertificates: ["SC-2"],
      taskId: TASK.T2,
      onSite: true,
    }),
  ];
  const decision = (
    originId: string,
    origin: string,
    uscc: string,
    act: string,
    decided: string,
    fineYuan: number | null,
    fields: Partial<Rec> = {},
  ): Rec => ({
    kind: "PENALTY_DECISION",
    originJurisdiction: origin,
    originId,
    version: 1,
    itemCode: "SUPV-SAFP",
    enterpriseUscc: uscc,
    officerCertificates: [origin === "cq" ? "CQ-1" : "SC-1"],
    occurredAt: at(`${act}T10:00:00`),
    decidedAt: at(`${decided}T10:00:00`),
    fineFen: fineYuan === null ? null : BigInt(fineYuan * 100),
    payload: { findings: null, taskId: null, extra: {} },
    ...fields,
  });
  records.push(
    decision("P0", "cq", USCC.E3, "2025-03-01", "2025-03-11", 20_000, { department: "应急管理局" }),
    decision("P1", "cq", USCC.E3, "2026-02-01", "2026-02-21", 10_000, { department: "应急管理局" }),
    decision("P2", "cq", USCC.E4, "2026-03-01", "2026-05-30", 50_000, { department: "应急管理局" }),
    decision("P3", "sc", USCC.E4, "2026-04-01", "2026-04-11", null, {
      itemCode: "SUPV-ENVP",
      department: "生态环境局",
      lenientKind: "FIRST_VIOLATION_EXEMPT",
    }),
    decision("P4", "sc", USCC.E1, "2026-06-01", "2026-07-01", 2_000, {
      itemCode: "SUPV-ENVP",
      department: "生态环境局",
      lenientKind: "LIGHTER",
    }),
    decision("P5", "cq", USCC.E5, "2026-08-01", "2026-08-06", 1_000, {
      payload: { findings: null, taskId: null, extra: { lenientApplied: true } },
    }),
  );
  const stored = new Map<string, string>();
  for (const data of records) stored.set(data.originId, (await prisma.enforcementRecord.create({ data })).id);
  // written straight to the tables, not through the ingest: the visit rollup is filled as a backfill fills it
  await rebuildSupervisionVisits(prisma);

  const warning = (
    originId: string,
    kind: "FINE_ABOVE_RANGE" | "FINE_BELOW_RANGE" | "ITEM_NOT_EMPOWERED",
    origin: string,
  ) => ({
    kind,
    severity: "HIGH" as const,
    message: kind,
    recordId: stored.get(originId) as string,
    recordVersion: 1,
    originJurisdiction: origin,
    match: {},
    decision: { originId },
  });
  await prisma.supervisionWarning.createMany({
    data: [
      warning("P2", "FINE_ABOVE_RANGE", "cq"),
      warning("P4", "FINE_BELOW_RANGE", "sc"),
      warning("P5", "ITEM_NOT_EMPOWERED", "cq"),
    ],
  });
  // the decisions' rollup likewise, once their warnings are written
  await rebuildSupervisionDecisionDays(prisma);

  await prisma.quarantinedRecord.createMany({
    data: [
      {
        originJurisdiction: "cq",
        source: "test",
        code: "BAD_USCC",
        reason: "x",
        payload: {},
        createdAt: at("2026-03-01T10:00:00"),
      },
      {
        originJurisdiction: "sc",
        source: "test",
        code: "BAD_USCC",
        reason: "x",
        payload: {},
        status: "REPLAYED",
        createdAt: at("2026-04-01T10:00:00"),
        resolvedAt: at("2026-05-01T10:00:00"),
      },
      {
        originJurisdiction: "sc",
        source: "test",
        code: "BAD_USCC",
        reason: "x",
        payload: {},
        status: "REPLAYED",
        createdAt: at("2025-11-01T10:00:00"),
        resolvedAt: at("2026-01-10T10:00:00"),
      },
    ],
  });
  await prisma.syncCheckpoint.createMany({
    data: [
      { id: "cq:sim:inbound", jurisdiction: "cq", direction: "inbound", lastSeenAt: now },
      {
        id: "sc:sim:inbound",
        jurisdiction: "sc",
        direction: "inbound",
        lastSeenAt: new Date(now.getTime() - 2 * 3600_000),
      },
    ],
  });
}
