/** Which operations the gateway runs on the shared schema at once: those selecting no field only the runtime may plan. */
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { needsTheRuntime } from "../../gateway/federation/shared-fast-path.ts";

describe("needsTheRuntime", () => {
  it("is false for an operation on the shared graph alone", () => {
    expect(
      needsTheRuntime(parse('{ enterprise(uscc: "x") { name creditGradeCq } items(first: 1) { totalCount } }')),
    ).toBe(false);
  });
  it("finds a province's field however it is aliased or spread", () => {
    expect(needsTheRuntime(parse('{ enterprise(uscc: "x") { cq: atChongqing { asOf } } }'))).toBe(true);
    expect(
      needsTheRuntime(
        parse(
          'query { enterprise(uscc: "x") { ...F } } fragment F on Enterprise { ... on Enterprise { atSichuan { asOf } } }',
        ),
      ),
    ).toBe(true);
  });
  it("finds the subgraph's federation fields, which are not the supergraph's to answer", () => {
    expect(needsTheRuntime(parse("{ _service { sdl } }"))).toBe(true);
    expect(needsTheRuntime(parse("query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }"))).toBe(true);
  });
});
