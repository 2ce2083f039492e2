/**
 * The edge of matchDiscretion and of pushed penalty decisions: GraphQL facts (yuan, lists, nulls) →
 * the rules' CaseFactsInput (integer fen, records, absent = default). GraphQL's coercion has already checked the
 * shape (CaseFactsInput: types, enums, Int, the Yuan scalar as fen); the pure rules check the meaning
 * (`parseCaseFacts`, ./rules/case-facts.ts, and ./rules/discretion.ts) and report NEGATIVE_BASE_AMOUNT / INVALID_FACTS
 * with their own codes. A second shape check here cost a match request ~4 µs under load for nothing the coercion and
 * the rules do not already refuse.
 */
import { badInput } from "../../gateway/errors.ts";
import type { CaseFactsInputRef } from "./discretion-query.ts";
import type { BaseKind, CaseFactsInput } from "./rules/types.ts";

/** The GraphQL CaseFactsInput as its coercion gives it: every field optional, explicit null = the default. */
export type FactsInput = typeof CaseFactsInputRef.$inferInput;

/**
 * GraphQL facts → CaseFactsInput. Amounts are converted to fen exactly; a base named twice is refused. No facts at
 * all (null or absent) stays null: the case is then measured against the whole statutory range, not as the lightest.
 */
export function toCaseFacts(input: FactsInput | null | undefined): CaseFactsInput | null {
  if (input === null || input === undefined) return null;
  const facts: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    const value = input[key as keyof FactsInput];
    if (key !== "baseAmounts" && value !== null && value !== undefined) facts[key] = value;
  }
  const baseAmountsFen: Partial<Record<BaseKind, number>> = {};
  for (const { base, amountYuan } of input.baseAmounts ?? []) {
    if (baseAmountsFen[base] !== undefined) {
      throw badInput(`base amount ${base} is given twice`, { reason: "INVALID_FACTS" });
    }
    baseAmountsFen[base] = Number(amountYuan);
  }
  // `facts` is made here: not `{ ...facts, baseAmountsFen }`, on Node 20 a property added after a spread costs ~1 µs
  facts.baseAmountsFen = baseAmountsFen;
  return facts as CaseFactsInput;
}
