import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { connectedWithin } from "../../gateway/util/connected-within.ts";

const client = (status: string) => Object.assign(new EventEmitter(), { status });

describe("connectedWithin", () => {
  it("answers at once for a ready client, on its ready event, or false after the wait", async () => {
    expect(await connectedWithin(client("ready"), 10_000)).toBe(true);
    const connecting = client("connecting");
    const waiting = connectedWithin(connecting, 10_000);
    setTimeout(() => connecting.emit("ready"), 20);
    expect(await waiting).toBe(true);
    const down = client("reconnecting");
    const started = performance.now();
    expect(await connectedWithin(down, 50)).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(down.listenerCount("ready")).toBe(0);
  });
});
