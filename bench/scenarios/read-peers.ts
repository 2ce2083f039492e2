/**
 * read-peers — the same read on the gateway vs Apollo Server and Mercurius serving the same items from memory, each
 * at its best as its documentation recommends (issue 19: a handicapped peer is not a result) — see PEERS_AT_THEIR_BEST
 * and bench/servers/. Each verifies the same Chongqing token with jose (ES256, the same JWKS) behind the gateway's
 * verified-token cache. The gateway reads a database and writes an audit entry per request; the peers do neither.
 */
import { startServerChild } from "../lib/child.ts";
import { profileUnderLoad } from "../lib/profile.ts";
import { formatNumber } from "../lib/report.ts";
import { goalCheck, measuredResult, ratioOf } from "../lib/result.ts";
import { assertAnswered, cpuText, interleavedRounds } from "../lib/rounds.ts";
import { gatewayReadTarget, memoryReadTarget } from "./read.ts";
import type { Scenario } from "./types.ts";

/** How the peers are configured (bench/servers/apollo.ts, mercurius.ts, jose-verify.ts), as the results say it. */
export const PEERS_AT_THEIR_BEST =
  "peers at their best: Mercurius jit 1 + mercurius-cache on items/item, Apollo response-cache plugin + " +
  "@cacheControl on items/item, both with the gateway's verified-token cache" +
  (process.env.BENCH_PEER_TOKEN_CACHE === "0" ? " (token cache OFF: BENCH_PEER_TOKEN_CACHE=0)" : "");

export const readPeers: Scenario = {
  name: "read-peers",
  goal: "ahead of both peers (gateway req/s ÷ the better peer's > 1)",
  description: "the read on the gateway vs Apollo Server and Mercurius at their best (caches, JIT, token cache)",
  async run(ctx, common) {
    const gateway = await ctx.gateway();
    const env = { BENCH_KEYS_DIR: ctx.keys.dir };
    const apollo = await startServerChild("apollo", "apollo.ts", { env });
    const mercurius = await startServerChild("mercurius", "mercurius.ts", { env }).catch(async (error) => {
      await apollo.stop();
      throw error;
    });
    try {
      const gatewayTarget = await gatewayReadTarget(ctx, gateway);
      const headers = gatewayTarget.headers; // the same token
      const apolloTarget = await memoryReadTarget("apollo", apollo, gatewayTarget, headers);
      const mercuriusTarget = await memoryReadTarget("mercurius", mercurius, gatewayTarget, headers);
      const figures = await interleavedRounds(
        [
          { target: gatewayTarget, child: gateway },
          { target: apolloTarget, child: apollo },
          { target: mercuriusTarget, child: mercurius },
        ],
        ctx.options.timing,
      );
      for (const f of Object.values(figures)) assertAnswered(f);
      const g = figures.gateway!;
      const best = [figures.apollo!, figures.mercurius!].sort((x, y) => y.requestsPerSecond - x.requestsPerSecond)[0]!;
      const ratio = ratioOf(g.requestsPerSecond, best.requestsPerSecond);
      const checks = [goalCheck(`req/s ÷ ${best.name}`, ratio, ">", 1)];
      const profile =
        !checks[0]!.met && ctx.options.profileOnMiss
          ? await profileUnderLoad(gateway, gatewayTarget, ctx.options.quick ? 3 : 5)
          : undefined;
      const line = (name: string) =>
        `${name} ${formatNumber(figures[name]!.requestsPerSecond)} req/s p99 ${formatNumber(figures[name]!.p99Ms, 1)} ms${cpuText(figures[name]!)}`;
      return measuredResult(common, {
        ratio,
        checks,
        summary: `${line("gateway")} (${gateway.info.database}) vs ${line("apollo")}, ${line("mercurius")}; ${PEERS_AT_THEIR_BEST}`,
        raw: {
          connections: 64,
          timing: ctx.options.timing,
          database: gateway.info.database,
          betterPeer: best.name,
          peers: PEERS_AT_THEIR_BEST,
          ...figures,
        },
        profile,
      });
    } finally {
      await Promise.all([apollo.stop(), mercurius.stop()]);
    }
  },
};
