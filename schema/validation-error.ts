/**
 * The one way an invalid input is refused: the validation plugin runs each input's zod schema before the
 * resolver, and every issue it finds comes back at once as BAD_USER_INPUT (reason INVALID_INPUT) with
 * `problems: [{ path, code, message }]` in extensions. `path` starts at the argument (`["input", …]`);
 * `code` is the domain code a refinement gave (`params.code`, e.g. VISIT_WINDOW), else zod's own
 * (too_small, invalid_format, …).
 */
import type { GraphQLError } from "graphql";
import type { ReasonOf } from "../gateway/error-catalogue.ts";
import { badInput } from "../gateway/errors.ts";

export interface InputProblem {
  path: (string | number)[];
  code: string;
  message: string;
}

interface IssueLike {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
  /** zod's own issue code, read from the zod issue behind the standard-schema one */
  readonly code?: unknown;
  readonly params?: unknown;
}

const segment = (key: PropertyKey | { readonly key: PropertyKey }): string | number => {
  const value = typeof key === "object" ? key.key : key;
  return typeof value === "number" ? value : String(value);
};

/** the domain code a refinement attached (`params: { code }`), else zod's issue code */
function codeOf(issue: IssueLike): string {
  const params = issue.params as { code?: unknown } | undefined;
  if (typeof params?.code === "string") return params.code;
  return typeof issue.code === "string" ? issue.code : "invalid";
}

export function toInputProblems(issues: readonly IssueLike[]): InputProblem[] {
  return issues.map((issue) => ({
    path: (issue.path ?? []).map(segment),
    code: codeOf(issue),
    message: issue.message,
  }));
}

/** BAD_USER_INPUT naming every problem; `reason` defaults to INVALID_INPUT */
export function invalidInput(
  problems: InputProblem[],
  reason: ReasonOf<"BAD_USER_INPUT"> = "INVALID_INPUT",
): GraphQLError {
  const message = problems.map((p) => `${p.path.join(".") || "input"}: ${p.message}`).join("; ");
  return badInput(`Invalid input — ${message}`, { reason, problems });
}
