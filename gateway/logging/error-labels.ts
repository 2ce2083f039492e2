/**
 * How logs, metrics and traces name an error: its stable `extensions.code`, with `/reason` where the
 * API gives one (`UNAUTHENTICATED/TOKEN_EXPIRED`). Never its message: a message may repeat what the
 * caller sent, personal data included.
 */
export interface LabelledError {
  extensions?: { code?: unknown; reason?: unknown } | Record<string, unknown>;
}

/** graphql-js's own refusals (e.g. a variable of the wrong type, HTTP 400) come without a code */
export const NO_CODE = "NO_CODE";

export function errorCode(error: LabelledError | null | undefined): string {
  const code = error?.extensions?.code;
  return code === undefined || code === null ? NO_CODE : String(code);
}

export function errorLabel(error: LabelledError | null | undefined): string {
  const reason = error?.extensions?.reason;
  return reason ? `${errorCode(error)}/${String(reason)}` : errorCode(error);
}
