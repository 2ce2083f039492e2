/**
 * The parts of a 抽查计划 beyond the draw parameters (draw-plan.ts): the visit window, the team size, the
 * yearly cap and the exclusion period. Every problem at once, as stable codes the GraphQL edge reports.
 */
import { type DrawParameters, drawParameterProblems } from "./draw-plan.ts";

export interface PlanSettings extends DrawParameters {
  itemCodes: readonly string[];
  excludeInspectedWithinDays: number;
  yearlyCap: number;
  teamSize: number;
  /** Beijing days, inclusive */
  visitFrom: Date;
  visitTo: Date;
}

/** the reasons of a refused plan (docs/errors.md); UNKNOWN_ITEM is added by the edge, which reads the catalogue */
export type PlanProblemCode =
  | "INVALID_DRAW_PARAMETERS"
  | "NO_ITEMS"
  | "TEAM_SIZE"
  | "YEARLY_CAP"
  | "EXCLUDE_DAYS"
  | "VISIT_WINDOW"
  | "UNKNOWN_ITEM";

export interface PlanProblem {
  code: PlanProblemCode;
  message: string;
}

const MAX_TEAM = 10;
const MAX_EXCLUDE_DAYS = 3650;
const MAX_WINDOW_DAYS = 92;
const DAY_MS = 86_400_000;

export function planProblems(plan: PlanSettings): PlanProblem[] {
  const problems: PlanProblem[] = drawParameterProblems(plan).map((message) => ({
    code: "INVALID_DRAW_PARAMETERS",
    message,
  }));
  if (plan.itemCodes.length === 0) problems.push({ code: "NO_ITEMS", message: "a plan checks at least one item" });
  if (!Number.isInteger(plan.teamSize) || plan.teamSize < 2 || plan.teamSize > MAX_TEAM) {
    problems.push({
      code: "TEAM_SIZE",
      message: `teamSize must be 2 to ${MAX_TEAM} (one officer of each province at least)`,
    });
  }
  if (!Number.isInteger(plan.yearlyCap) || plan.yearlyCap < 1) {
    problems.push({ code: "YEARLY_CAP", message: "yearlyCap must be a whole number of at least 1" });
  }
  const days = plan.excludeInspectedWithinDays;
  if (!Number.isInteger(days) || days < 0 || days > MAX_EXCLUDE_DAYS) {
    problems.push({ code: "EXCLUDE_DAYS", message: `excludeInspectedWithinDays must be 0 to ${MAX_EXCLUDE_DAYS}` });
  }
  const span = (plan.visitTo.getTime() - plan.visitFrom.getTime()) / DAY_MS;
  if (span < 0) problems.push({ code: "VISIT_WINDOW", message: "visitTo is before visitFrom" });
  else if (span >= MAX_WINDOW_DAYS) {
    problems.push({ code: "VISIT_WINDOW", message: `a visit window is at most ${MAX_WINDOW_DAYS} days` });
  }
  return problems;
}
