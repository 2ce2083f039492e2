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
import { PenaltyCaseRef } from "./penalty-case-types.ts";
import { drawParametersOf, drawPlanOf } from "./plan-settings.ts";
import type { DrawParameters, DrawScope, DrawStratum, ExclusionReason, TeamRefusal } from "./rules/index.ts";
import type { StoredPenaltyCase } from "./task-results.ts";
import { TeamProblemRef } from "./team-problem-types.ts";

export const TaskStateEnum = builder.enumType("TaskState", {
  description: "任务状态 — PLANNED → DISPATCHED → IN_PROGRESS → DONE, or CANCELLED from any but DONE",
  values: {
    PLANNED: { description: "已计划 — planned by a draw's reveal, team formed (or teamProblems), no 执法码 yet" },
    DISPATCHED: { description: "已派单 — signed 执法码 issued; the task is on the team's platforms" },
    IN_PROGRESS: { description: "检查中 — started, or a first result recorded" },
    DONE: { description: "已完成 — every item has a result; the 执法码 no longer opens a door" },
    CANCELLED: { description: "已取消 — cancelled before done; its 执法码 is revoked" },
  } as const,
});
export const ItemResultEnum = builder.enumType("ItemResult", {
  description: "检查结果 — an item's result at the visit",
  values: {
    COMPLIANT: { description: "合规 — no violation found" },
    NON_COMPLIANT: { description: "不合规 — a violation found; may open a penalty case (立案)" },
  } as const,
});
export const DrawStatusEnum = builder.enumType("DrawStatus", {
  description: "抽取状态 — the two public steps of a draw (一公开)",
  values: {
    COMMITTED: { description: "已承诺 — hashes of the seed and the candidate list published; the seed is secret" },
    REVEALED: { description: "已揭晓 — the seed, the strata and the selection published; tasks planned" },
  } as const,
});

export const ExclusionReasonEnum = builder.enumType("ExclusionReason", {
  description: "排除原因 — why a candidate is left out of a draw (it stays in the published list)",
  values: {
    RECENTLY_INSPECTED: { description: "近期已检查 — inspected on one of the plan's last N days" },
    YEARLY_CAP_REACHED: { description: "已达年度检查上限 — the plan's yearly cap of visits is reached" },
  } as const,
});

export const StratifyByEnum = builder.enumType("StratifyBy", {
  description: "分层依据 — what a draw stratifies candidates by, besides their industry",
  values: {
    CREDIT_GRADE: { description: "信用等级 — the credit grade A–D of the registering province" },
    RISK_COLOUR: { description: "风险颜色 — the combined 红/黄/绿 colour of both provinces' grades" },
  } as const,
});

const RISK_CLASSES = ["A", "B", "C", "D", "GREEN", "YELLOW", "RED"] as const;
type RiskClass = (typeof RISK_CLASSES)[number];

export const RiskClassEnum = builder.enumType("RiskClass", {
  description:
    "风险等级 — a candidate's class in a draw: a credit grade (CREDIT_GRADE) or a risk colour (RISK_COLOUR), lowest risk first",
  values: {
    A: { description: "A级 — credit grade A (best)" },
    B: { description: "B级 — credit grade B; also an enterprise without any grade" },
    C: { description: "C级 — credit grade C" },
    D: { description: "D级 — credit grade D (worst)" },
    GREEN: { description: "绿 — low risk: no C or D grade" },
    YELLOW: { description: "黄 — medium risk: a C grade in one province" },
    RED: { description: "红 — high risk: a D grade, or C in both provinces" },
  } as const,
});

/** a stored risk class as the enum: the draw rules write only these seven */
export function riskClassOf(value: string): RiskClass {
  const found = RISK_CLASSES.find((c) => c === value);
  if (!found) throw new Error(`Unknown risk class ${value}`);
  return found;
}

const RiskFactorRef = builder.objectRef<{ riskClass: string; permille: number }>("RiskFactor").implement({
  description: "风险系数 — per risk class: how many times the base ratio, in thousandths (500 = ×0.5)",
  fields: (t) => ({
    riskClass: t.field({
      type: RiskClassEnum,
      description: "风险等级 — the class the factor applies to",
      resolve: (f) => riskClassOf(f.riskClass),
    }),
    permille: t.exposeInt("permille", { description: "系数 — thousandths of the base ratio: 500 = ×0.5" }),
  }),
});

const factorsOf = (parameters: DrawParameters) =>
  Object.entries(parameters.factorsPermille).map(([riskClass, permille]) => ({ riskClass, permille }));

const PlanScopeRef = builder.objectRef<DrawScope>("PlanScope").implement({
  description: "抽查范围 — which enterprises are candidates; an empty list = no restriction on that field",
  fields: (t) => ({
    parks: t.stringList({
      description: "园区 — only enterprises in these parks",
      resolve: (s) => [...(s.parks ?? [])],
    }),
    towns: t.stringList({
      description: "镇街 — only enterprises in these towns",
      resolve: (s) => [...(s.towns ?? [])],
    }),
    industries: t.stringList({
      description: "行业 — only enterprises of these industries",
      resolve: (s) => [...(s.industries ?? [])],
    }),
  }),
});

const DrawParametersRef = builder.objectRef<DrawParameters>("DrawParameters").implement({
  description: "抽取参数 — what the sampling depends on, integers only so anyone recomputes the counts exactly",
  fields: (t) => ({
    baseRatioPpm: t.exposeInt("baseRatioPpm", { description: "抽查比例 — parts per million: 10000 = 1 %" }),
    stratifyBy: t.field({
      type: StratifyByEnum,
      description: "分层依据 — credit grade or risk colour",
      resolve: (p) => p.stratifyBy,
    }),
    factors: t.field({
      type: [RiskFactorRef],
      description: "风险系数 — one per risk class of stratifyBy",
      resolve: factorsOf,
    }),
  }),
});

export const InspectionPlanRef = builder.prismaNode("InspectionPlan", {
  id: { field: "id" },
  // an id of nothing reads as null, not as an error
  nullable: true,
  description: "抽查计划 — scope, ratio, grade factors, exclusions, cap, items and the visit window",
  fields: (t) => ({
    name: t.exposeString("name", { description: "计划名称 — as the committee named it" }),
    scope: t.field({
      type: PlanScopeRef,
      description: "抽查范围 — which enterprises are candidates",
      resolve: (p) => drawPlanOf(p).scope,
    }),
    itemCodes: t.exposeStringList("itemCodes", {
      description: "检查事项 — unified codes of the items checked at every drawn enterprise, in one visit",
    }),
    domains: t.exposeStringList("domains", { description: "every team member is qualified for all of these" }),
    baseRatioPpm: t.exposeInt("baseRatioPpm", { description: "parts per million: 10000 = 1 %" }),
    stratifyBy: t.field({
      type: StratifyByEnum,
      description: "分层依据 — credit grade or risk colour",
      resolve: (p) => drawParametersOf(p).stratifyBy,
    }),
    factors: t.field({
      type: [RiskFactorRef],
      description: "风险系数 — one per risk class of stratifyBy",
      resolve: (p) => factorsOf(drawParametersOf(p)),
    }),
    excludeInspectedWithinDays: t.exposeInt("excludeInspectedWithinDays", {
      description: "近期检查排除 — enterprises inspected on one of the last N days are left out (0: none)",
    }),
    yearlyCap: t.exposeInt("yearlyCap", { description: "同一企业年度检查频次上限" }),
    teamSize: t.exposeInt("teamSize", { description: "检查组人数 — officers per team, at least one of each province" }),
    visitFrom: t.expose("visitFrom", { description: "检查开始日 — first visit day (inclusive)", type: "Date" }),
    visitTo: t.expose("visitTo", { description: "检查截止日 — last visit day (inclusive)", type: "Date" }),
    createdAt: t.expose("createdAt", { description: "创建时间 — when the plan was stored", type: "DateTime" }),
    draws: t.relation("draws", {
      description: "抽取 — the draws committed for this plan, oldest first",
      query: { orderBy: { committedAt: "asc" } },
    }),
  }),
});

const StratumRef = builder.objectRef<DrawStratum>("DrawStratum").implement({
  description: "one (industry, risk class) stratum: its eligible population, exclusions, count and selection",
  fields: (t) => ({
    key: t.exposeString("key", { description: "分层键 — industry/riskClass" }),
    industry: t.exposeString("industry", { description: "行业 — the stratum's industry (未登记行业 when unknown)" }),
    riskClass: t.field({
      type: RiskClassEnum,
      description: "风险等级 — the stratum's risk class",
      resolve: (s) => riskClassOf(s.riskClass),
    }),
    population: t.exposeInt("population", {
      description: "可抽企业数 — eligible candidates n (excluded ones not counted)",
    }),
    excluded: t.exposeInt("excluded", {
      description: "排除数 — candidates of the stratum left out (recently inspected, yearly cap)",
    }),
    count: t.exposeInt("count", { description: "抽取数 — k, the enterprises selected in the stratum" }),
    selected: t.exposeStringList("selected", { description: "USCCs in rank order" }),
  }),
});

const DrawCandidateRef = builder.prismaObject("DrawCandidate", {
  description: "a frozen candidate: public fields only, eligible or excluded with the reason",
  fields: (t) => ({
    uscc: t.exposeString("uscc", { description: "统一社会信用代码 — the candidate's USCC" }),
    name: t.exposeString("name", { description: "企业名称 — public name" }),
    park: t.exposeString("park", { description: "园区 — null when not recorded", nullable: true }),
    town: t.exposeString("town", { description: "镇街 — null when not recorded", nullable: true }),
    industry: t.exposeString("industry", { description: "行业 — 未登记行业 when unknown" }),
    riskClass: t.field({
      type: RiskClassEnum,
      description: "风险等级 — the class it was drawn in",
      resolve: (c) => riskClassOf(c.riskClass),
    }),
    excluded: t.field({
      type: ExclusionReasonEnum,
      nullable: true,
      description: "排除原因 — null when eligible",
      resolve: (c) => c.excluded as ExclusionReason | null,
    }),
  }),
});

export const DrawRef = builder.prismaNode("Draw", {
  id: { field: "id" },
  // an id of nothing reads as null, not as an error
  nullable: true,
  description: "双随机 draw — committed (hashes), then revealed (seed, selection); recompute it with verifyDraw",
  fields: (t) => ({
    plan: t.relation("plan", { description: "抽查计划 — the plan drawn for" }),
    status: t.expose("status", { description: "抽取状态 — committed or revealed", type: DrawStatusEnum }),
    drawDay: t.expose("drawDay", {
      description: "抽取日 — the Beijing day of the commit: exclusions and caps count up to it",
      type: "Date",
    }),
    parameters: t.field({
      type: DrawParametersRef,
      description:
        "抽取参数 — the plan's sampling parameters as frozen at the commit (verifyDraw recomputes with them)",
      resolve: (d) => d.parameters as unknown as DrawParameters,
    }),
    seedHash: t.exposeString("seedHash", { description: "SHA-256 of the seed bytes, published at the commit" }),
    seed: t.string({
      nullable: true,
      description: "the seed, 64 hex characters — null until the reveal",
      resolve: revealedSeed,
    }),
    candidateListHash: t.exposeString("candidateListHash", {
      description:
        "候选名单哈希 — SHA-256 of the canonical candidate lines, published at the commit (docs/draw-verification.md)",
    }),
    candidateCount: t.exposeInt("candidateCount", {
      description: "候选企业数 — frozen candidates, excluded ones included",
    }),
    strata: t.field({
      description:
        "分层 — per (industry, risk class): population, exclusions, count and selection; empty until the reveal",
      type: [StratumRef],
      resolve: (d) => (d.strata as DrawStratum[] | null) ?? [],
    }),
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
        description: "候选企业 — the frozen candidate list, by uscc; the excluded ones with their reason",
        args: {
          excludedOnly: t.arg.boolean({
            required: false,
            description: "仅排除 — true: only the candidates left out, with why",
          }),
        },
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
    committedAt: t.expose("committedAt", {
      description: "承诺时间 — when the hashes were published",
      type: "DateTime",
    }),
    revealedAt: t.expose("revealedAt", {
      description: "揭晓时间 — when the seed was revealed; null until then",
      type: "DateTime",
      nullable: true,
    }),
  }),
});

builder.prismaObject("TaskOfficer", {
  description: "a team member",
  fields: (t) => ({
    certificateNumber: t.exposeString("certificateNumber", {
      description: "执法证号 — the member's certificate number",
    }),
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
    itemCode: t.exposeString("itemCode", { description: "检查事项 — the item's unified code" }),
    result: t.expose("result", { description: "检查结果 — compliant or not", type: ItemResultEnum }),
    findings: t.string({
      nullable: true,
      description: "检查情况 (free text); personal data masked outside the recording province (gz needs pii:read)",
      resolve: (r, _a, ctx) =>
        r.findings === null || seesPersonalDataInClear(ctx.caller, r.jurisdiction)
          ? r.findings
          : maskPersonalText(r.findings),
    }),
    recordedBy: t.exposeString("recordedBy", {
      description: "记录人 — certificate number of the team member it is recorded under",
    }),
    jurisdiction: t.field({
      type: JurisdictionEnum,
      description: "辖区 — the province whose platform recorded it",
      resolve: (r) => jurisdictionOf(r.jurisdiction),
    }),
    penaltyCase: t.field({
      type: PenaltyCaseRef,
      nullable: true,
      description:
        "立案 — the penalty case a NON_COMPLIANT result opened (its lawful range, tier, citations); else null",
      resolve: (r) => r.penaltyCase as StoredPenaltyCase | null,
    }),
    recordedAt: t.expose("recordedAt", { description: "记录时间 — when the gateway stored it", type: "DateTime" }),
  }),
});

export const InspectionTaskRef = builder.prismaNode("InspectionTask", {
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
    enterpriseUscc: t.exposeString("enterpriseUscc", { description: "统一社会信用代码 — the enterprise visited" }),
    enterpriseName: t.exposeString("enterpriseName", { description: "企业名称 — the enterprise visited" }),
    itemCodes: t.exposeStringList("itemCodes", {
      description: "检查事项 — every item checked in the one visit (综合查一次)",
    }),
    domains: t.exposeStringList("domains", {
      description: "执法领域 — the items' domains: every member is qualified for all of them",
    }),
    visitFrom: t.expose("visitFrom", {
      description: "检查开始日 — first visit day (inclusive); the 执法码 is valid from its Beijing midnight",
      type: "Date",
    }),
    visitTo: t.expose("visitTo", {
      description: "检查截止日 — last visit day (inclusive); the 执法码 expires at its end",
      type: "Date",
    }),
    state: t.expose("state", { description: "任务状态 — where the task stands", type: TaskStateEnum }),
    officers: t.relation("officers", {
      description:
        "检查组 — the team, in pick order (Chongqing pick, Sichuan pick, then anyone); empty when teamProblems",
      query: { orderBy: { pick: "asc" } },
    }),
    teamProblems: t.field({
      type: [TeamProblemRef],
      description: "组队问题 — why no valid team exists (then it cannot be dispatched); empty when the team is formed",
      resolve: (task) => (task.teamProblems as TeamRefusal[] | null) ?? [],
    }),
    inspectionCode: t.exposeString("inspectionCode", {
      nullable: true,
      description: "执法码 — compact JWS by the committee's key, shown as a QR code at the door",
    }),
    codeRevoked: t.boolean({
      description: "执法码已吊销 — true once revoked or cancelled",
      resolve: (task) => task.codeRevokedAt !== null,
    }),
    codeRevokedReason: t.exposeString("codeRevokedReason", {
      description: "吊销原因 — null unless revoked",
      nullable: true,
    }),
    results: t.relation("results", {
      description: "检查结果 — one per item recorded so far, by item code",
      query: { orderBy: { itemCode: "asc" } },
    }),
    version: t.exposeInt("version", { description: "版本 — bumped by every change; the change stream carries it" }),
    updatedAt: t.expose("updatedAt", { description: "更新时间 — the last change", type: "DateTime" }),
  }),
});

builder.prismaObject("OfficerConflict", {
  description: "回避 — an officer's declared conflict with an enterprise; never on a team there",
  fields: (t) => ({
    certificateNumber: t.exposeString("certificateNumber", {
      description: "执法证号 — the officer who must stay away",
    }),
    enterpriseUscc: t.exposeString("enterpriseUscc", { description: "统一社会信用代码 — the enterprise concerned" }),
    reason: t.exposeString("reason", { description: "回避原因 — as declared" }),
    declaredAt: t.expose("declaredAt", { description: "申报时间 — when declared", type: "DateTime" }),
  }),
});
