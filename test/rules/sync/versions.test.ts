import { describe, expect, it } from "vitest";
import { compareVersion, supersedes } from "../../../schema/records/rules/versions.ts";

describe("newest version wins", () => {
  it("inserts what is not stored and replaces with a newer version", () => {
    expect(compareVersion(null, 1)).toBe("NEW");
    expect(compareVersion(3, 4)).toBe("NEWER");
  });

  it("changes nothing for the same version (a replay) or an older one (a late delivery)", () => {
    expect(compareVersion(3, 3)).toBe("SAME");
    expect(compareVersion(3, 2)).toBe("OLDER");
  });

  it("lets an applied version supersede a quarantined one of the same or an older version only", () => {
    expect(supersedes(5, 4)).toBe(true);
    expect(supersedes(5, 5)).toBe(true);
    expect(supersedes(5, 6)).toBe(false);
    expect(supersedes(5, null)).toBe(false);
  });
});
