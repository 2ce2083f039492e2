/**
 * Is a 行政区划代码 (GB/T 2260) in force on a day? Division codes carry inclusive validity ranges
 * (the Division table; schema/common/effective-dates.ts). An enterprise's CURRENT location must use a
 * code in force today: 渝北区 500112 ended 2025-11-05, so since 2025-11-06 茨竹镇/大湾镇 are 北碚区
 * 500109 (docs/identifiers.md, "Division codes"). The same retired code inside a USCC or a citizen ID is normal (it is the
 * division at issue) and is not checked here.
 */
import { isoDay, problem, type RecordProblem } from "./record-problem.ts";

export interface DivisionPeriod {
  code: string;
  name: string;
  /** null = not bounded / not known */
  validFrom: Date | null;
  /** inclusive: the last day in force; null = still in force */
  validTo: Date | null;
  /** set only where the whole territory passed to one division */
  successorCode: string | null;
  note: string | null;
}

/** null when `code` is a known division in force on `day`; otherwise the problem, naming the successor. */
export function checkDivisionInForce(
  code: string,
  divisions: ReadonlyMap<string, DivisionPeriod>,
  day: Date,
): RecordProblem | null {
  if (!/^\d{6}$/.test(code)) {
    return problem("DIVISION_FORMAT", `divisionCode '${code}' must be 6 digits (GB/T 2260 行政区划代码)`);
  }
  const division = divisions.get(code);
  if (!division) {
    return problem("UNKNOWN_DIVISION", `divisionCode ${code} is not a known 行政区划代码 of the New Area's provinces`);
  }
  const t = day.getTime();
  if (division.validFrom && t < division.validFrom.getTime()) {
    return problem(
      "DIVISION_NOT_IN_FORCE",
      `divisionCode ${code} (${division.name}) is in force only from ${isoDay(division.validFrom)}, not on ${isoDay(day)}`,
    );
  }
  if (division.validTo && t > division.validTo.getTime()) {
    const successor = division.successorCode ? divisions.get(division.successorCode) : undefined;
    const instead = division.successorCode
      ? `use its successor ${division.successorCode}${successor ? ` (${successor.name})` : ""}`
      : `it has no single successor: use the division in force today for the enterprise's town${division.note ? ` (${division.note})` : ""}`;
    return problem(
      "DIVISION_NOT_IN_FORCE",
      `divisionCode ${code} (${division.name}) was in force until ${isoDay(division.validTo)}, not on ${isoDay(day)}; ${instead}`,
    );
  }
  return null;
}
