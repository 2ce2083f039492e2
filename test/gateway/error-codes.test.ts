/** useErrorCodes: a library's uncoded error leaves the gateway with a stable code, never without one. */
import { createSchema, createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { badInput } from "../../gateway/errors.ts";
import { useErrorCodes } from "../../gateway/plugins/use-error-codes.ts";

const yoga = createYoga({
  schema: createSchema({
    typeDefs: "type Query { crash: Int, refuse: Int }",
    resolvers: {
      Query: {
        crash: () => {
          throw new Error("a bug");
        },
        refuse: () => {
          throw badInput("no", { reason: "INVALID_INPUT" });
        },
      },
    },
  }),
  maskedErrors: false,
  plugins: [useErrorCodes()],
});

async function ask(query: string) {
  const response = await yoga.fetch("http://test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
}

describe("useErrorCodes", () => {
  it("gives an uncoded error INTERNAL_SERVER_ERROR", async () => {
    const { errors } = await ask("{ crash }");
    expect(errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  });

  it("keeps the code and reason of our own errors", async () => {
    const { errors } = await ask("{ refuse }");
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_INPUT" });
  });
});
