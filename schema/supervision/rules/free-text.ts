/**
 * A free-text answer of an enterprise on a public page (检查情况反馈表 意见建议, 未亮码检查 情况说明): at most
 * `max` characters (code points, docs/limits.md) and nothing that cannot be stored (text-safety). Pure.
 */
import { findUnsafeText } from "../../common/rules/text-safety.ts";

export type FreeTextProblem = "TOO_LONG" | "INVALID_TEXT";

/** what is wrong with the text, length first; null when it can be stored */
export function freeTextProblem(text: string, max: number): FreeTextProblem | null {
  if ([...text].length > max) return "TOO_LONG";
  return findUnsafeText(text, "text") ? "INVALID_TEXT" : null;
}

/** trimmed, blank as null: what is stored */
export const trimmedOrNull = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};
