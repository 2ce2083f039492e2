import { describe, expect, it } from "vitest";
import { backoffDelay, withRetry } from "../../adapters/core/backoff.ts";

describe("backoff with full jitter", () => {
  it("grows exponentially up to the cap, scaled by the random draw", () => {
    expect(backoffDelay(0, () => 0.999_999, { baseMs: 100 })).toBe(99);
    expect(backoffDelay(3, () => 0.5, { baseMs: 100 })).toBe(400);
    expect(backoffDelay(20, () => 0.5, { baseMs: 100, capMs: 10_000 })).toBe(5000);
    expect(backoffDelay(5, () => 0, { baseMs: 100 })).toBe(0);
  });

  it("retries until the work succeeds, reporting each retry", async () => {
    let calls = 0;
    const retries: number[] = [];
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 4) throw new Error(`fail ${calls}`);
        return "ok";
      },
      { sleep: async () => {}, random: () => 0.5, onRetry: (_e, attempt) => retries.push(attempt) },
    );
    expect(result).toBe("ok");
    expect(retries).toEqual([1, 2, 3]);
  });

  it("gives up at once on a permanent error and after maxAttempts otherwise", async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error("400");
        },
        { sleep: async () => {}, isPermanent: () => true },
      ),
    ).rejects.toThrow("400");
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error("503");
        },
        { sleep: async () => {}, maxAttempts: 3 },
      ),
    ).rejects.toThrow("503");
    expect(calls).toBe(3);
  });
});
