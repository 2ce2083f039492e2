/**
 * `supervisionIndicators` and `supervisionTrend` (scope `read`), and each indicator's drill-down to its
 * records. The committee (gz) reads every jurisdiction; a province reads only its own: its jurisdiction is
 * the default, and another's is refused (FORBIDDEN_JURISDICTION).
 */
import type { GatewayContext } from "../../gateway/context.ts";
import { badInput, forbidden } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { cappedCount, sharedConnection } from "../common/connection-types.ts";
import type { Jurisdiction } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { formatCalendarDate } from "../scalars.ts";
import { recordsBehind } from "./indicator-records.ts";
import type { IndicatorScope } from "./indicator-scope.ts";
import { type IndicatorSettings, supervisionIndicators, supervisionTrend } from "./indicator-service.ts";
import { IndicatorCodeEnum, IndicatorPeriodValueRef, SupervisionIndicatorRef } from "./indicator-types.ts";
import { INDICATOR_CODES } from "./rules/indicators/catalogue.ts";
import { checkPeriod, MAX_PERIOD_DAYS } from "./rules/indicators/period.ts";

interface ScopeArgs {
  from: Date;
  to: Date;
  jurisdiction?: Jurisdiction | null;
  domain?: string | null;
}

const settingsOf = (ctx: GatewayContext): IndicatorSettings => ({
  repeatWindowDays: ctx.services.config.supervision.repeatWindowDays,
  staleAfterSeconds: ctx.services.config.sync.staleAfterSeconds,
  now: ctx.now,
});

/** the scope a caller may ask for: gz anything, a province its own (the default) */
function scopeOf(ctx: GatewayContext, args: ScopeArgs): IndicatorScope {
  const issuer = ctx.caller?.issuer ?? null;
  const asked = args.jurisdiction ?? null;
  if (issuer !== "gz" && asked !== null && asked !== issuer) {
    throw forbidden(`一个省只能查看本省的监督指标 — a province reads only its own indicators, not ${asked}`, {
      reason: "FORBIDDEN_JURISDICTION",
    });
  }
  const period = { from: formatCalendarDate(args.from), to: formatCalendarDate(args.to) };
  const refusal = checkPeriod(period);
  if (refusal === "PERIOD_REVERSED") {
    throw badInput("统计期起止颠倒 — `to` is before `from`", { reason: refusal, field: "to" });
  }
  if (refusal === "PERIOD_TOO_LONG") {
    throw badInput(`统计期过长 — at most ${MAX_PERIOD_DAYS} days`, { reason: refusal, field: "to" });
  }
  const domain = args.domain?.trim() || null;
  return { period, jurisdiction: issuer === "gz" ? asked : (issuer as Jurisdiction), domain };
}

builder.queryFields((t) => {
  const scopeArgs = {
    from: t.arg({ type: "Date", required: true, description: "起 — the first Beijing day (inclusive)" }),
    to: t.arg({
      type: "Date",
      required: true,
      description: "止 — the last Beijing day (inclusive); at most 3 years after `from`",
    }),
    jurisdiction: t.arg({
      type: JurisdictionEnum,
      required: false,
      description:
        "辖区 — gz: null = both provinces and the committee; a province: its own (the default), never another's",
    }),
    domain: t.arg.string({ required: false, description: "执法领域 — a domain code: only that domain's items" }),
  };
  return {
    supervisionIndicators: t.field({
      type: [SupervisionIndicatorRef],
      description:
        "执法监督指标 — the supervision indicators over a period, each with its previous period, target, status, breakdowns and records (docs/supervision.md)",
      authScopes: { scope: "read" },
      args: {
        ...scopeArgs,
        codes: t.arg({
          type: [IndicatorCodeEnum],
          required: false,
          description: "指标 — which indicators (default: all, in catalogue order)",
        }),
      },
      resolve: (_root, args, ctx) =>
        supervisionIndicators(ctx.prisma, scopeOf(ctx, args), args.codes ?? [...INDICATOR_CODES], settingsOf(ctx)),
    }),
    supervisionTrend: t.field({
      type: [IndicatorPeriodValueRef],
      description:
        "指标趋势 — one indicator per calendar month (Beijing) of the period, each month cut to the period; for charts",
      authScopes: { scope: "read" },
      args: { ...scopeArgs, code: t.arg({ type: IndicatorCodeEnum, required: true, description: "指标代码" }) },
      resolve: (_root, args, ctx) => supervisionTrend(ctx.prisma, scopeOf(ctx, args), args.code, settingsOf(ctx)),
    }),
  };
});

builder.objectField(SupervisionIndicatorRef, "records", (t) =>
  t.prismaConnection(
    {
      type: "EnforcementRecord",
      cursor: "originJurisdiction_originId",
      description:
        "下钻 — the records behind the numerator, paged and masked as `records` is; an empty list for indicators that count no records (FEEDBACK_RATE, SATISFACTION, CERTIFICATES_EXPIRING, QUARANTINE_BACKLOG, SYNC_HEALTH). Lists built from visits (JOINT_VISIT_RATE, A_GRADE_INSPECTION_RATE, REPEATED_INSPECTIONS) hold at most 10000 records",
      totalCount: async (indicator, _args, ctx) =>
        cappedCount(
          ctx.prisma.enforcementRecord,
          await recordsBehind(ctx.prisma, indicator.code, indicator.scope, settingsOf(ctx).repeatWindowDays),
        ),
      resolve: async (query, indicator, _args, ctx) =>
        ctx.prisma.enforcementRecord.findMany({
          ...query,
          where: await recordsBehind(ctx.prisma, indicator.code, indicator.scope, settingsOf(ctx).repeatWindowDays),
          orderBy: [{ originJurisdiction: "asc" }, { originId: "asc" }],
        }),
    },
    sharedConnection("EnforcementRecord", "执法记录 — an enforcement record", { cappedCount: true }),
  ),
);
