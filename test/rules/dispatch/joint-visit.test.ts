import { describe, expect, it } from "vitest";
import {
  applyYearlyCap,
  DEFAULT_YEARLY_CAP,
  enterprisesAtYearlyCap,
  mergeJointVisits,
  type VisitWindow,
} from "../../../schema/dispatch/rules/joint-visit.ts";
import { day } from "./generators.ts";

const A = "91511623000000000Y";
const B = "9151162300000000M0";
const Q3: VisitWindow = { key: "2026Q3", from: day("2026-07-01"), to: day("2026-09-30") };
const Q4: VisitWindow = { key: "2026Q4", from: day("2026-10-01"), to: day("2026-12-31") };

describe("综合查一次: one visit per enterprise per window", () => {
  const due = [
    { uscc: A, itemCode: "GZ-001", domainCode: "SAFETY", dueOn: day("2026-08-10") },
    { uscc: A, itemCode: "GZ-040", domainCode: "ECOLOGY", dueOn: day("2026-07-02") },
    { uscc: A.toLowerCase(), itemCode: "GZ-001", domainCode: "SAFETY", dueOn: day("2026-09-30") },
    { uscc: A, itemCode: "GZ-002", domainCode: "SAFETY", dueOn: day("2026-10-01") },
    { uscc: B, itemCode: "GZ-090", domainCode: "FIRE", dueOn: day("2026-07-15") },
    { uscc: B, itemCode: "GZ-091", domainCode: "FIRE", dueOn: day("2027-01-03") },
  ];

  it("merges every item due in a window into one task with the union of items and domains", () => {
    const { visits, unscheduled } = mergeJointVisits(due, [Q4, Q3]);
    expect(visits.map(({ uscc, windowKey, itemCodes, domains }) => ({ uscc, windowKey, itemCodes, domains }))).toEqual([
      { uscc: A, windowKey: "2026Q3", itemCodes: ["GZ-001", "GZ-040"], domains: ["ECOLOGY", "SAFETY"] },
      { uscc: B, windowKey: "2026Q3", itemCodes: ["GZ-090"], domains: ["FIRE"] },
      { uscc: A, windowKey: "2026Q4", itemCodes: ["GZ-002"], domains: ["SAFETY"] },
    ]);
    expect(visits[0]!.earliestDueOn).toEqual(day("2026-07-02"));
    expect(unscheduled.map((d) => d.itemCode)).toEqual(["GZ-091"]);
  });

  it("refuses overlapping windows", () => {
    expect(() =>
      mergeJointVisits(due, [Q3, { key: "overlap", from: day("2026-09-30"), to: day("2026-10-31") }]),
    ).toThrow(/overlap/);
  });
});

describe("yearly cap (a plan setting; 国办发〔2024〕54号 requires one)", () => {
  const now = new Date("2026-06-30T20:00:00Z"); // 2026-07-01 in Beijing
  const done = [
    { uscc: A, on: new Date("2026-03-01T02:00:00Z") },
    { uscc: A, on: new Date("2026-03-01T09:00:00Z") }, // same Beijing day: one visit with several items
    { uscc: A, on: new Date("2026-05-20T02:00:00Z") },
    { uscc: B, on: new Date("2026-04-01T02:00:00Z") },
    { uscc: B, on: new Date("2025-12-31T17:00:00Z") }, // 2026-01-01 in Beijing: counts for 2026
    { uscc: "91500109MA5U000001", on: new Date("2025-12-31T15:00:00Z") }, // 2025-12-31 in Beijing: last year
  ];

  it("counts distinct Beijing visit days and lists who reached the cap", () => {
    expect(DEFAULT_YEARLY_CAP).toBe(2);
    expect(enterprisesAtYearlyCap(done, { now })).toEqual([
      { uscc: A, visits: 2, cap: 2 },
      { uscc: B, visits: 2, cap: 2 },
    ]);
    expect(enterprisesAtYearlyCap(done, { now, cap: 3 })).toEqual([]);
  });

  it("keeps planned visits while the enterprise stays within the cap of that year", () => {
    const planned = mergeJointVisits(
      [
        { uscc: A, itemCode: "GZ-001", domainCode: "SAFETY", dueOn: day("2026-08-01") },
        { uscc: "91500109MA5U000001", itemCode: "GZ-001", domainCode: "SAFETY", dueOn: day("2026-08-01") },
        { uscc: "91500109MA5U000001", itemCode: "GZ-001", domainCode: "SAFETY", dueOn: day("2026-11-01") },
        { uscc: "91500109MA5U000001", itemCode: "GZ-003", domainCode: "SAFETY", dueOn: day("2027-01-05") },
      ],
      [Q3, Q4, { key: "2027Q1", from: day("2027-01-01"), to: day("2027-03-31") }],
    ).visits;
    const { kept, overCap } = applyYearlyCap(planned, done, { cap: 2 });
    expect(kept.map((v) => `${v.uscc}@${v.windowKey}`)).toEqual([
      "91500109MA5U000001@2026Q3",
      "91500109MA5U000001@2026Q4",
      "91500109MA5U000001@2027Q1",
    ]);
    expect(overCap).toEqual([
      { visit: expect.objectContaining({ uscc: A, windowKey: "2026Q3" }), visitsBefore: 2, cap: 2 },
    ]);
  });
});
