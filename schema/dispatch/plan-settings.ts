/** A stored InspectionPlan as the pure rules take it. */
import type { InspectionPlan } from "../../gateway/db/generated/prisma/client.ts";
import type { DrawParameters, DrawPlan, DrawScope, StratifyBy } from "./rules/index.ts";

export function drawParametersOf(plan: InspectionPlan): DrawParameters {
  return {
    baseRatioPpm: plan.baseRatioPpm,
    stratifyBy: plan.stratifyBy as StratifyBy,
    factorsPermille: plan.factorsPermille as Record<string, number>,
  };
}

export function drawPlanOf(plan: InspectionPlan): DrawPlan {
  return {
    ...drawParametersOf(plan),
    scope: plan.scope as DrawScope,
    excludeInspectedWithinDays: plan.excludeInspectedWithinDays,
  };
}
