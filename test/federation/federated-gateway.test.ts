/**
 * The gateway serving the supergraph (gateway/federation/): one request reads the shared record and both
 * provinces' own files, each province asked once per request however many enterprises (batched
 * `_entities`), as the verified caller, masked for another jurisdiction, audited; a province down or
 * slow leaves the rest of the answer whole, with SUBGRAPH_UNAVAILABLE naming it, within the timeout.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadPublicJwks } from "../../gateway/auth/keys.ts";
import { createHttpServer } from "../../gateway/http-server.ts";
import { enterprises } from "../../prisma/seed/data/enterprises.ts";
import { startChongqingSimulator } from "../../scripts/simulators/chongqing/index.ts";
import { provincialFile } from "../../scripts/simulators/core/provincial-file.ts";
import type { RunningSimulator } from "../../scripts/simulators/core/simulator.ts";
import { startSichuanSimulator } from "../../scripts/simulators/sichuan/index.ts";
import { freePort } from "../support/free-port.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

const TIMEOUT_MS = 1_000;

/** an enterprise both provinces keep a file on, each with cases (the files are deterministic) */
const BOTH = enterprises.find((e) =>
  (["cq", "sc"] as const).every((p) => (provincialFile(p, e.uscc, Date.now())?.cases.length ?? 0) > 0),
);
if (!BOTH) throw new Error("the seed has no enterprise with cases at both provinces");

const ONE = `query ($uscc: String!) {
  enterprise(uscc: $uscc) {
    uscc name
    atChongqing { province cases { caseNumber contactName contactPhone } creditRepair { state } }
    atSichuan { province cases { caseNumber contactName contactPhone } openRectificationOrders { deadline overdue } }
  }
}`;
const MANY = `query ($first: Int!) {
  enterprises(first: $first) { edges { node { uscc atChongqing { province } atSichuan { province } } } }
}`;

interface Case {
  caseNumber: string;
  contactName: string;
  contactPhone: string;
}
interface OneAnswer {
  enterprise: {
    uscc: string;
    name: string;
    atChongqing: { province: string; cases: Case[] } | null;
    atSichuan: { province: string; cases: Case[] } | null;
  };
}

let t: TestGateway;
let cq: RunningSimulator;
let sc: RunningSimulator;
const ports = { cq: 0, sc: 0 };

async function startProvinces() {
  const gatewayJwks = await loadPublicJwks(t.keys.dir, "gateway");
  cq = await startChongqingSimulator({ rate: 0, port: ports.cq, gatewayJwks });
  sc = await startSichuanSimulator({ rate: 0, port: ports.sc, gatewayJwks });
}

beforeAll(async () => {
  ports.cq = await freePort();
  ports.sc = await freePort();
  t = await createTestGateway({
    env: {
      FEDERATION_CHONGQING_URL: `http://127.0.0.1:${ports.cq}/subgraph`,
      FEDERATION_SICHUAN_URL: `http://127.0.0.1:${ports.sc}/subgraph`,
      FEDERATION_TIMEOUT_MS: String(TIMEOUT_MS),
    },
  });
  await startProvinces();
});
afterAll(async () => {
  await Promise.all([cq?.stop(), sc?.stop()]);
  await t?.dispose();
});
afterEach(() => {
  cq.faults.reset();
  sc.faults.reset();
});

describe("one graph: the shared record and each province's own file", () => {
  it("answers both provinces' files beside the shared record, as each province keeps them", async () => {
    const answer = await t.gql<OneAnswer>(ONE, { as: "gz", scopes: ["pii:read"], variables: { uscc: BOTH.uscc } });
    expect(answer.errors).toBeUndefined();
    const { enterprise } = answer.data!;
    expect(enterprise.name).toBe(BOTH.name);
    const now = Date.now();
    const cqFile = provincialFile("cq", BOTH.uscc, now);
    const scFile = provincialFile("sc", BOTH.uscc, now);
    expect(enterprise.atChongqing?.province).toBe("cq");
    expect(enterprise.atSichuan?.province).toBe("sc");
    expect(enterprise.atChongqing?.cases).toEqual(
      cqFile?.cases.map(({ caseNumber, contactName, contactPhone }) => ({ caseNumber, contactName, contactPhone })),
    );
    expect(enterprise.atSichuan?.cases.map((c) => c.caseNumber)).toEqual(scFile?.cases.map((c) => c.caseNumber));
    // the province learnt the caller the gateway verified
    expect(sc.subgraph.lastCaller).toMatchObject({ issuer: "gz", subject: "gz-tester" });
  });

  it("asks each province once per request, however many enterprises (batched _entities)", async () => {
    const before = { cq: { ...cq.subgraph }, sc: { ...sc.subgraph } };
    const answer = await t.gql<{ enterprises: { edges: { node: { uscc: string } }[] } }>(MANY, {
      as: "gz",
      variables: { first: 20 },
    });
    expect(answer.errors).toBeUndefined();
    const n = answer.data!.enterprises.edges.length;
    expect(n).toBeGreaterThan(5);
    for (const [province, sim] of [
      ["cq", cq],
      ["sc", sc],
    ] as const) {
      expect(sim.subgraph.entitiesCalls - before[province].entitiesCalls).toBe(1);
      expect(sim.subgraph.representations - before[province].representations).toBe(n);
    }
  });

  it("asks no province for an operation that selects none of their fields (the shared fast path)", async () => {
    const before = cq.subgraph.operations + sc.subgraph.operations;
    const answer = await t.gql(`{ enterprise(uscc: "${BOTH.uscc}") { name creditGradeCq creditGradeSc } }`, {
      as: "gz",
    });
    expect(answer.errors).toBeUndefined();
    expect(cq.subgraph.operations + sc.subgraph.operations).toBe(before);
  });

  it("masks the other province's personal data: a cq officer reads Sichuan's contacts masked, its own in clear", async () => {
    const answer = await t.gql<OneAnswer>(ONE, { as: "cq", variables: { uscc: BOTH.uscc } });
    expect(answer.errors).toBeUndefined();
    const { atChongqing, atSichuan } = answer.data!.enterprise;
    const scFile = provincialFile("sc", BOTH.uscc, Date.now());
    const cqFile = provincialFile("cq", BOTH.uscc, Date.now());
    expect(atChongqing?.cases.map((c) => c.contactPhone)).toEqual(cqFile?.cases.map((c) => c.contactPhone));
    expect(scFile?.cases.length).toBeGreaterThan(0);
    atSichuan?.cases.forEach((c, i) => {
      const original = scFile!.cases[i]!;
      expect(c.contactPhone).not.toBe(original.contactPhone);
      expect(c.contactPhone).toMatch(/^\d{3}\*+\d{4}$/);
      expect(c.contactName).toBe(
        `${Array.from(original.contactName)[0]}${"*".repeat(Array.from(original.contactName).length - 1)}`,
      );
    });
    // the committee without pii:read sees both masked
    const gz = await t.gql<OneAnswer>(ONE, { as: "gz", variables: { uscc: BOTH.uscc } });
    for (const c of [
      ...(gz.data!.enterprise.atChongqing?.cases ?? []),
      ...(gz.data!.enterprise.atSichuan?.cases ?? []),
    ]) {
      expect(c.contactPhone).toContain("*");
    }
  });

  it("writes every federated read into the audit chain, with the enterprises whose files were read", async () => {
    await t.gql<OneAnswer>(ONE, { as: "sc", subject: "sc-auditor", variables: { uscc: BOTH.uscc } });
    await t.services.auditLog.flush();
    const entry = await t.prisma.auditEntry.findFirst({ where: { subject: "sc-auditor" }, orderBy: { seq: "desc" } });
    expect(entry?.recordIds).toEqual(
      expect.arrayContaining([`chongqing:Enterprise:${BOTH.uscc}`, `sichuan:Enterprise:${BOTH.uscc}`]),
    );
    expect(entry?.outcome).toBe("OK");
  });
});

describe("over HTTP, through the gateway's front door (gateway/federation/shared-first-router.ts)", () => {
  let http: Server;
  let url = "";
  beforeAll(async () => {
    http = createHttpServer(t.gateway);
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

  async function postRaw(body: string) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await t.token("gz")}` },
      body,
    });
    return { status: response.status, ...((await response.json()) as { data?: OneAnswer; errors?: unknown[] }) };
  }

  it("a shared-only read: answered, no province asked", async () => {
    const before = cq.subgraph.operations + sc.subgraph.operations;
    const answer = await postRaw(JSON.stringify({ query: `{ enterprise(uscc: "${BOTH.uscc}") { uscc name } }` }));
    expect(answer).toMatchObject({ status: 200, data: { enterprise: { uscc: BOTH.uscc, name: BOTH.name } } });
    expect(cq.subgraph.operations + sc.subgraph.operations).toBe(before);
  });

  it("a body that is not JSON is refused as the shared schema's server refuses it (400)", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await t.token("gz")}` },
      body: '{"query": "{ items',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
  });

  it("a province's field spelled with JSON escapes still reaches the province (the runtime answers it)", async () => {
    const query = `{ enterprise(uscc: "${BOTH.uscc}") { name atSichuan { province } } }`;
    const escaped = JSON.stringify({ query }).replace("atSichuan", "\\u0061tSichuan");
    expect(escaped).toContain("\\u0061tSichuan");
    const answer = await postRaw(escaped);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.enterprise.atSichuan?.province).toBe("sc");
  });
});

describe("a province down or slow", () => {
  it("a province down: the shared record and the other province's file still come, with SUBGRAPH_UNAVAILABLE naming it", async () => {
    sc.faults.update({ down: true });
    const answer = await t.gql<OneAnswer>(ONE, { as: "gz", variables: { uscc: BOTH.uscc } });
    expect(answer.status).toBe(200);
    expect(answer.data?.enterprise.name).toBe(BOTH.name);
    expect(answer.data?.enterprise.atChongqing?.province).toBe("cq");
    expect(answer.data?.enterprise.atSichuan).toBeNull();
    expect(answer.errors).toEqual([
      expect.objectContaining({
        path: ["enterprise", "atSichuan"],
        extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", subgraph: "sichuan" }),
      }),
    ]);
  });

  it("a province stopped: unreachable, reported by /healthz/federation; back when it is back", async () => {
    await sc.stop();
    const answer = await t.gql<OneAnswer>(ONE, { as: "gz", variables: { uscc: BOTH.uscc } });
    expect(answer.data?.enterprise.atChongqing?.province).toBe("cq");
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: "SUBGRAPH_UNAVAILABLE",
      reason: "SUBGRAPH_UNREACHABLE",
      subgraph: "sichuan",
    });
    const health = await t.gateway.fetch("http://gateway.test/healthz/federation");
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      status: "degraded",
      unavailable: ["sichuan"],
      subgraphs: { shared: { status: "in-process" }, chongqing: { status: "ok" }, sichuan: { status: "unreachable" } },
    });

    sc = await startSichuanSimulator({
      rate: 0,
      port: ports.sc,
      gatewayJwks: await loadPublicJwks(t.keys.dir, "gateway"),
    });
    const again = await t.gql<OneAnswer>(ONE, { as: "gz", variables: { uscc: BOTH.uscc } });
    expect(again.errors).toBeUndefined();
    expect(again.data?.enterprise.atSichuan?.province).toBe("sc");
    expect((await t.gateway.fetch("http://gateway.test/healthz/federation")).status).toBe(200);
  });

  it("a province slower than the timeout: answered within it, SUBGRAPH_TIMEOUT", async () => {
    cq.faults.update({ latencyMs: 5 * TIMEOUT_MS });
    const started = Date.now();
    const answer = await t.gql<OneAnswer>(ONE, { as: "gz", variables: { uscc: BOTH.uscc } });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_500);
    expect(answer.data?.enterprise.atSichuan?.province).toBe("sc");
    expect(answer.data?.enterprise.atChongqing).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: "SUBGRAPH_UNAVAILABLE",
      reason: "SUBGRAPH_TIMEOUT",
      subgraph: "chongqing",
    });
  });

  it("a province that no longer trusts the gateway's key: SUBGRAPH_REFUSED", async () => {
    await cq.stop();
    const other = await import("../support/federation.ts").then((m) => m.createGatewayKey());
    try {
      cq = await startChongqingSimulator({ rate: 0, port: ports.cq, gatewayJwks: other.jwks });
      const answer = await t.gql<OneAnswer>(ONE, { as: "gz", variables: { uscc: BOTH.uscc } });
      expect(answer.data?.enterprise.atChongqing).toBeNull();
      expect(answer.errors?.[0]?.extensions).toMatchObject({ reason: "SUBGRAPH_REFUSED", subgraph: "chongqing" });
      expect(cq.subgraph.refused).toBeGreaterThan(0);
    } finally {
      await cq.stop();
      await other.cleanup();
      cq = await startChongqingSimulator({
        rate: 0,
        port: ports.cq,
        gatewayJwks: await loadPublicJwks(t.keys.dir, "gateway"),
      });
    }
  });
});
