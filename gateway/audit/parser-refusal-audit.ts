/**
 * A request Node's own HTTP parser refused (headers over 16 KiB, a malformed request line or Content-Length, a
 * timeout: gateway/http-server.ts) is an access attempt too: audited REFUSED with the code it is answered with. No
 * token can be read from a request the parser refused, so the entry names no caller. Appended without waiting:
 * the parser's answer is written at once, and a refusal is refused whether or not its entry could be written.
 */
import type { ParserRefusalListener } from "../http-server.ts";
import { type AuditLog, unnamedOperationRecord } from "./audit-log.ts";

export function parserRefusalAudit(auditLog: Pick<AuditLog, "append">): ParserRefusalListener {
  return (code) => {
    void auditLog.append(unnamedOperationRecord(null, { outcome: "REFUSED", errorCode: code })).catch(() => {});
  };
}
