/**
 * The provinces' federation subgraph as both simulators serve it (scripts/simulators/core/subgraph.ts):
 * the contract's SDL with the province's own field, deterministic files, `_entities` counted.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { enterprises } from "../../prisma/seed/data/enterprises.ts";
import { startChongqingSimulator } from "../../scripts/simulators/chongqing/index.ts";
import type { RunningSimulator } from "../../scripts/simulators/core/simulator.ts";
import { startSichuanSimulator } from "../../scripts/simulators/sichuan/index.ts";
import { asGateway, createGatewayKey, type GatewayKey, postSubgraph } from "../support/federation.ts";

const running: RunningSimulator[] = [];
let gatewayKey: GatewayKey;
beforeAll(async () => {
  gatewayKey = await createGatewayKey();
});
afterAll(() => gatewayKey.cleanup());
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

const NOW = Date.UTC(2026, 11, 4, 8);

async function both() {
  const options = { rate: 0, now: () => NOW, gatewayJwks: gatewayKey.jwks };
  const cq = await startChongqingSimulator(options);
  const sc = await startSichuanSimulator(options);
  running.push(cq, sc);
  return { cq, sc };
}

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Enterprise { uscc FIELD { province cases { caseNumber stage documents { kind } } licences { name }
      openRectificationOrders { deadline overdue } creditRepair { state } } }
  }
}`;

/** as the gateway would: with its token for this request */
async function gql(url: string, query: string, variables?: Record<string, unknown>) {
  const subgraph = url === running[0]?.url ? "chongqing" : "sichuan";
  const reply = await postSubgraph(
    url,
    { query, variables },
    await asGateway(gatewayKey.key, subgraph, { query, variables }, undefined, NOW),
  );
  return reply as { status: number; body: { data: Record<string, unknown>; errors?: unknown[] } };
}

describe("province subgraph", () => {
  it("serves the contract with only its own province's field", async () => {
    const { cq, sc } = await both();
    const cqSdl = await gql(cq.url, "{ _service { sdl } }");
    const scSdl = await gql(sc.url, "{ _service { sdl } }");
    const sdlOf = (r: typeof cqSdl) => (r.body.data._service as { sdl: string }).sdl;
    expect(sdlOf(cqSdl)).toContain("atChongqing: ProvincialFile");
    expect(sdlOf(cqSdl)).not.toContain("atSichuan");
    expect(sdlOf(scSdl)).toContain("atSichuan: ProvincialFile");
    expect(sdlOf(scSdl)).not.toContain("atChongqing");
    expect(sdlOf(cqSdl)).toContain('@key(fields: "uscc")');
  });

  it("resolves many enterprises in one _entities call, deterministically, null where no file is kept", async () => {
    const { cq, sc } = await both();
    const usccs = enterprises.slice(0, 10).map((e) => e.uscc);
    const representations = [...usccs, "91500000MA00000000"].map((uscc) => ({ __typename: "Enterprise", uscc }));
    const first = await gql(cq.url, ENTITIES.replace("FIELD", "atChongqing"), { representations });
    const again = await gql(cq.url, ENTITIES.replace("FIELD", "atChongqing"), { representations });
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    expect(again.body).toEqual(first.body);
    const files = first.body.data._entities as { uscc: string; atChongqing: { province: string } | null }[];
    expect(files).toHaveLength(11);
    expect(files.at(-1)?.atChongqing).toBeNull();
    // registered in Chongqing → Chongqing keeps a file
    const cqRegistered = enterprises.slice(0, 10).filter((e) => e.registeringJurisdiction === "cq");
    expect(cqRegistered.length).toBeGreaterThan(0);
    for (const e of cqRegistered) {
      expect(files.find((f) => f.uscc === e.uscc)?.atChongqing?.province).toBe("cq");
    }
    expect(cq.subgraph).toMatchObject({ operations: 2, entitiesCalls: 2, representations: 22 });

    const scFiles = await gql(sc.url, ENTITIES.replace("FIELD", "atSichuan"), { representations });
    const scList = scFiles.body.data._entities as { atSichuan: { province: string } | null }[];
    expect(scList.filter((f) => f.atSichuan).every((f) => f.atSichuan?.province === "sc")).toBe(true);
    expect(sc.subgraph.entitiesCalls).toBe(1);
  });

  it("a case's documents follow its stage; open orders are sorted by deadline", async () => {
    const { cq } = await both();
    const representations = enterprises.map((e) => ({ __typename: "Enterprise", uscc: e.uscc }));
    const res = await gql(cq.url, ENTITIES.replace("FIELD", "atChongqing"), { representations });
    type File = {
      cases: { stage: string; documents: { kind: string }[] }[];
      openRectificationOrders: { deadline: string; overdue: boolean }[];
    };
    const files = (res.body.data._entities as { atChongqing: File | null }[]).flatMap((e) =>
      e.atChongqing ? [e.atChongqing] : [],
    );
    const cases = files.flatMap((f) => f.cases);
    expect(cases.length).toBeGreaterThan(10);
    const STAGES = ["FILED", "INVESTIGATING", "NOTIFIED", "DECIDED", "ENFORCING", "CLOSED"];
    for (const c of cases) {
      expect(c.documents).toHaveLength(STAGES.indexOf(c.stage) + 1);
      expect(c.documents[0]?.kind).toBe("立案审批表");
    }
    for (const f of files) {
      const deadlines = f.openRectificationOrders.map((o) => o.deadline);
      expect(deadlines).toEqual([...deadlines].sort());
      for (const o of f.openRectificationOrders) expect(o.overdue).toBe(o.deadline < "2026-12-04");
    }
  });

  it("is faulted like the platform's other routes: a platform down answers 503", async () => {
    const { cq } = await both();
    cq.faults.update({ errorRate: 1 });
    const res = await gql(cq.url, "{ _service { sdl } }");
    expect(res.status).toBeGreaterThanOrEqual(500);
  });
});
