/**
 * read — the catalog read with a valid Chongqing token, audit on, 64 connections, against the real gateway;
 * baseline: bare graphql-yoga serving the same items from memory with no auth. Also the verify cost per request.
 */
import { type ServerChild, startServerChild } from "../lib/child.ts";
import { askOnce } from "../lib/graphql.ts";
import type { LoadTarget } from "../lib/load.ts";
import { profileUnderLoad } from "../lib/profile.ts";
import { formatNumber } from "../lib/report.ts";
import { goalCheck, measuredResult, ratioOf } from "../lib/result.ts";
import { assertAnswered, interleavedRounds } from "../lib/rounds.ts";
import { measureVerifyCost } from "../lib/verify-cost.ts";
import { READ_QUERY } from "../servers/memory-catalog.ts";
import type { Scenario, ScenarioContext } from "./types.ts";

const JSON_HEADERS = { "content-type": "application/json" };
const BODY = JSON.stringify({ query: READ_QUERY, variables: {} });

/** The gateway's read target, checked once: the answer every request under load must get. */
export async function gatewayReadTarget(ctx: ScenarioContext, gateway: ServerChild): Promise<LoadTarget> {
  const headers = { ...JSON_HEADERS, authorization: `Bearer ${await ctx.keys.token("cq")}` };
  const answer = await askOnce(gateway.url, BODY, headers);
  return { name: "gateway", url: gateway.url, headers, body: BODY, expectBody: answer.text };
}

/** A memory-backed server's read target; refuses to compare when its data differ from the gateway's. */
export async function memoryReadTarget(
  name: string,
  child: ServerChild,
  gateway: LoadTarget,
  headers: Record<string, string> = JSON_HEADERS,
): Promise<LoadTarget> {
  const answer = await askOnce(child.url, BODY, headers);
  if (JSON.stringify(JSON.parse(answer.text)) !== JSON.stringify(JSON.parse(gateway.expectBody!))) {
    throw new Error(`${name} does not answer with the gateway's data: the comparison would be unfair`);
  }
  return { name, url: child.url, headers, body: BODY, expectBody: answer.text };
}

export const read: Scenario = {
  name: "read",
  goal: "≥ 0.6 of baseline req/s, p99 ≤ 2×",
  description:
    "items(domain:) + item(code:) with a valid token, audit on, 64 connections vs bare graphql-yoga, no auth",
  async run(ctx, common) {
    const gateway = await ctx.gateway();
    const baseline = await startServerChild("yoga-bare", "yoga-bare.ts");
    try {
      const gatewayTarget = await gatewayReadTarget(ctx, gateway);
      const baselineTarget = await memoryReadTarget("yoga-bare", baseline, gatewayTarget);
      const figures = await interleavedRounds(
        [
          { target: gatewayTarget, child: gateway },
          { target: baselineTarget, child: baseline },
        ],
        ctx.options.timing,
      );
      const g = figures.gateway!;
      const b = figures["yoga-bare"]!;
      assertAnswered(g);
      assertAnswered(b);
      ctx.notes.set("read.gatewayRssMb", g.rssMb);
      ctx.notes.set("read.baselineRssMb", b.rssMb);
      ctx.notes.set("read.baselineRequestsPerSecond", b.requestsPerSecond);
      ctx.notes.set("read.gatewayRequestsPerSecond", g.requestsPerSecond);
      const verify = await measureVerifyCost(ctx.keys, ctx.options.quick ? 300 : 2000);
      const ratio = ratioOf(g.requestsPerSecond, b.requestsPerSecond);
      const p99Ratio = ratioOf(g.p99Ms, b.p99Ms);
      const checks = [goalCheck("req/s ratio", ratio, ">=", 0.6), goalCheck("p99 ratio", p99Ratio, "<=", 2)];
      const missed = checks.some((c) => !c.met);
      const profile =
        missed && ctx.options.profileOnMiss
          ? await profileUnderLoad(gateway, gatewayTarget, ctx.options.quick ? 3 : 5)
          : undefined;
      return measuredResult(common, {
        ratio,
        checks,
        summary:
          `gateway (${gateway.info.database}) ${formatNumber(g.requestsPerSecond)} req/s p99 ${formatNumber(g.p99Ms, 1)} ms vs bare yoga ` +
          `${formatNumber(b.requestsPerSecond)} req/s p99 ${formatNumber(b.p99Ms, 1)} ms; token verify ` +
          `${formatNumber(verify.uncachedMicros)} µs uncached, ${formatNumber(verify.cachedMicros, 1)} µs cached`,
        raw: {
          query: READ_QUERY,
          connections: 64,
          timing: ctx.options.timing,
          database: gateway.info.database,
          gateway: g,
          baseline: b,
          p99Ratio,
          verifyCost: verify,
        },
        profile,
      });
    } finally {
      await baseline.stop();
    }
  },
};
