/**
 * 综合风险颜色 红/黄/绿 — one colour from the two provinces' credit grades (信用等级 A best … D worst),
 * which are kept side by side, never averaged. The rule (ours, not a published standard):
 *   RED    (红) any grade is D, or both provinces grade it C;
 *   YELLOW (黄) otherwise, any grade is C;
 *   GREEN  (绿) otherwise (only A and B).
 * The grades are those of the provinces that graded the enterprise; when neither per-province grade is
 * known, the combined `creditGrade` stands in. `riskColourWhere` in ../risk-colour-filter.ts must say the
 * same in SQL (a test holds the two together).
 */
export const CREDIT_GRADES = ["A", "B", "C", "D"] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

export const RISK_COLOURS = ["RED", "YELLOW", "GREEN"] as const;
export type RiskColour = (typeof RISK_COLOURS)[number];

export interface GradesOfEnterprise {
  creditGrade: CreditGrade | null;
  creditGradeCq: CreditGrade | null;
  creditGradeSc: CreditGrade | null;
}

export function riskColour(grades: GradesOfEnterprise): RiskColour {
  const provincial = [grades.creditGradeCq, grades.creditGradeSc].filter((g): g is CreditGrade => g !== null);
  // no grade at all (a record pushed without one) reads as GREEN: nothing known against it
  const all = provincial.length > 0 ? provincial : grades.creditGrade ? [grades.creditGrade] : [];
  if (all.includes("D")) return "RED";
  if (grades.creditGradeCq === "C" && grades.creditGradeSc === "C") return "RED";
  if (all.includes("C")) return "YELLOW";
  return "GREEN";
}
