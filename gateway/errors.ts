/**
 * Errors are part of the API: every expected failure has a stable SCREAMING_SNAKE `extensions.code`
 * and an HTTP status. Anything else is masked by yoga outside development.
 */
import type { GraphQLError } from "graphql";
import { createGraphQLError } from "graphql-yoga";
import type { AuthFailureReason } from "./auth/auth-error.ts";
import { challengeFor } from "./auth/challenge.ts";

type Extensions = Record<string, unknown>;

function apiError(
  message: string,
  code: string,
  status: number,
  extensions: Extensions = {},
  headers?: Record<string, string>,
): GraphQLError {
  return createGraphQLError(message, { extensions: { code, http: { status, headers }, ...extensions } });
}

export const badInput = (message: string, extensions: Extensions & { reason?: string } = {}) =>
  apiError(message, "BAD_USER_INPUT", 400, extensions);
export const notFound = (message: string, extensions: Extensions = {}) =>
  apiError(message, "NOT_FOUND", 404, extensions);
export const forbidden = (message: string, extensions: Extensions = {}) =>
  apiError(message, "FORBIDDEN", 403, extensions);
/** 401 with its `WWW-Authenticate` challenge (gateway/auth/challenge.ts); `scheme` is what the client sent */
export const unauthenticated = (message: string, reason: AuthFailureReason, scheme: "Bearer" | "DPoP" | null = null) =>
  apiError(message, "UNAUTHENTICATED", 401, { reason }, { "WWW-Authenticate": challengeFor(scheme, reason, message) });
export const conflict = (message: string, extensions: Extensions = {}) =>
  apiError(message, "CONFLICT", 409, extensions);
export const tooManyRequests = (message: string) => apiError(message, "RATE_LIMITED", 429);
/** a dependency the request needs is down; the same request may succeed later */
export const unavailable = (message: string, reason: string) =>
  apiError(message, "SERVICE_UNAVAILABLE", 503, { reason });

/** Prisma's known error codes, mapped in one place (P2002 unique clash, P2025 record not found). */
export function fromPrismaError(error: unknown): GraphQLError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "P2002") return conflict("A record with the same unique key already exists");
  if (code === "P2025") return notFound("The record does not exist");
  return null;
}
