/**
 * Joint dispatch as GraphQL types. A draw is public to every reader (一公开): its candidates carry only
 * public fields, and its seed is shown only once revealed. Tasks are filtered per caller (task-viewer.ts).
 */
import { builder } from "../builder.ts";
import { connectionTypes } from "../common/connection-types.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { encodeGlobalId } from "../common/node-access.ts";
import { maskPersonalText } from "../libraries/rules/mask-personal-data.ts";
import { seesPersonalDataInClear } from "../libraries/rules/personal-data.ts";
import { revealedSeed } from "./draw-store.ts";
import type { DrawStratum, ExclusionReason } from "./rules/index.ts";

export const TaskStateEnum = builder.enumType("TaskState", {
  description: "PLANNED → DISPATCHED → IN_PROGRESS → DONE, or CANCELLED from any but DONE",
  values: ["PLANNED", "DISPATCHED", "IN_PROGRESS", "DONE", "CANCELLED"] as const,
});
export const ItemResultEnum = builder.enumType("ItemResult", {
  description: "检查结果 — 合规 / 不合规",
  values: ["COMPLIANT", "NON_COMPLIANT"] as const,
});
export const DrawStatusEnum = builder.enumType("DrawStatus", {
  description: "COMMITTED: hashes published, seed secret · REVEALED: seed and selection published",
  values: ["COMMITTED", "REVEALED"] as const,
});

export const ExclusionReasonEnum = builder.enumType("ExclusionReason", {
  description: "排除原因 — why a candidate is left out of a draw (it stays in the published list)",
  values: {
    RECENTLY_INSPECTED: { description: "近期已检查 — inspected on one of the plan's last N days" },
    YEARLY_CAP_REACHED: { description: "已达年度检查上限 — the plan's yearly cap of visits is reached" },
  } as const,
});

const RiskFactorRef = builder.objectRef<{ riskClass: string; permille: number }>("RiskFactor").implement({
  description: "per risk class: how many times the base ratio, in thousandths (500 = ×0.5)",
  fields: (t) => ({ riskClass: t.exposeString("riskClass"), permille: t.exposeInt("permille") }),
});

builder.prismaNode("InspectionPlan", {
  id: { field: "id" },
  // an id of nothing reads as null, not as an error
  nullable: true,
  description: "抽查计划 — scope, ratio, grade factors, exclusions, cap, items and the visit window",
  fields: (t) => ({
    name: t.exposeString("name"),
    scope: t.expose("scope", { type: "JSON", description: "{ parks, towns, industries } — empty = all" }),
    itemCodes: t.exposeStringList("itemCodes"),
    domains: t.exposeStringList("domains", { description: "every team member is qualified for all of these" }),
    baseRatioPpm: t.exposeInt("baseRatioPpm", { description: "parts per million: 10000 = 1 %" }),
    stratifyBy: t.exposeString("stratifyBy", { description: "CREDIT_GRADE | RISK_COLOUR" }),
    factors: t.field({
      type: [RiskFactorRef],
      resolve: (p) =>
        Object.entries(p.factorsPermille as Record<string, number>).map(([riskClass, permille]) => ({
          riskClass,
          permille,
        })),
    }),
    excludeInspectedWithinDays: t.exposeInt("excludeInspectedWithinDays"),
    yearlyCap: t.exposeInt("yearlyCap", { description: "同一企业年度检查频次上限" }),
    teamSize: t.exposeInt("teamSize"),
    visitFrom: t.expose("visitFrom", {
      type: "Date",
      description: "检查窗口起 — first day of the visit window (inclusive)",
    }),
    visitTo: t.expose("visitTo", {
      type: "Date",
      description: "检查窗口止 — last day of the visit window (inclusive)",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    draws: t.relation("draws", { query: { orderBy: { committedAt: "asc" } } }),
  }),
});

const StratumRef = builder.objectRef<DrawStratum>("DrawStratum").implement({
  description: "one (industry, risk class) stratum: its eligible population, exclusions, count and selection",
  fields: (t) => ({
    key: t.exposeString("key"),
    industry: t.exposeString("industry"),
    riskClass: t.exposeString("riskClass"),
    population: t.exposeInt("population"),
    excluded: t.exposeInt("excluded"),
    count: t.exposeInt("count"),
    selected: t.exposeStringList("selected", { description: "USCCs in rank order" }),
  }),
});

const DrawCandidateRef = builder.prismaObject("DrawCandidate", {
  description: "a frozen candidate: public fields only, eligible or excluded with the reason",
  fields: (t) => ({
    uscc: t.exposeString("uscc"),
    name: t.exposeString("name"),
    park: t.exposeString("park", { nullable: true }),
    town: t.exposeString("town", { nullable: true }),
    industry: t.exposeString("industry"),
    riskClass: t.exposeString("riskClass"),
    excluded: t.field({
      type: ExclusionReasonEnum,
      nullable: true,
      description: "排除原因 — null when eligible",
      resolve: (c) => c.excluded as ExclusionReason | null,
    }),
  }),
});

builder.prismaNode("Draw", {
  id: { field: "id" },
  // an id of nothing reads as null, not as an error
  nullable: true,
  description: "双随机 draw — committed (hashes), then revealed (seed, selection); recompute it with verifyDraw",
  fields: (t) => ({
    plan: t.relation("plan"),
    status: t.expose("status", { type: DrawStatusEnum }),
    drawDay: t.expose("drawDay", { type: "Date" }),
    parameters: t.expose("parameters", { type: "JSON", description: "baseRatioPpm, stratifyBy, factorsPermille" }),
    seedHash: t.exposeString("seedHash", { description: "SHA-256 of the seed bytes, published at the commit" }),
    seed: t.string({
      nullable: true,
      description: "the seed, 64 hex characters — null until the reveal",
      resolve: revealedSeed,
    }),
    candidateListHash: t.exposeString("candidateListHash"),
    candidateCount: t.exposeInt("candidateCount"),
    strata: t.field({ type: [StratumRef], resolve: (d) => (d.strata as DrawStratum[] | null) ?? [] }),
    selected: t.exposeStringList("selected", { description: "every selected USCC, in USCC order" }),
    selectedCandidates: t.field({
      type: [DrawCandidateRef],
      description:
        "抽中企业 — the selected candidates with their public fields, in USCC order (empty until the reveal)",
      resolve: (d, _a, ctx) =>
        ctx.prisma.drawCandidate.findMany({
          where: { drawId: d.id, uscc: { in: d.selected } },
          orderBy: { uscc: "asc" },
        }),
    }),
    candidates: t.relatedConnection(
      "candidates",
      {
        cursor: "drawId_uscc",
        totalCount: true,
        args: { excludedOnly: t.arg.boolean({ required: false }) },
        query: (args) => ({
          where: args.excludedOnly ? { excluded: { not: null } } : {},
          orderBy: { uscc: "asc" },
        }),
      },
      ...connectionTypes("DrawCandidate", "抽取候选企业 — a candidate of a draw"),
    ),
    atYearlyCap: t.stringList({
      description: "enterprises left out because they reached the plan's yearly cap",
      resolve: async (d, _a, ctx) =>
        (
          await ctx.prisma.drawCandidate.findMany({
            where: { drawId: d.id, excluded: "YEARLY_CAP_REACHED" },
            select: { uscc: true },
            orderBy: { uscc: "asc" },
          })
        ).map((c) => c.uscc),
    }),
    committedAt: t.expose("committedAt", { type: "DateTime" }),
    revealedAt: t.expose("revealedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.prismaObject("TaskOfficer", {
  description: "a team member",
  fields: (t) => ({
    certificateNumber: t.exposeString("certificateNumber"),
    homeJurisdiction: t.field({
      type: JurisdictionEnum,
      description: "所属辖区 — the province that issued the member's 执法证",
      resolve: (o) => jurisdictionOf(o.homeJurisdiction),
    }),
    pick: t.exposeInt("pick", { description: "1 = the Chongqing pick, 2 = the Sichuan pick, 3… anyone" }),
  }),
});

builder.prismaObject("TaskItemResult", {
  description: "an item's result, recorded from an officer's platform",
  fields: (t) => ({
    itemCode: t.exposeString("itemCode"),
    result: t.expose("result", { type: ItemResultEnum }),
    findings: t.string({
      nullable: true,
      description: "检查情况 (free text); personal data masked outside the recording province (gz needs pii:read)",
      resolve: (r, _a, ctx) =>
        r.findings === null || seesPersonalDataInClear(ctx.caller, r.jurisdiction)
          ? r.findings
          : maskPersonalText(r.findings),
    }),
    recordedBy: t.exposeString("recordedBy"),
    jurisdiction: t.field({
      type: JurisdictionEnum,
      description: "辖区 — the province whose platform recorded it",
      resolve: (r) => jurisdictionOf(r.jurisdiction),
    }),
    penaltyCase: t.expose("penaltyCase", {
      type: "JSON",
      nullable: true,
      description: "the discretion matched for the case it opened: outcome, range (fen), tier, citations",
    }),
    penaltyRangeYuan: t.field({
      type: ["Yuan"],
      nullable: true,
      description: "[min, max] in yuan of the case's lawful fine, when it has one",
      resolve: (r) => {
        const range = (r.penaltyCase as { range?: { minFen: number; maxFen: number } | null } | null)?.range;
        return range ? [range.minFen, range.maxFen] : null;
      },
    }),
    recordedAt: t.expose("recordedAt", { type: "DateTime" }),
  }),
});

builder.prismaNode("InspectionTask", {
  id: { field: "id" },
  // an id of nothing reads as null, not as an error
  nullable: true,
  description: "联合检查任务 — one visit (综合查一次) to one enterprise by a mixed team",
  fields: (t) => ({
    drawId: t.id({
      nullable: true,
      description: "抽取 — 全局ID of the draw that planned it (the Draw's `id`); null for a task planned by hand",
      resolve: (task) => task.drawId && encodeGlobalId("Draw", task.drawId),
    }),
    enterpriseUscc: t.exposeString("enterpriseUscc"),
    enterpriseName: t.exposeString("enterpriseName"),
    itemCodes: t.exposeStringList("itemCodes"),
    domains: t.exposeStringList("domains"),
    visitFrom: t.expose("visitFrom", {
      type: "Date",
      description: "检查窗口起 — first day of the visit window (inclusive)",
    }),
    visitTo: t.expose("visitTo", {
      type: "Date",
      description: "检查窗口止 — last day of the visit window (inclusive)",
    }),
    state: t.expose("state", { type: TaskStateEnum }),
    officers: t.relation("officers", { query: { orderBy: { pick: "asc" } } }),
    teamProblems: t.expose("teamProblems", {
      type: "JSON",
      nullable: true,
      description: "why no valid team exists (codes such as NO_SICHUAN_OFFICER_QUALIFIED_FOR)",
    }),
    inspectionCode: t.exposeString("inspectionCode", {
      nullable: true,
      description: "执法码 — compact JWS by the committee's key, shown as a QR code at the door",
    }),
    codeRevoked: t.boolean({ resolve: (task) => task.codeRevokedAt !== null }),
    codeRevokedReason: t.exposeString("codeRevokedReason", { nullable: true }),
    results: t.relation("results", { query: { orderBy: { itemCode: "asc" } } }),
    version: t.exposeInt("version"),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("OfficerConflict", {
  description: "回避 — an officer's declared conflict with an enterprise; never on a team there",
  fields: (t) => ({
    certificateNumber: t.exposeString("certificateNumber"),
    enterpriseUscc: t.exposeString("enterpriseUscc"),
    reason: t.exposeString("reason"),
    declaredAt: t.expose("declaredAt", { type: "DateTime" }),
  }),
});
