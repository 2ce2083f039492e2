/**
 * federation — the gateway as served (the Hive Gateway runtime over the supergraph, the shared subgraph in
 * process) against the same gateway serving the shared schema alone (FEDERATION=false), interleaved, on the
 * read scenario's query: goal ≥ 0.9 of the direct read. Then one query joining both provinces' files
 * (a page of enterprises with their Chongqing and Sichuan parts, served by the two simulators over HTTP),
 * reported with p50/p99. Two fresh gateways of the run's database kind, the simulators in their own process.
 */
import { type ServerChild, startServerChild } from "../lib/child.ts";
import { startPreparedGateway } from "../lib/gateway-child.ts";
import { askOnce } from "../lib/graphql.ts";
import type { LoadTarget } from "../lib/load.ts";
import { PROFILES_DIR } from "../lib/paths.ts";
import { createScratchDatabase, type ScratchDatabase } from "../lib/postgres.ts";
import { profileUnderLoad } from "../lib/profile.ts";
import { formatNumber } from "../lib/report.ts";
import { goalCheck, measuredResult, ratioOf } from "../lib/result.ts";
import { assertAnswered, interleavedRounds } from "../lib/rounds.ts";
import { gatewayReadTarget } from "./read.ts";
import type { Scenario, ScenarioContext } from "./types.ts";

/**
 * A page of enterprises with both provinces' files: one `_entities` call to each province per request. Enterprises
 * are paged by id, which a fresh database draws at random, so the page starts `after` a cursor the scenario finds.
 */
const joinQuery = (after: string | null) => `{
  enterprises(first: 10${after ? `, after: ${JSON.stringify(after)}` : ""}) { pageInfo { endCursor } edges { node {
    uscc name creditGradeCq creditGradeSc
    atChongqing { cases { caseNumber stage documents { kind issuedOn } } openRectificationOrders { deadline overdue } }
    atSichuan { licences { name validTo status } creditRepair { state appliedOn } }
  } } }
}`;
/** pages tried for one where some enterprise has both provinces' files */
const JOIN_PAGES_TRIED = 20;
/** seconds of CPU profile of each gateway when the goal is missed */
const PROFILE_SECONDS = 5;
const JOIN_CONNECTIONS = 16;

async function joinTarget(ctx: ScenarioContext, gateway: ServerChild): Promise<LoadTarget> {
  const headers = { "content-type": "application/json", authorization: `Bearer ${await ctx.keys.token("gz")}` };
  let after: string | null = null;
  for (let page = 0; page < JOIN_PAGES_TRIED; page++) {
    const body = JSON.stringify({ query: joinQuery(after) });
    const answer = await askOnce(gateway.url, body, headers);
    const { edges, pageInfo } = (
      answer.data as {
        enterprises: { edges: { node: Record<string, unknown> }[]; pageInfo: { endCursor: string | null } };
      }
    ).enterprises;
    if (edges.some(({ node }) => node.atChongqing && node.atSichuan)) {
      return { name: "federated join", url: gateway.url, headers, body, expectBody: answer.text };
    }
    if (!pageInfo.endCursor) break;
    after = pageInfo.endCursor;
  }
  throw new Error(`no page of the first ${JOIN_PAGES_TRIED} has an enterprise with both provinces' files`);
}

export const federation: Scenario = {
  name: "federation",
  goal: "read through the supergraph ≥ 0.9 of the direct read; the join of both provinces reported (p50/p99)",
  description:
    "read query: federated gateway vs FEDERATION=false, interleaved; then enterprises + both provinces' files",
  async run(ctx, common) {
    const kind = await ctx.gatewayDatabaseKind();
    const databases: ScratchDatabase[] = [];
    const started: ServerChild[] = [];
    const gatewayOn = async (name: string, env: Record<string, string>) => {
      const database = kind === "postgres" ? await createScratchDatabase(ctx.postgresUrl, name) : undefined;
      if (database) databases.push(database);
      const cpuProfDir = ctx.options.cpuProf ? PROFILES_DIR : undefined;
      const child = await startPreparedGateway(name, ctx.keys.dir, { url: database?.url }, { env, cpuProfDir });
      started.push(child);
      return child;
    };
    try {
      const provinces = await startServerChild("provinces", "provinces.ts", { env: { BENCH_KEYS_DIR: ctx.keys.dir } });
      started.push(provinces);
      const federated = await gatewayOn("federated", {
        BENCH_FEDERATION_CHONGQING_URL: String(provinces.info.chongqing),
        BENCH_FEDERATION_SICHUAN_URL: String(provinces.info.sichuan),
      });
      const direct = await gatewayOn("direct", { BENCH_FEDERATION: "false" });
      const federatedRead = { ...(await gatewayReadTarget(ctx, federated)), name: "federated" };
      const directRead = { ...(await gatewayReadTarget(ctx, direct)), name: "direct" };
      if (federatedRead.expectBody !== directRead.expectBody) throw new Error("the two gateways answer differently");
      const read = await interleavedRounds(
        [
          { target: federatedRead, child: federated },
          { target: directRead, child: direct },
        ],
        ctx.options.timing,
      );
      const f = read.federated!;
      const d = read.direct!;
      assertAnswered(f);
      assertAnswered(d);
      const joined = await joinTarget(ctx, federated);
      const join = (
        await interleavedRounds([{ target: joined, child: federated }], ctx.options.timing, {
          connections: JOIN_CONNECTIONS,
        })
      )["federated join"]!;
      assertAnswered(join);
      const ratio = ratioOf(f.requestsPerSecond, d.requestsPerSecond);
      const checks = [goalCheck("federated/direct read req/s", ratio, ">=", 0.9)];
      // a miss: where each gateway's time goes under the same read load, the direct one's beside in raw
      const profiles =
        !checks[0]!.met && ctx.options.profileOnMiss
          ? {
              federated: await profileUnderLoad(federated, federatedRead, PROFILE_SECONDS),
              direct: await profileUnderLoad(direct, directRead, PROFILE_SECONDS),
            }
          : undefined;
      return measuredResult(common, {
        ratio,
        checks,
        profile: profiles?.federated,
        summary:
          `read (${kind}): federated ${formatNumber(f.requestsPerSecond)} req/s p99 ${formatNumber(f.p99Ms, 1)} ms vs ` +
          `direct ${formatNumber(d.requestsPerSecond)} req/s p99 ${formatNumber(d.p99Ms, 1)} ms; join of both ` +
          `provinces (10 enterprises, ${JOIN_CONNECTIONS} connections) ${formatNumber(join.requestsPerSecond)} req/s ` +
          `p50 ${formatNumber(join.p50Ms, 1)} ms p99 ${formatNumber(join.p99Ms, 1)} ms`,
        raw: {
          database: kind,
          timing: ctx.options.timing,
          federated: f,
          direct: d,
          join,
          joinQuery: (JSON.parse(joined.body) as { query: string }).query,
          directProfile: profiles?.direct,
        },
      });
    } finally {
      await Promise.all(started.map((child) => child.stop().catch(() => {})));
      await Promise.all(databases.map((database) => database.drop().catch(() => {})));
    }
  },
};
