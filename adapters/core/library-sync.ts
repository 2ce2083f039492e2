/**
 * Inbound, the libraries (人员库 / 对象库): a feed page's officer and enterprise changes go to
 * `upsertOfficers` / `upsertEnterprises` before the page's records and cursor, so a crash after them
 * replays them (UNCHANGED, or SUPERSEDED for an older version) and a crash before them loses nothing.
 * What the gateway refuses is quarantined like a refused record — originId `officer:<certificate>` /
 * `enterprise:<uscc>`, the gateway's code and message — visible and counted, never blocking the page.
 */
import { libraryQuarantineId } from "../../schema/records/rules/library-quarantine-id.ts";
import type { EnterpriseInput, OfficerInput, Unmappable } from "./canonical.ts";
import type { GatewayClient } from "./gateway-client.ts";
import type { FeedPage } from "./inbound-sync.ts";

const RESULTS = "{ results { key ok code message } }";
const UPSERT_OFFICERS = `mutation($records: [OfficerInput!]!) { upsertOfficers(records: $records) ${RESULTS} }`;
const UPSERT_ENTERPRISES = `mutation($records: [EnterpriseInput!]!) { upsertEnterprises(records: $records) ${RESULTS} }`;

type Answer = Record<string, { results: Array<{ key: string; ok: boolean; code: string; message: string }> }>;

export async function pushLibraryChanges(
  client: GatewayClient,
  page: Pick<FeedPage<unknown>, "officers" | "enterprises">,
  retry: <T>(work: () => Promise<T>) => Promise<T>,
  signal: AbortSignal,
): Promise<Unmappable[]> {
  const refused: Unmappable[] = [];
  const push = async <I extends OfficerInput | EnterpriseInput>(kind: string, mutation: string, inputs: I[]) => {
    if (inputs.length === 0) return;
    const answer = await retry(() => client.mutate<Answer>(mutation, { records: inputs }, signal));
    const results = Object.values(answer)[0]?.results ?? [];
    results.forEach((result, i) => {
      const input = inputs[i];
      if (result.ok || !input) return;
      const key = "uscc" in input ? input.uscc : input.certificateNumber;
      refused.push({
        originId: libraryQuarantineId(kind, key),
        version: input.version,
        code: result.code,
        reason: result.message,
        payload: input,
      });
    });
  };
  await push("officer", UPSERT_OFFICERS, page.officers);
  await push("enterprise", UPSERT_ENTERPRISES, page.enterprises);
  return refused;
}
