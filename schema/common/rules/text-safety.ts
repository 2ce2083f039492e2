/**
 * Text the database can store, and names a person can read. Pure; called wherever text comes in
 * (records, library records, every other argument: gateway/plugins/use-input-safety.ts).
 *
 * - Any text, at any depth (strings, object keys): no NUL (U+0000) — PostgreSQL refuses it in `text`
 *   (22021) and `jsonb` (22P05) — and no lone surrogate (half of a UTF-16 pair): `jsonb` refuses its
 *   escape (22P02) and `text` would silently store U+FFFD instead. Code INVALID_TEXT.
 * - Names (of officers, enterprises, items, plans…): also no control characters, no bidi controls
 *   (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, U+200E/U+200F/U+061C marks) and
 *   no zero-width characters (U+200B–U+200D, U+2060, U+FEFF): they make one name display as another
 *   ("Trojan Source", CVE-2021-42574). Code INVALID_NAME.
 */

export type TextProblemCode = "INVALID_TEXT" | "INVALID_NAME";

export interface TextProblem {
  code: TextProblemCode;
  /** where: `findings`, `payload.party[0].name`… (unsafe characters in it replaced) */
  path: string;
  message: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, "g");
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const HIDDEN_IN_NAMES = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** A copy with NUL and lone surrogates replaced by U+FFFD: for keeping refused input where it can be read. */
export function replaceUnsafeText<T>(value: T): T {
  if (typeof value === "string") return value.replace(UNSAFE_ALL, "\uFFFD") as T;
  if (Array.isArray(value)) return value.map(replaceUnsafeText) as T;
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [replaceUnsafeText(key), replaceUnsafeText(field)]),
  ) as T;
}

function describe(text: string, index: number): string {
  const char = text.charAt(index);
  return char === "\u0000" ? "NUL (U+0000)" : `a lone surrogate (${codePoint(char)})`;
}

/** The first NUL or lone surrogate in `value` at any depth (keys included), or null. */
export function findUnsafeText(value: unknown, path = ""): TextProblem | null {
  // the common answer, none, is found without building each field's path: the place is named once there is one
  return unsafeTextProblem(value, null) && unsafeTextProblem(value, path);
}

/** what the walk answers without a path: there is a problem, not yet named */
const FOUND: TextProblem = { code: "INVALID_TEXT", path: "", message: "" };

/** The first unsafe text's problem at `path`; with `path` null, the walk builds no path and answers FOUND. */
function unsafeTextProblem(value: unknown, path: string | null): TextProblem | null {
  if (typeof value === "string") {
    const match = UNSAFE.exec(value);
    if (!match) return null;
    if (path === null) return FOUND;
    const where = path || "text";
    return {
      code: "INVALID_TEXT",
      path: where,
      message: `${where}: ${describe(value, match.index)} at character ${match.index + 1} cannot be stored`,
    };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = unsafeTextProblem(value[i], path === null ? null : `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (value === null || typeof value !== "object" || value instanceof Date) return null;
  // own enumerable keys, in their order (as Object.entries), without an array of pairs for every object
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const at = path === null ? null : path ? `${path}.${replaceUnsafeText(key)}` : replaceUnsafeText(key);
    const inKey = UNSAFE.exec(key);
    if (inKey) {
      if (path === null) return FOUND;
      return {
        code: "INVALID_TEXT",
        path: path || "key",
        message: `${path || "a key"}: the key "${at}" holds ${describe(key, inKey.index)}, which cannot be stored`,
      };
    }
    const problem = unsafeTextProblem((value as Record<string, unknown>)[key], at);
    if (problem) return problem;
  }
  return null;
}

/** A name's problem: unsafe text, or a character that hides or reorders what is displayed. */
export function findNameProblem(name: string, path: string): TextProblem | null {
  const unsafe = findUnsafeText(name, path);
  if (unsafe) return unsafe;
  const match = HIDDEN_IN_NAMES.exec(name);
  if (!match) return null;
  return {
    code: "INVALID_NAME",
    path,
    message: `${path}: ${codePoint(match[0])} at character ${match.index + 1} is a control, bidi or zero-width character, not allowed in a name`,
  };
}

/** The arguments and input fields that are names (schema coordinates), checked with findNameProblem. */
const NAME_FIELDS: ReadonlySet<string> = new Set([
  "OfficerInput.name",
  "EnterpriseInput.name",
  "EnterpriseInput.legalRepresentative",
  "ItemChangesInput.name",
  "ItemChangesInput.cqName",
  "ItemChangesInput.scName",
  "InspectionPlanInput.name",
  "TrainingSessionInput.title",
  "TrainingSessionInput.organizer",
]);

export const isNameField = (coordinate: string) => NAME_FIELDS.has(coordinate);
