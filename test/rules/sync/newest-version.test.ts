import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newestVersion, obsoletedBy } from "../../../schema/sync/rules/newest-version.ts";

const write = (stored: number | null, incoming: number, sameContent = true, correction = false) =>
  newestVersion({ stored, incoming, sameContent, correction });

describe("newest version wins (one rule for records and libraries)", () => {
  it("applies what is not stored and a newer version, whatever its content", () => {
    expect(write(null, 1)).toBe("APPLY");
    expect(write(3, 4, false)).toBe("APPLY");
  });

  it("changes nothing for a replay (UNCHANGED), a late delivery or a reused number (STALE)", () => {
    expect(write(3, 3, true)).toBe("UNCHANGED");
    expect(write(3, 3, false)).toBe("STALE");
    expect(write(3, 2, true)).toBe("STALE");
    expect(write(3, 2, false)).toBe("STALE");
  });

  it("lets a 管委会 correction change the stored version only, never an origin's future", () => {
    expect(write(3, 3, false, true)).toBe("APPLY");
    expect(write(3, 3, true, true)).toBe("UNCHANGED");
    expect(write(3, 2, false, true)).toBe("STALE");
    expect(write(3, 4, false, true)).toBe("VERSION_AHEAD");
  });

  it("ends in the newest version whatever the arrival order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1 }), (versions) => {
        let stored: number | null = null;
        for (const v of versions) if (write(stored, v) === "APPLY") stored = v;
        expect(stored).toBe(Math.max(...versions));
      }),
    );
  });

  it("makes a held (quarantined) version obsolete once the same or a newer one is applied", () => {
    expect(obsoletedBy(5, 4)).toBe(true);
    expect(obsoletedBy(5, 5)).toBe(true);
    expect(obsoletedBy(5, 6)).toBe(false);
    expect(obsoletedBy(5, null)).toBe(false);
  });
});
