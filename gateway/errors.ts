/**
 * Errors are part of the API: every expected failure has a stable SCREAMING_SNAKE `extensions.code`
 * and an HTTP status, both from the error catalogue (gateway/error-catalogue.ts, printed as docs/errors.md);
 * a `reason` must be one the catalogue lists for that code. Anything else is masked by yoga outside development.
 */
import type { GraphQLError } from "graphql";
import { createGraphQLError } from "graphql-yoga";
import type { AuthFailureReason } from "./auth/auth-error.ts";
import { challengeFor } from "./auth/challenge.ts";
import { CODES, type ErrorCode, type ReasonOf } from "./error-catalogue.ts";

type Extensions = Record<string, unknown>;

function apiError(
  message: string,
  code: ErrorCode,
  extensions: Extensions = {},
  headers?: Record<string, string>,
): GraphQLError {
  const status = CODES[code].status;
  return createGraphQLError(message, { extensions: { code, http: { status, headers }, ...extensions } });
}

/** extensions beside the code; a `reason` from the catalogue's reasons of that code */
type ExtensionsOf<C extends ErrorCode> = Extensions & { reason?: ReasonOf<C> };

export const badInput = (message: string, extensions: ExtensionsOf<"BAD_USER_INPUT"> = {}) =>
  apiError(message, "BAD_USER_INPUT", extensions);
export const notFound = (message: string, extensions: ExtensionsOf<"NOT_FOUND"> = {}) =>
  apiError(message, "NOT_FOUND", extensions);
export const forbidden = (message: string, extensions: ExtensionsOf<"FORBIDDEN"> = {}) =>
  apiError(message, "FORBIDDEN", extensions);
/** 401 with its `WWW-Authenticate` challenge (gateway/auth/challenge.ts); `scheme` is what the client sent */
export const unauthenticated = (message: string, reason: AuthFailureReason, scheme: "Bearer" | "DPoP" | null = null) =>
  apiError(message, "UNAUTHENTICATED", { reason }, { "WWW-Authenticate": challengeFor(scheme, reason, message) });
export const conflict = (message: string, extensions: ExtensionsOf<"CONFLICT"> = {}) =>
  apiError(message, "CONFLICT", extensions);
export const tooManyRequests = (message: string) => apiError(message, "RATE_LIMITED");
/** a dependency the request needs is down; the same request may succeed later */
export const unavailable = (message: string, reason: ReasonOf<"SERVICE_UNAVAILABLE">) =>
  apiError(message, "SERVICE_UNAVAILABLE", { reason });

/** a province's subgraph gave no answer: its fields are null, the rest of the answer stands */
export const subgraphUnavailable = (message: string, reason: ReasonOf<"SUBGRAPH_UNAVAILABLE">, subgraph: string) =>
  apiError(message, "SUBGRAPH_UNAVAILABLE", { reason, subgraph });

/** Prisma's known error codes, mapped in one place (P2002 unique clash, P2025 record not found). */
export function fromPrismaError(error: unknown): GraphQLError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "P2002") return conflict("A record with the same unique key already exists");
  if (code === "P2025") return notFound("The record does not exist");
  return null;
}
