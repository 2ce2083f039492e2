/**
 * Who sees personal data (ID numbers, phone numbers, home addresses) in clear — issue #3:
 * - the officer's own jurisdiction: in clear;
 * - the other province: always masked (mutual recognition shares records, not personal data);
 * - the committee (gz): masked unless the token carries `pii:read`.
 */

import type { Caller } from "../../../gateway/context.ts";
import type { Jurisdiction } from "../../common/jurisdiction.ts";

export const PII_READ_SCOPE = "pii:read";

export function seesPersonalDataInClear(
  caller: Pick<Caller, "issuer" | "scopes"> | null,
  owner: Jurisdiction | string,
): boolean {
  if (!caller) return false;
  if (caller.issuer === owner) return true;
  return caller.issuer === "gz" && caller.scopes.has(PII_READ_SCOPE);
}
