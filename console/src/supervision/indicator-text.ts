/** How the 监督指标 page words an indicator: its status, value and target in Chinese. Pure. */

export const STATUS_TEXT: Record<string, { label: string; color: string }> = {
  OK: { label: "正常", color: "green" },
  WATCH: { label: "关注", color: "orange" },
  ALERT: { label: "预警", color: "red" },
  NO_DATA: { label: "无数据", color: "default" },
};

/** a figure as read on a card: at most two decimals, thousands grouped; — when there is none */
export function figure(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return value.toLocaleString("zh-CN", { maximumFractionDigits: 2 });
}

export function targetText(target: { comparison: string; value: number } | null, unit: string): string {
  if (!target) return "无目标值";
  return `${target.comparison === "AT_MOST" ? "不高于" : "不低于"} ${figure(target.value)} ${unit}`;
}

/** this year in Beijing: 1 January to today */
export function thisYear(now = new Date()): [string, string] {
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return [`${today.slice(0, 4)}-01-01`, today];
}
