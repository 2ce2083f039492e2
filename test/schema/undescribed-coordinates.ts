/**
 * The coordinates of the contract without a description: none since v1. Keep it empty — describe a new type, field,
 * argument or enum value ("中文术语 — English gloss") instead of listing it here (test/schema/descriptions.test.ts).
 */
export const UNDESCRIBED: readonly string[] = [];
