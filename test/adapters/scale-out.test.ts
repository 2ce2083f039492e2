/**
 * Scale-out, proven rather than assumed (docker-compose's topology in miniature): two gateway
 * processes (`scripts/serve.ts`) on one Postgres and one Redis behind a round-robin TCP balancer, both
 * platform simulators and both adapters talking through it — their pushes, reads and change-stream
 * subscriptions spread over the two. Each replica in turn is SIGKILLed mid-traffic: while it is down
 * both subscriptions resume on the other replica and records keep flowing both ways; it is restarted;
 * then the three stores (gateway, both platforms) reconcile exactly — none lost, none twice, no version
 * backwards — and both adapters are CAUGHT_UP. The replay guard (bearer jti and DPoP proof) and the
 * public rate limit hold across replicas.
 *
 * Needs the real servers: skipped without DATABASE_URL and REDIS_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Province } from "../../adapters/core/canonical.ts";
import { generateDpopKey, signDpopProof } from "../../gateway/auth/dpop-proof.ts";
import { loadPrivateKey } from "../../gateway/auth/keys.ts";
import { signToken } from "../../gateway/auth/sign-token.ts";
import { seedDatabase } from "../../prisma/seed/seed.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { freePort } from "../support/free-port.ts";
import { deleteRedisPrefix, testRedisPrefix } from "../support/gateway.ts";
import { buildServeBundle, type GatewayProcess, startGatewayProcess } from "../support/gateway-process.ts";
import { createTestKeys, type TestKeys } from "../support/keys.ts";
import { startTcpBalancer, type TcpBalancer } from "../support/tcp-balancer.ts";
import {
  expectCaughtUp,
  expectLibraryVersionsNeverWentBack,
  expectVersionsNeverWentBack,
  storeOf,
  waitForLibrariesReconciled,
  waitForReconciled,
} from "./sync-support.ts";
import { PROVINCES, type SyncWorld, sleep, startSyncWorldOn, until, type WorldGateway } from "./sync-world.ts";

const REDIS_URL = process.env.REDIS_URL;
const RATE_LIMIT = 8;

let database: TestDatabase;
let keys: TestKeys;
let balancer: TcpBalancer;
let replicas: [GatewayProcess, GatewayProcess];
let world: SyncWorld<WorldGateway>;

/** what the other province's platform has received so far */
const receivedOn = async (province: Province) => (await storeOf(world.sims[province].url)).received.length;

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { errors?: Array<{ extensions?: { code?: string; reason?: string } }> };
  return { status: response.status, error: json.errors?.[0]?.extensions };
}

describe.skipIf(!process.env.DATABASE_URL || !REDIS_URL)("scale-out: two gateway processes, Postgres and Redis", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDatabase(database.prisma);
    keys = await createTestKeys();
    const redisPrefix = testRedisPrefix();
    const bundle = await buildServeBundle();
    const ports = [await freePort(), await freePort()];
    balancer = await startTcpBalancer(ports);
    const env = {
      DATABASE_URL: database.db.url!,
      REDIS_URL: REDIS_URL!,
      REDIS_PREFIX: redisPrefix,
      KEYS_DIR: keys.dir,
      // clients address the balancer: DPoP proofs name it, whichever replica answers
      PUBLIC_ORIGIN: balancer.url,
      PUBLIC_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      STREAM_HEARTBEAT_MS: "500",
      STREAM_POLL_MS: "200",
    };
    replicas = (await Promise.all(ports.map((port) => startGatewayProcess(env, { port, script: bundle.script })))) as [
      GatewayProcess,
      GatewayProcess,
    ];
    world = await startSyncWorldOn({
      url: balancer.url,
      keysDir: keys.dir,
      prisma: database.prisma,
      async dispose() {
        await Promise.all(replicas.map((r) => r.kill()));
        await balancer.close();
        await database.dispose();
        await keys.cleanup();
        await bundle.remove();
        await deleteRedisPrefix(REDIS_URL!, redisPrefix);
      },
    });
  }, 120_000);

  afterAll(() => world?.dispose(), 60_000);

  it("replicas SIGKILLed mid-traffic: subscribers resume on the other, the three stores reconcile exactly", async () => {
    world.setRate(30);
    await world.generate("cq", 30);
    await world.generate("sc", 30);
    // both directions flowing: each platform has received the other's records through a subscription
    await until("records flow both ways", async () => (await receivedOn("cq")) > 0 && (await receivedOn("sc")) > 0);
    for (const replica of replicas) {
      expect(balancer.accepted.get(replica.port), `connections on :${replica.port}`).toBeGreaterThan(0);
    }
    // each replica in turn, so that whichever one held a subscription, it had to resume on the other
    for (const victim of replicas) {
      await victim.kill();
      const before = { cq: await receivedOn("cq"), sc: await receivedOn("sc") };
      await world.generate("cq", 5);
      await world.generate("sc", 5);
      // only the other replica is up: what arrives now came through subscriptions resumed on it
      await until(
        `both subscriptions resumed with :${victim.port} down`,
        async () => (await receivedOn("cq")) > before.cq && (await receivedOn("sc")) > before.sc,
        30_000,
      );
      await victim.start();
    }
    await sleep(500); // traffic on both replicas again
    world.setRate(0);
    for (const origin of PROVINCES) {
      await waitForReconciled(world, origin); // same ids at the same versions in all three stores, none twice
      await waitForLibrariesReconciled(world, origin);
    }
    await expectVersionsNeverWentBack(world);
    await expectLibraryVersionsNeverWentBack(world);
    await expectCaughtUp(world);
  }, 90_000);

  it("a token's jti and a DPoP proof are accepted once across replicas", async () => {
    const [a, b] = replicas;
    const gz = await loadPrivateKey(keys.dir, "gz");
    const mint = (boundKey?: string) =>
      signToken({ privateKey: gz.key, kid: gz.kid, alg: gz.alg, issuer: "gz", subject: "scale-probe", boundKey });
    const heartbeat = (source: string) => ({
      query: `mutation { heartbeat(input: { source: "${source}", direction: INBOUND }) { status { adapter } } }`,
    });

    const bearer = { authorization: `Bearer ${await mint()}` };
    expect((await post(a.url, heartbeat("bearer-probe"), bearer)).status).toBe(200);
    expect(await post(b.url, heartbeat("bearer-probe"), bearer)).toMatchObject({
      status: 401,
      error: { reason: "TOKEN_REPLAYED" },
    });

    const key = await generateDpopKey();
    const token = await mint(key.thumbprint);
    const proof = await signDpopProof(key, { method: "POST", url: `${balancer.url}/graphql`, accessToken: token });
    const dpop = { authorization: `DPoP ${token}`, dpop: proof };
    expect((await post(a.url, heartbeat("dpop-probe"), dpop)).status).toBe(200);
    expect(await post(b.url, heartbeat("dpop-probe"), dpop)).toMatchObject({
      status: 401,
      error: { reason: "DPOP_PROOF_REPLAYED" },
    });
  });

  it("the public rate limit is one budget for all replicas", async () => {
    const check = { query: `{ verifyInspection(code: "x.y.z", uscc: "91500112MAG000014A") { valid } }` };
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 2; i++) {
      const replica = replicas[i % 2]!;
      statuses.push((await post(replica.url, check)).status);
    }
    expect(statuses.slice(0, RATE_LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(RATE_LIMIT)).toEqual([429, 429]);
  });
});
