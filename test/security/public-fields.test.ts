/**
 * Every root field declares who may call it (scope-auth), except the one the product makes public: the
 * 执法码 check an enterprise runs at its door without an account, and its 检查情况反馈表 after the visit
 * (checked by the same code and USCC, rate-limited alike). A field added without authScopes
 * would be open to anyone with no token at all — this test names it.
 */
import { describe, expect, it } from "vitest";
import { schema } from "../../schema/index.ts";

// node / nodes decide per type, with the rule of the field that lists it (schema/common/node-access.ts;
// every Node type has one: test/schema/node.test.ts, which also asks them for a token)
const PUBLIC = [
  "Query.draw",
  "Query.node",
  "Query.nodes",
  "Query.verifyInspection",
  "Mutation.reportUnshownCodeInspection",
  "Mutation.submitInspectionFeedback",
];

describe("root fields without a token", () => {
  it("are exactly the public ones", () => {
    const open: string[] = [];
    for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      for (const [name, field] of Object.entries(type?.getFields() ?? {})) {
        const options = (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions;
        if (!options?.authScopes) open.push(`${type?.name}.${name}`);
      }
    }
    expect(open).toEqual(PUBLIC);
  });
});
