import { describe, expect, it } from "vitest";
import { computeUsccCheckChar } from "../../../schema/libraries/rules/uscc.ts";
import {
  normaliseUnshownCodeReport,
  UNSHOWN_REPORT_DEPARTMENT_MAX,
  UNSHOWN_REPORT_DESCRIPTION_MAX,
  type UnshownCodeReportInput,
  unshownCodeReportProblems,
} from "../../../schema/supervision/rules/unshown-code-report.ts";

const first17 = "91500000MA5U00000";
const USCC = first17 + computeUsccCheckChar(first17);
const WRONG_CHECK = first17 + (computeUsccCheckChar(first17) === "0" ? "1" : "0");
const TODAY = "2026-12-04";
const good: UnshownCodeReportInput = {
  uscc: USCC,
  occurredOn: "2026-12-03",
  department: "某区市场监管局",
  description: "两人到店检查消防通道，未出示执法码，也未出示执法证。",
};
const codes = (input: Partial<UnshownCodeReportInput>) =>
  unshownCodeReportProblems(normaliseUnshownCodeReport({ ...good, ...input }), TODAY).map(
    (p) => `${p.field}:${p.code}`,
  );

describe("unshownCodeReportProblems", () => {
  it("accepts a complete report of today or earlier", () => {
    expect(codes({})).toEqual([]);
    expect(codes({ occurredOn: TODAY })).toEqual([]);
    expect(codes({ uscc: ` ${USCC.toLowerCase()} ` })).toEqual([]);
  });

  it("refuses a USCC that fails GB 32100 (length, check character)", () => {
    expect(codes({ uscc: WRONG_CHECK })).toEqual(["uscc:USCC_INVALID"]);
    expect(codes({ uscc: "9150" })).toEqual(["uscc:USCC_INVALID"]);
  });

  it("refuses tomorrow, a day that does not exist, and a non-date, with the strict calendar", () => {
    expect(codes({ occurredOn: "2026-12-05" })).toEqual(["occurredOn:OCCURRED_ON_IN_FUTURE"]);
    expect(codes({ occurredOn: "2026-02-30" })).toEqual(["occurredOn:BAD_DATE"]);
    expect(codes({ occurredOn: "2026-12-4" })).toEqual(["occurredOn:BAD_DATE"]);
  });

  it("requires every field, in the form's order", () => {
    expect(codes({ uscc: "", occurredOn: " ", department: "  ", description: "" })).toEqual([
      "uscc:REPORT_ANSWER_MISSING",
      "occurredOn:REPORT_ANSWER_MISSING",
      "department:REPORT_ANSWER_MISSING",
      "description:REPORT_ANSWER_MISSING",
    ]);
  });

  it("limits the text in characters (not bytes) and refuses what cannot be stored", () => {
    expect(codes({ description: "字".repeat(UNSHOWN_REPORT_DESCRIPTION_MAX) })).toEqual([]);
    expect(codes({ description: "字".repeat(UNSHOWN_REPORT_DESCRIPTION_MAX + 1) })).toEqual([
      "description:REPORT_TEXT_TOO_LONG",
    ]);
    expect(codes({ department: "局".repeat(UNSHOWN_REPORT_DEPARTMENT_MAX + 1) })).toEqual([
      "department:REPORT_TEXT_TOO_LONG",
    ]);
    expect(codes({ description: "未亮码\u0000" })).toEqual(["description:INVALID_TEXT"]);
  });
});
