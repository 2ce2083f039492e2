/**
 * The gateway's side of every call to a province's subgraph (docs/federation.md), as one Hive Gateway
 * plugin:
 * - trust: each HTTP request carries a token the gateway signs for that request alone — the verified
 *   caller, the subgraph as audience, the hash of the body (gateway/federation/subgraph-token.ts);
 * - time: a call that has not answered within `timeoutMs` is abandoned (its HTTP request aborted);
 * - partial failure: a call that times out, cannot connect, is refused or fails answers
 *   SUBGRAPH_UNAVAILABLE naming the subgraph, so the rest of the answer stands and nothing waits;
 * - masking: what the province answers is masked for a caller of another jurisdiction, by the rule
 *   of every shared record (schema/federation/rules/mask-province-answer.ts);
 * - audit: the enterprises whose provincial file was read go into the request's audit entry.
 */
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { ExecutionRequest, ExecutionResult, Executor } from "@graphql-tools/utils";
import type { GraphQLError } from "graphql";
import type { Province } from "../../schema/common/jurisdiction.ts";
import { maskProvinceAnswer } from "../../schema/federation/rules/mask-province-answer.ts";
import { seesPersonalDataInClear } from "../../schema/libraries/rules/personal-data.ts";
import type { SigningKey } from "../auth/keys.ts";
import type { GatewayContext } from "../context.ts";
import type { ReasonOf } from "../error-catalogue.ts";
import { subgraphUnavailable } from "../errors.ts";
import { signSubgraphToken } from "./subgraph-token.ts";

export interface ProvinceSubgraphEndpoint {
  /** the subgraph's name in the supergraph, and the audience of the gateway's token to it */
  name: string;
  province: Province;
  url: string;
}

export interface ProvinceCallsOptions {
  /** the gateway's own signing key (KEYS_DIR/gateway.private.jwk.json) */
  key: SigningKey;
  endpoints: readonly ProvinceSubgraphEndpoint[];
  timeoutMs: number;
  now?: () => number;
}

type Unavailability = ReasonOf<"SUBGRAPH_UNAVAILABLE">;

const MESSAGES: Readonly<Record<Unavailability, (subgraph: string, ms: number) => string>> = {
  SUBGRAPH_TIMEOUT: (s, ms) => `子图 ${s} 在 ${ms} 毫秒内未应答 — the ${s} subgraph did not answer within ${ms} ms`,
  SUBGRAPH_UNREACHABLE: (s) => `无法连接子图 ${s} — the ${s} subgraph cannot be reached`,
  SUBGRAPH_REFUSED: (s) => `子图 ${s} 拒绝了网关的请求 — the ${s} subgraph refused the gateway`,
  SUBGRAPH_FAILED: (s) => `子图 ${s} 出错 — the ${s} subgraph failed`,
};

/** why a province's answer holds no data: refused (401/403 from it), or failed */
function reasonOfErrorAnswer(errors: readonly GraphQLError[]): Unavailability {
  const refused = errors.some((e) => {
    const { code, http } = (e.extensions ?? {}) as { code?: unknown; http?: { status?: number } };
    return code === "UNAUTHENTICATED" || http?.status === 401 || http?.status === 403;
  });
  if (refused) return "SUBGRAPH_REFUSED";
  const unreachable = errors.some((e) =>
    /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|socket hang up|fetch failed/i.test(
      `${e.message} ${(e.originalError as { cause?: { code?: string } } | undefined)?.cause?.code ?? ""}`,
    ),
  );
  return unreachable ? "SUBGRAPH_UNREACHABLE" : "SUBGRAPH_FAILED";
}

function representedUsccs(request: ExecutionRequest): string[] {
  const representations = (request.variables as { representations?: unknown } | undefined)?.representations;
  if (!Array.isArray(representations)) return [];
  return representations.flatMap((r) => {
    const uscc = (r as { uscc?: unknown } | null)?.uscc;
    return typeof uscc === "string" ? [uscc] : [];
  });
}

export function useProvinceCalls(options: ProvinceCallsOptions): GatewayPlugin {
  const now = options.now ?? Date.now;
  const byName = new Map(options.endpoints.map((e) => [e.name, e]));
  const byUrl = new Map(options.endpoints.map((e) => [e.url, e]));
  const unavailable = (endpoint: ProvinceSubgraphEndpoint, reason: Unavailability): ExecutionResult => ({
    data: null,
    errors: [subgraphUnavailable(MESSAGES[reason](endpoint.name, options.timeoutMs), reason, endpoint.name)],
  });

  /** the province's executor, bounded in time, never throwing, its answer masked for the caller */
  const governed =
    (endpoint: ProvinceSubgraphEndpoint, executor: Executor): Executor =>
    async (request) => {
      const ctx = request.context as GatewayContext | undefined;
      for (const uscc of representedUsccs(request)) ctx?.audit.recordIds.add(`${endpoint.name}:Enterprise:${uscc}`);
      // one deadline: it aborts the HTTP request and ends the wait, whichever the executor notices first
      const deadline = AbortSignal.timeout(options.timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
      const timedOut = new Promise<"timeout">((resolve) => {
        deadline.addEventListener("abort", () => resolve("timeout"), { once: true });
      });
      try {
        const answer = await Promise.race([Promise.resolve(executor({ ...request, signal })), timedOut]);
        if (answer === "timeout") return unavailable(endpoint, "SUBGRAPH_TIMEOUT");
        if (Symbol.asyncIterator in (answer as object)) return answer; // no subscriptions in the contract
        const result = answer as ExecutionResult;
        if (result.data == null) {
          return unavailable(
            endpoint,
            deadline.aborted ? "SUBGRAPH_TIMEOUT" : reasonOfErrorAnswer(result.errors ?? []),
          );
        }
        const inClear = seesPersonalDataInClear(ctx?.caller ?? null, endpoint.province);
        return inClear ? result : { ...result, data: maskProvinceAnswer(request.document, result.data) as never };
      } catch (error) {
        if (deadline.aborted) return unavailable(endpoint, "SUBGRAPH_TIMEOUT");
        return unavailable(endpoint, reasonOfErrorAnswer([error as GraphQLError]));
      }
    };

  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      const endpoint = byName.get(subgraphName);
      if (endpoint) setExecutor(governed(endpoint, executor));
    },
    onFetch({ url, options: init, setOptions, context }) {
      const endpoint = byUrl.get(url);
      if (!endpoint) return;
      const caller = (context as Partial<GatewayContext>).caller;
      if (!caller || typeof init.body !== "string") return; // unsigned: the province refuses it
      const body = JSON.parse(init.body) as { query: string; variables?: Record<string, unknown> | null };
      return signSubgraphToken({
        key: options.key,
        subgraph: endpoint.name,
        caller,
        request: { query: body.query, variables: body.variables ?? null },
        now: now(),
      }).then((token) => {
        setOptions({
          ...init,
          headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
        });
      });
    },
  };
}
