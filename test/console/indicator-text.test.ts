import { describe, expect, it } from "vitest";
import { figure, STATUS_TEXT, targetText, thisYear } from "../../console/src/supervision/indicator-text.ts";

describe("the 监督指标 page's wording", () => {
  it("prints a figure with at most two decimals, grouped, and — when there is none", () => {
    expect(figure(null)).toBe("—");
    expect(figure(undefined)).toBe("—");
    expect(figure(0)).toBe("0");
    expect(figure(2.456)).toBe("2.46");
    expect(figure(1234567.5)).toBe("1,234,567.5");
  });

  it("says a target's direction in Chinese", () => {
    expect(targetText({ comparison: "AT_MOST", value: 3 }, "%")).toBe("不高于 3 %");
    expect(targetText({ comparison: "AT_LEAST", value: 95 }, "%")).toBe("不低于 95 %");
    expect(targetText(null, "件")).toBe("无目标值");
  });

  it("names every status in Chinese", () => {
    expect(Object.fromEntries(Object.entries(STATUS_TEXT).map(([k, v]) => [k, v.label]))).toEqual({
      OK: "正常",
      WATCH: "关注",
      ALERT: "预警",
      NO_DATA: "无数据",
    });
  });

  it("takes this year from the Beijing calendar: 16:30 UTC on 31 December is already 1 January in Beijing", () => {
    expect(thisYear(new Date("2026-06-15T02:00:00Z"))).toEqual(["2026-01-01", "2026-06-15"]);
    expect(thisYear(new Date("2026-12-31T16:30:00Z"))).toEqual(["2027-01-01", "2027-01-01"]);
  });
});
