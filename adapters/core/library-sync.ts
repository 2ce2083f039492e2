/**
 * Inbound, the libraries (人员库 / 对象库): a feed page's officer and enterprise changes go to
 * `upsertOfficers` / `upsertEnterprises` before the page's records and cursor, so a crash after them
 * replays them (UNCHANGED, or STALE for an older version) and a crash before them loses nothing.
 * What the gateway refuses is quarantined like a refused record — originId `officer:<certificate>` /
 * `enterprise:<uscc>`, the gateway's code and message — visible and counted, never blocking the page.
 */
import { libraryQuarantineId } from "../../schema/records/rules/library-quarantine-id.ts";
import type { EnterpriseInput, OfficerInput, Unmappable } from "./canonical.ts";
import type { GatewayClient } from "./gateway-client.ts";
import type { FeedPage } from "./inbound-sync.ts";
import type { ResultOf } from "./operations/graphql.ts";
import { UPSERT_ENTERPRISES, UPSERT_OFFICERS } from "./operations/libraries.ts";

type Result = ResultOf<typeof UPSERT_OFFICERS>["upsertOfficers"]["results"][number];

export async function pushLibraryChanges(
  client: GatewayClient,
  page: Pick<FeedPage<unknown>, "officers" | "enterprises">,
  retry: <T>(work: () => Promise<T>) => Promise<T>,
  signal: AbortSignal,
): Promise<Unmappable[]> {
  const refused: Unmappable[] = [];
  const keep = (kind: "officer" | "enterprise", inputs: (OfficerInput | EnterpriseInput)[], results: Result[]) =>
    results.forEach((result, i) => {
      const input = inputs[i];
      if (result.outcome !== "REFUSED" || !input) return;
      const key = "uscc" in input ? input.uscc : input.certificateNumber;
      refused.push({
        originId: libraryQuarantineId(kind, key),
        version: input.version,
        code: result.code ?? "REFUSED",
        reason: result.message,
        payload: input,
      });
    });
  const { officers, enterprises } = page;
  if (officers.length > 0) {
    const answer = await retry(() => client.mutate(UPSERT_OFFICERS, { input: { officers } }, signal));
    keep("officer", officers, answer.upsertOfficers.results);
  }
  if (enterprises.length > 0) {
    const answer = await retry(() => client.mutate(UPSERT_ENTERPRISES, { input: { enterprises } }, signal));
    keep("enterprise", enterprises, answer.upsertEnterprises.results);
  }
  return refused;
}
