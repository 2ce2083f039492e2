/**
 * zod models of the catalog mutations' inputs: the edge where GraphQL values become trusted data. The
 * validation plugin runs them before the resolver (schema/validation-error.ts reports what they refuse).
 */
import { z } from "zod";

const text = (max: number) => z.string().trim().min(1).max(max);
const catalogCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,63}$/, "letters, digits and dashes");
const ordinal = z.number().int().positive().max(9999);

/** updateItem: absent = unchanged; `empoweredTo: null` = empowered with no end; `note: null` clears the note. */
export const itemUpdate = z
  .object({
    name: text(500),
    cqCode: catalogCode,
    cqName: text(500),
    scCode: catalogCode,
    scName: text(500),
    empoweredTo: z.date().nullable(),
    note: z.string().trim().max(2000).nullable(),
  })
  .partial()
  .strict();
export type ItemUpdate = z.infer<typeof itemUpdate>;

/** addLegalBasis: article/clause/sub-item stay null when not known — never an invented number. */
/** GraphQL sends explicit nulls; for addLegalBasis a null means "not given" (the defaults apply). */
const withoutNulls = (input: unknown) =>
  typeof input === "object" && input !== null
    ? Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null))
    : input;

const legalBasis = z
  .object({
    role: z.enum(["SETTING", "IMPLEMENTING", "DUTY", "PENALTY"]),
    lawName: text(200),
    lawVersion: z.string().trim().max(200).nullable().default(null),
    article: ordinal.nullable().default(null),
    clause: ordinal.nullable().default(null),
    subItem: ordinal.nullable().default(null),
    citation: z.string().trim().max(200).default(""),
    summary: z.string().trim().max(2000).nullable().default(null),
    effectiveFrom: z.date(),
    effectiveTo: z.date().nullable().default(null),
    verified: z.boolean().optional(),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .refine((b) => b.effectiveTo === null || b.effectiveTo >= b.effectiveFrom, {
    message: "effectiveTo (the last day in force) is before effectiveFrom",
    path: ["effectiveTo"],
  })
  .refine((b) => (b.clause === null && b.subItem === null) || b.article !== null, {
    message: "a clause or sub-item needs its article",
    path: ["article"],
  })
  // an unknown article is unverified unless the caller says otherwise
  .transform((b) => ({ ...b, verified: b.verified ?? b.article !== null }));
export const newLegalBasis = z.preprocess(withoutNulls, legalBasis);
export type NewLegalBasis = z.infer<typeof newLegalBasis>;
