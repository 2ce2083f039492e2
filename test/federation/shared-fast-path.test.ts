/** Which operations the gateway runs on the shared schema at once: those selecting no province's field. */
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { selectsProvinceFields } from "../../gateway/federation/shared-fast-path.ts";

describe("selectsProvinceFields", () => {
  it("is false for an operation on the shared graph alone", () => {
    expect(
      selectsProvinceFields(parse('{ enterprise(uscc: "x") { name creditGradeCq } items(first: 1) { totalCount } }')),
    ).toBe(false);
  });
  it("finds a province's field however it is aliased or spread", () => {
    expect(selectsProvinceFields(parse('{ enterprise(uscc: "x") { cq: atChongqing { asOf } } }'))).toBe(true);
    expect(
      selectsProvinceFields(
        parse(
          'query { enterprise(uscc: "x") { ...F } } fragment F on Enterprise { ... on Enterprise { atSichuan { asOf } } }',
        ),
      ),
    ).toBe(true);
  });
});
