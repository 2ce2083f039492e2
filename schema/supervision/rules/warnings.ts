/**
 * 执法监督预警 — supervision warnings for a pushed penalty decision. Pure: the match comes from
 * matchDiscretion. A warning is supervision, not rejection: the caller still stores the decision.
 *
 * Ranges are inclusive: a fine exactly at a bound raises nothing; one fen outside raises exactly one warning.
 * Severity: a fine above the range or any penalty despite a binding 不予处罚 burdens the counterparty
 * unlawfully (HIGH); a fine below the range, an item not empowered (HIGH), a 从轻/减轻 range exceeded while
 * the tier's own range is respected (MEDIUM); a penalty despite the discretionary 首违不罚 ("可以") is LOW.
 * A decision pushed without facts is measured against the whole statutory range (the match says so) and raises
 * one FACTS_MISSING (LOW): missing facts are a gap to fill, not a licence to warn as if the case were the lightest.
 */

import type { DiscretionMatch } from "../../benchmarks/rules/discretion.ts";
import { yuan } from "../../benchmarks/rules/fine-engine.ts";

export type WarningKind =
  | "FINE_ABOVE_RANGE"
  | "FINE_BELOW_RANGE"
  | "LENIENT_IGNORED"
  | "ITEM_NOT_EMPOWERED"
  | "FACTS_MISSING";
export type WarningSeverity = "HIGH" | "MEDIUM" | "LOW";
export interface SupervisionWarning {
  kind: WarningKind;
  severity: WarningSeverity;
  message: string;
}
export interface PushedDecision {
  /** null: no fine (e.g. 警告 only) */
  fineFen: bigint | number | null;
  /** false: the decision says no lenient list was applied */
  lenientApplied?: boolean;
}

type Match = Pick<DiscretionMatch, "outcome" | "lenient" | "range" | "tierRange" | "factsMissing">;

export function assessDecision(match: Match, decision: PushedDecision, itemEmpowered: boolean): SupervisionWarning[] {
  const warnings: SupervisionWarning[] = [];
  const warn = (kind: WarningKind, severity: WarningSeverity, message: string) =>
    warnings.push({ kind, severity, message });
  if (!itemEmpowered)
    warn("ITEM_NOT_EMPOWERED", "HIGH", "事项未赋权给管委会 (the item is not empowered to the committee)");
  if (match.factsMissing) {
    warn(
      "FACTS_MISSING",
      "LOW",
      "处罚决定未附案件事实，按法定幅度整体衡量 (no facts: measured against the whole statutory range)",
    );
  }

  const fine = decision.fineFen === null ? null : BigInt(decision.fineFen);
  const fined = fine !== null && fine > 0n;
  const outside = (range: { minFen: number; maxFen: number } | null) =>
    fine === null || !range
      ? null
      : fine > BigInt(range.maxFen)
        ? "above"
        : fine < BigInt(range.minFen)
          ? "below"
          : null;

  if (match.outcome === "NO_PENALTY") {
    if (!fined && decision.lenientApplied !== false) return warnings;
    const discretionary = match.lenient?.discretionary === true;
    const what = fined ? `罚款 ${yuan(fine as bigint)}` : "作出处罚";
    warn(
      "LENIENT_IGNORED",
      discretionary ? "LOW" : "HIGH",
      `${what}，但${discretionary ? "可以" : "应当"}不予处罚: ${match.lenient?.description ?? ""} (${match.lenient?.citation ?? ""})`,
    );
    // under "可以" the authority may fine, but then only within the tier's range
    const side = discretionary ? outside(match.tierRange) : null;
    if (side === "above")
      warn(
        "FINE_ABOVE_RANGE",
        "HIGH",
        `罚款 ${yuan(fine as bigint)} 高于阶次上限 ${yuan(match.tierRange?.maxFen ?? 0)}`,
      );
    if (side === "below")
      warn(
        "FINE_BELOW_RANGE",
        "MEDIUM",
        `罚款 ${yuan(fine as bigint)} 低于阶次下限 ${yuan(match.tierRange?.minFen ?? 0)}`,
      );
    return warnings;
  }

  const side = outside(match.range);
  if (side === "below") {
    const what = match.factsMissing ? "法定" : "裁量";
    warn(
      "FINE_BELOW_RANGE",
      "MEDIUM",
      `罚款 ${yuan(fine as bigint)} 低于${what}下限 ${yuan(match.range?.minFen ?? 0)}`,
    );
  } else if (side === "above") {
    const lenientOnly = match.outcome !== "PENALTY" && outside(match.tierRange) === null;
    if (lenientOnly) {
      warn(
        "LENIENT_IGNORED",
        "MEDIUM",
        `罚款 ${yuan(fine as bigint)} 在阶次区间内，但高于${match.outcome === "LIGHTER_PENALTY" ? "从轻" : "减轻"}处罚上限 ${yuan(match.range?.maxFen ?? 0)} (${match.lenient?.citation ?? ""})`,
      );
    } else {
      const what = match.factsMissing ? "法定" : "裁量";
      warn(
        "FINE_ABOVE_RANGE",
        "HIGH",
        `罚款 ${yuan(fine as bigint)} 高于${what}上限 ${yuan(match.range?.maxFen ?? 0)}`,
      );
    }
  }
  return warnings;
}
