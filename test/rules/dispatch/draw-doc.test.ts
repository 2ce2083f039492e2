/** docs/draw-verification.md's worked example is computed by this code: this test keeps the two equal. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runDraw } from "../../../schema/dispatch/rules/draw.ts";
import { canonicalCandidateLine, sortedCandidates } from "../../../schema/dispatch/rules/draw-candidates.ts";
import { rankDigest } from "../../../schema/dispatch/rules/draw-rank.ts";
import { EXAMPLE_CANDIDATES, EXAMPLE_PARAMETERS, EXAMPLE_SEED } from "./draw-example.ts";

describe("docs/draw-verification.md", () => {
  const doc = readFileSync(new URL("../../../docs/draw-verification.md", import.meta.url), "utf8");
  const result = runDraw(EXAMPLE_PARAMETERS, EXAMPLE_CANDIDATES, EXAMPLE_SEED);

  it("shows the canonical lines, the hashes and every rank the code computes", () => {
    expect(doc).toContain(sortedCandidates(EXAMPLE_CANDIDATES).map(canonicalCandidateLine).join(""));
    expect(doc).toContain(result.seedHash);
    expect(doc).toContain(result.candidateListHash);
    for (const c of EXAMPLE_CANDIDATES)
      expect(doc).toContain(rankDigest(Buffer.from(EXAMPLE_SEED, "hex"), c.uscc).toString("hex"));
  });

  it("shows the strata and the selection the code computes", () => {
    for (const s of result.strata) {
      expect(doc).toContain(`| ${s.key} | ${s.population} | ${s.excluded} | ${s.count} | ${s.selected.join(", ")} |`);
    }
    expect(doc).toContain(JSON.stringify(result.selected));
  });
});
