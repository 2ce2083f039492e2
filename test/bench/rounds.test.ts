/**
 * Interleaved rounds (bench/lib/rounds.ts): before the first round every contender's load runs once unmeasured, then
 * each round measures every contender, the order rotating between rounds, with the scenario's own work after each.
 * Two contenders against a tiny local server that notes which contender each request came from, in arrival order.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ServerChild } from "../../bench/lib/child.ts";
import { interleavedRounds } from "../../bench/lib/rounds.ts";

let server: Server;
/** the contender of each request, in order of arrival */
const arrivals: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      arrivals.push(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** this process stands for the servers' process: its CPU and memory are read, never signalled */
const child = { pid: process.pid, memory: async () => process.memoryUsage() } as unknown as ServerChild;

/** the contenders' runs in arrival order: consecutive requests of the same contender are one run */
const runsOf = (names: readonly string[]) => names.filter((name, i) => i === 0 || names[i - 1] !== name);

describe("interleaved rounds", () => {
  it("settles every contender first, then rotates the order, with the scenario's work after each round", async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const contenders = ["a", "b"].map((name) => ({
      target: { name, url, headers: { "content-type": "text/plain" }, body: name, expectBody: "ok" },
      child,
    }));
    const afterRounds: Array<{ round: number; arrivals: number }> = [];
    // the harness's progress lines, not the test's output
    const quiet = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const figures = await interleavedRounds(
      contenders,
      { warmupSeconds: 1, durationSeconds: 1, rounds: 2 },
      { connections: 2, afterRound: async (round) => void afterRounds.push({ round, arrivals: arrivals.length }) },
    ).finally(() => quiet.mockRestore());
    expect(afterRounds.map((r) => r.round)).toEqual([0, 1]);
    const [roundOneEnd, roundTwoEnd] = afterRounds.map((r) => r.arrivals);
    // settle a, settle b, then round 1: a, b (each run ends with the drain's one request); then the hook
    expect(runsOf(arrivals.slice(0, roundOneEnd))).toEqual(["a", "b", "a", "b"]);
    // round 2 in the other order; then the hook again, with nothing after it
    expect(runsOf(arrivals.slice(roundOneEnd, roundTwoEnd))).toEqual(["b", "a"]);
    expect(arrivals).toHaveLength(roundTwoEnd!);
    for (const name of ["a", "b"]) {
      expect(figures[name]!.rounds).toHaveLength(2);
      expect(figures[name]!.requestsPerSecond).toBeGreaterThan(0);
      expect(figures[name]!.failureShare).toBe(0);
    }
  }, 30_000);
});
