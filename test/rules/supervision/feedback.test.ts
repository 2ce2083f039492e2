import { describe, expect, it } from "vitest";
import type { InspectionCodeCheck } from "../../../schema/dispatch/rules/inspection-code.ts";
import { FEEDBACK_COMMENTS_MAX, feedbackTaskOf, readFeedbackForm } from "../../../schema/supervision/rules/feedback.ts";

const task = {
  taskId: "t-1",
  uscc: "91500000MA5U000001",
  officers: [],
  items: [],
  notBefore: new Date(0),
  expiresAt: new Date(1),
};

describe("feedbackTaskOf: the form opens after the visit, for the task's own enterprise", () => {
  it.each([
    [{ valid: true, task }, "t-1"],
    [{ valid: false, reason: "COMPLETED", taskId: "t-1" }, "t-1"],
    [{ valid: false, reason: "EXPIRED", taskId: "t-1" }, "t-1"],
    [{ valid: false, reason: "NOT_YET_VALID", taskId: "t-1" }, null],
    [{ valid: false, reason: "WRONG_ENTERPRISE", taskId: "t-1" }, null],
    [{ valid: false, reason: "REVOKED", taskId: "t-1" }, null],
    [{ valid: false, reason: "UNKNOWN_TASK", taskId: "t-1" }, null],
    [{ valid: false, reason: "BAD_SIGNATURE" }, null],
    [{ valid: false, reason: "MALFORMED" }, null],
  ] as [InspectionCodeCheck, string | null][])("%j → %s", (check, expected) => {
    expect(feedbackTaskOf(check)).toBe(expected);
  });
});

describe("readFeedbackForm", () => {
  const good = { codeShown: "yes", teamMatched: "no", durationMinutes: "45", satisfaction: "4", comments: " 很好 " };

  it("reads a complete form, trimming comments; empty duration and comments are null", () => {
    expect(readFeedbackForm(good)).toEqual({
      ok: true,
      answers: { codeShown: true, teamMatched: false, durationMinutes: 45, satisfaction: 4, comments: "很好" },
    });
    expect(readFeedbackForm({ ...good, durationMinutes: "", comments: "  " })).toMatchObject({
      ok: true,
      answers: { durationMinutes: null, comments: null },
    });
  });

  it("names every missing answer", () => {
    const result = readFeedbackForm({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.code, p.field])).toEqual([
      ["FEEDBACK_ANSWER_MISSING", "codeShown"],
      ["FEEDBACK_ANSWER_MISSING", "teamMatched"],
      ["FEEDBACK_ANSWER_MISSING", "satisfaction"],
    ]);
  });

  it.each(["0", "6", "3.5", "-1", "abc"])("refuses satisfaction %s", (satisfaction) => {
    const result = readFeedbackForm({ ...good, satisfaction });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(["FEEDBACK_SATISFACTION_OUT_OF_RANGE"]);
  });

  it.each(["0", "1441", "1e3", "2.5"])("refuses duration %s", (durationMinutes) => {
    const result = readFeedbackForm({ ...good, durationMinutes });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(["FEEDBACK_DURATION_OUT_OF_RANGE"]);
  });

  it("accepts comments of exactly the limit in characters (not UTF-16 units), refuses one more", () => {
    const emoji = "😀";
    expect(readFeedbackForm({ ...good, comments: emoji.repeat(FEEDBACK_COMMENTS_MAX) }).ok).toBe(true);
    const over = readFeedbackForm({ ...good, comments: "意".repeat(FEEDBACK_COMMENTS_MAX + 1) });
    expect(over.ok ? [] : over.problems.map((p) => p.code)).toEqual(["FEEDBACK_COMMENTS_TOO_LONG"]);
  });

  it("refuses comments with NUL or a lone surrogate (text safety)", () => {
    for (const comments of ["a\u0000b", "a\uD800b"]) {
      const result = readFeedbackForm({ ...good, comments });
      expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(["INVALID_TEXT"]);
    }
  });
});
