/**
 * 指标状态 — where an indicator stands against its target. A target says the value must stay AT_MOST or
 * AT_LEAST `value`; `watchFrom` is the value from which it is watched before the target is missed:
 *   AT_MOST:  value > target → ALERT; else value > watchFrom → WATCH; else OK
 *   AT_LEAST: value < target → ALERT; else value < watchFrom → WATCH; else OK
 * No value → NO_DATA; an indicator without a target is OK whenever it has a value.
 */
export type TargetComparison = "AT_MOST" | "AT_LEAST";
export type IndicatorStatus = "OK" | "WATCH" | "ALERT" | "NO_DATA";

export interface IndicatorTarget {
  comparison: TargetComparison;
  value: number;
  watchFrom: number | null;
  /** 中文: what the target is and where it comes from */
  description: string;
}

export function statusOf(value: number | null, target: IndicatorTarget | null): IndicatorStatus {
  if (value === null) return "NO_DATA";
  if (!target) return "OK";
  if (target.comparison === "AT_MOST") {
    if (value > target.value) return "ALERT";
    return target.watchFrom !== null && value > target.watchFrom ? "WATCH" : "OK";
  }
  if (value < target.value) return "ALERT";
  return target.watchFrom !== null && value < target.watchFrom ? "WATCH" : "OK";
}
