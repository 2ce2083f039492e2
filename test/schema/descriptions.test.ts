/**
 * 说明 — every type, field, argument, enum value and input field of the contract is described
 * ("中文术语 — English gloss, and what an integrator must know"). Built-ins are exempt, and PageInfo's fields,
 * which the PageInfo type describes in one place. Undescribed coordinates not yet done are listed in
 * undescribed-coordinates.ts; that list may only shrink, and must stay exact.
 */
import { describe, expect, it } from "vitest";
import { undescribedCoordinates } from "../support/schema-descriptions.ts";
import { UNDESCRIBED } from "./undescribed-coordinates.ts";

describe("the contract's descriptions", () => {
  const missing = undescribedCoordinates();
  const listed = new Set(UNDESCRIBED);

  it("describe everything not on the shrinking list", () => {
    const fresh = missing.filter((coordinate) => !listed.has(coordinate));
    expect(
      fresh.map((c) => `${c} has no description: give it "中文术语 — English gloss, and what an integrator must know"`),
    ).toEqual([]);
  });

  it("list only what is still undescribed (remove what you described from undescribed-coordinates.ts)", () => {
    const undescribed = new Set(missing);
    const done = UNDESCRIBED.filter((coordinate) => !undescribed.has(coordinate));
    expect(done.map((c) => `${c} is described now: remove it from test/schema/undescribed-coordinates.ts`)).toEqual([]);
  });
});
