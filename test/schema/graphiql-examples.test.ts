/** The operations GraphiQL opens with must stay valid against the schema a newcomer runs them on. */
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { EXAMPLE_OPERATIONS } from "../../gateway/graphiql-examples.ts";
import { schema } from "../../schema/index.ts";

describe("GraphiQL example operations", () => {
  it("parse and validate against the schema", () => {
    const errors = validate(schema, parse(EXAMPLE_OPERATIONS)).map((e) => e.message);
    expect(errors).toEqual([]);
  });
});
