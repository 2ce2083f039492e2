/**
 * What is wrong with one pushed library record: a stable SCREAMING_SNAKE `code` adapters branch on
 * (and quarantine by), and a message for people. A batch reports these per record (issue 5).
 */
import type { z } from "zod";

export interface RecordProblem {
  code: string;
  message: string;
}

export const problem = (code: string, message: string): RecordProblem => ({ code, message });

/**
 * zod issues as problems: the field's own code where it has one (e.g. creditGrade → CREDIT_GRADE),
 * INVALID_FIELD otherwise; the message names the field.
 */
export function zodProblems(error: z.ZodError, codeByField: Readonly<Record<string, string>>): RecordProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".") || "record";
    const top = String(issue.path[0] ?? "");
    // a string over its limit (docs/limits.md) has the one code every edge gives it
    const code = issue.code === "too_big" && issue.origin === "string" ? "FIELD_TOO_LONG" : codeByField[top];
    return problem(code ?? "INVALID_FIELD", `${field}: ${issue.message}`);
  });
}

/** Calendar dates compare and print as YYYY-MM-DD (they are stored as UTC midnights). */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
