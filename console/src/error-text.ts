/**
 * An error as the console shows it: the gateway's Chinese term for its stable code or reason (the same
 * catalogue as docs/errors.md), then its English message for the details.
 */
import { CODES, REASONS } from "../../gateway/error-catalogue.ts";
import { GatewayError } from "./client.ts";

const zhOf = (table: Record<string, { zh: string }>, key: string | undefined) =>
  key !== undefined && Object.hasOwn(table, key) ? table[key]?.zh : undefined;

export function errorText(error: unknown): string {
  if (error instanceof GatewayError) {
    const zh = zhOf(REASONS, error.reason) ?? zhOf(CODES, error.code);
    return zh ? `${zh}（${error.message}）` : error.message;
  }
  if (error instanceof TypeError) return `无法连接网关（${error.message}）`;
  return error instanceof Error ? error.message : String(error);
}
