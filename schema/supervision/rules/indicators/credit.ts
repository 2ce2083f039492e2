/**
 * A_GRADE_INSPECTION_RATE A级企业被检查率 = A-grade enterprises visited in the period / A-grade enterprises.
 * The grade is the enterprise's combined `creditGrade` (the registering jurisdiction's); the breakdowns give
 * the same rate per credit grade and per risk colour (schema/libraries/rules/risk-colour.ts, applied to
 * the grouped grades, so the colour rule has one home).
 */
import {
  CREDIT_GRADES,
  type GradesOfEnterprise,
  RISK_COLOURS,
  riskColour,
} from "../../../libraries/rules/risk-colour.ts";
import { RISK_COLOUR_LABELS, UNKNOWN_LABEL } from "./labels.ts";
import { type Measure, rateMeasure, rateSlice, sumBy } from "./measure.ts";

/** enterprises grouped by their three grades, with how many of them were visited */
export interface GradeGroupRow extends GradesOfEnterprise {
  enterprises: number;
  inspected: number;
}

export function aGradeInspectionRate(rows: readonly GradeGroupRow[]): Measure {
  const gradeKey = (r: GradeGroupRow) => r.creditGrade ?? "NONE";
  const enterprisesByGrade = sumBy(rows, gradeKey, (r) => r.enterprises);
  const inspectedByGrade = sumBy(rows, gradeKey, (r) => r.inspected);
  const enterprisesByColour = sumBy(rows, riskColour, (r) => r.enterprises);
  const inspectedByColour = sumBy(rows, riskColour, (r) => r.inspected);
  const grades = [...CREDIT_GRADES, "NONE"].filter((g) => enterprisesByGrade.has(g));
  const colours = RISK_COLOURS.filter((c) => enterprisesByColour.has(c));
  return rateMeasure(inspectedByGrade.get("A") ?? 0, enterprisesByGrade.get("A") ?? 0, [
    ...grades.map((g) =>
      rateSlice(
        "CREDIT_GRADE",
        g,
        g === "NONE" ? UNKNOWN_LABEL : `${g}级`,
        inspectedByGrade.get(g) ?? 0,
        enterprisesByGrade.get(g) ?? 0,
      ),
    ),
    ...colours.map((c) =>
      rateSlice(
        "RISK_COLOUR",
        c,
        RISK_COLOUR_LABELS[c] ?? c,
        inspectedByColour.get(c) ?? 0,
        enterprisesByColour.get(c) ?? 0,
      ),
    ),
  ]);
}
