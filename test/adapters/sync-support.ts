/** Shared pieces of the adapter end-to-end tests: stores of both platforms and of the gateway, compared. */
import { expect } from "vitest";
import type { CqRecord, CqSharedRecord } from "../../adapters/chongqing/types.ts";
import type { ScRecord, ScSharedRecord } from "../../adapters/sichuan/types.ts";
import type { startLiveGateway } from "../support/live-gateway.ts";

type Live = Awaited<ReturnType<typeof startLiveGateway>>;

export interface PlatformStore<Own, Received> {
  records: Own[];
  received: Received[];
}

export async function storeOf<Own, Received>(url: string): Promise<PlatformStore<Own, Received>> {
  const response = await fetch(`${url}/_sim/store`);
  return (await response.json()) as PlatformStore<Own, Received>;
}

/** id → version, failing the test on a duplicated id */
function versions(pairs: Array<[string, number]>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [id, version] of pairs) {
    expect(map.has(id), `${id} held twice`).toBe(false);
    map.set(id, version);
  }
  return map;
}

/** one direction's three stores: origin platform, gateway, receiving platform */
export async function snapshot(live: Live, origin: "cq" | "sc", cqUrl: string, scUrl: string) {
  const cq = await storeOf<CqRecord, CqSharedRecord>(cqUrl);
  const sc = await storeOf<ScRecord, ScSharedRecord>(scUrl);
  const rows = await live.prisma.enforcementRecord.findMany({
    where: { originJurisdiction: origin },
    select: { originId: true, version: true },
  });
  const source =
    origin === "cq"
      ? versions(cq.records.map((r) => [r.recordId, r.version]))
      : versions(sc.records.map((r) => [r.record_no, r.rev]));
  const target =
    origin === "cq"
      ? versions(sc.received.filter((r) => r.origin === "cq").map((r) => [r.origin_id, r.rev]))
      : versions(cq.received.filter((r) => r.origin === "sc").map((r) => [r.originId, r.version]));
  return { source, gateway: versions(rows.map((r) => [r.originId, r.version])), target };
}

const same = (a: Map<string, number>, b: Map<string, number>) =>
  a.size === b.size && [...a].every(([id, v]) => b.get(id) === v);

/** polls until the three stores hold the same ids at the same versions; bounded */
export async function waitForReconciled(
  read: () => ReturnType<typeof snapshot>,
  timeoutMs = 60_000,
): Promise<Awaited<ReturnType<typeof snapshot>>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await read();
    if (s.source.size > 0 && same(s.source, s.gateway) && same(s.source, s.target)) return s;
    if (Date.now() > deadline) {
      throw new Error(
        `not reconciled in ${timeoutMs} ms: source ${s.source.size}, gateway ${s.gateway.size}, target ${s.target.size}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
