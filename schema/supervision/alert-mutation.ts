/**
 * `evaluateSupervisionAlerts` (管委会, scope supervision:write): evaluates the supervision alerts of a period on
 * demand — what the gateway's schedule does for the current month — and says how many were raised and how
 * many were already there. Idempotent: a second call over the same period raises nothing.
 */
import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { writeAudited } from "../common/write.ts";
import { formatCalendarDate } from "../scalars.ts";
import { alertSettingsOf, alertsOf, storeAlerts } from "./alert-service.ts";
import { checkPeriod, MAX_PERIOD_DAYS } from "./rules/indicators/period.ts";

const EvaluateSupervisionAlertsInput = builder.inputType("EvaluateSupervisionAlertsInput", {
  description: "评估监督预警 — the period whose indicators are measured against the alert thresholds",
  fields: (t) => ({
    from: t.field({ type: "Date", required: true, description: "起 — the first Beijing day (inclusive)" }),
    to: t.field({ type: "Date", required: true, description: "止 — the last Beijing day (inclusive)" }),
  }),
});

const EvaluateSupervisionAlertsPayload = builder
  .objectRef<{ raised: number; unchanged: number }>("EvaluateSupervisionAlertsPayload")
  .implement({
    description: "评估结果 — how many alerts this call raised, and how many were raised before (not duplicated)",
    fields: (t) => ({
      raised: t.exposeInt("raised", { description: "新增 — alerts raised by this call (each a SupervisionWarning)" }),
      unchanged: t.exposeInt("unchanged", {
        description: "已存在 — alerts that hold but were already raised for this period (left as they are)",
      }),
    }),
  });

builder.mutationFields((t) => ({
  evaluateSupervisionAlerts: t.field({
    type: EvaluateSupervisionAlertsPayload,
    description:
      "评估监督预警 — measure a period's indicators against the alert thresholds and raise REPEATED_INSPECTION, FINE_INCOME_SURGE and A_GRADE_OVER_INSPECTED warnings (管委会; docs/supervision.md)",
    authScopes: { $all: { issuer: "gz", scope: "supervision:write" } },
    args: {
      input: t.arg({ type: EvaluateSupervisionAlertsInput, required: true, description: "输入 — the period" }),
    },
    resolve: async (_root, { input }, ctx) => {
      const period = { from: formatCalendarDate(input.from), to: formatCalendarDate(input.to) };
      const refusal = checkPeriod(period);
      if (refusal === "PERIOD_REVERSED")
        throw badInput("统计期起止颠倒 — `to` is before `from`", { reason: refusal, field: "to" });
      if (refusal === "PERIOD_TOO_LONG")
        throw badInput(`统计期过长 — at most ${MAX_PERIOD_DAYS} days`, { reason: refusal, field: "to" });
      const { settings, thresholds } = alertSettingsOf(ctx.services.config, ctx.now);
      const alerts = await alertsOf(ctx.prisma, period, settings, thresholds);
      return writeAudited(ctx, async (tx) => {
        const evaluation = await storeAlerts(tx, alerts, ctx.now);
        return {
          result: { raised: evaluation.raised, unchanged: evaluation.unchanged },
          recordIds: evaluation.changes.map((c) => c.entityId),
          changes: evaluation.changes,
        };
      });
    },
  }),
}));
