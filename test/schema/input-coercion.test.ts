/**
 * The compiled coercion of a RecordBatch's entries (schema/common/input-coercion.ts) against graphql-js's own
 * `coerceInputValue` of the schema's `RecordInput`: the same values accepted, coerced to the same values, the same
 * ones refused. The batch path and the `records` path must mean one contract.
 */
import { coerceInputValue, type GraphQLInputObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { inputCoercion, inputObjectType } from "../../schema/common/input-coercion.ts";
import { schema } from "../../schema/index.ts";

const recordInput: GraphQLInputObjectType = inputObjectType(schema, "RecordInput");
const compiled = inputCoercion(recordInput);

function graphqlCoercion(value: unknown): { ok: true; value: unknown } | { ok: false; messages: string[] } {
  const messages: string[] = [];
  const coerced = coerceInputValue(value, recordInput, (path, _invalid, error) =>
    messages.push(`${path.join(".")}: ${error.message}`),
  );
  return messages.length > 0 ? { ok: false, messages } : { ok: true, value: coerced };
}

const full = {
  originId: "CQ-CF-1",
  version: 3,
  kind: "PENALTY_DECISION",
  itemCode: "GZ-001",
  enterpriseUscc: "91500112MAG000014A",
  officerCertificates: ["CQ-1", "CQ-2"],
  occurredAt: "2026-06-01T09:00:00.123+08:00",
  decidedAt: "2026-06-02T10:00:00Z",
  fineYuan: "12000.50",
  result: "已决定",
  findings: null,
  taskId: "VGFzazox",
  payload: { facts: { 情节: "较轻" }, list: [1, "二", null] },
  department: "应急管理局",
  inspectionMode: "COMPLAINT",
  onSite: true,
  resultPublishedAt: null,
  codeScanned: false,
  lenientKind: "LIGHTER",
};
const minimal = { originId: "CQ-JC-1", version: 1, kind: "INSPECTION" };

const accepted: Array<[string, unknown]> = [
  ["every field", full],
  ["the required fields only", minimal],
  ["a single certificate where a list is expected (a list of one)", { ...minimal, officerCertificates: "CQ-1" }],
  ["an empty list", { ...minimal, officerCertificates: [] }],
  [
    "null for every optional field",
    Object.fromEntries(Object.entries(full).map(([k, v]) => [k, k in minimal ? v : null])),
  ],
  ["payload of any JSON (a string)", { ...minimal, payload: "text" }],
  ["the largest Int", { ...minimal, version: 2 ** 31 - 1 }],
];

const refused: Array<[string, unknown, string]> = [
  ["a version given as a string", { ...minimal, version: "2" }, "version"],
  ["a fractional version", { ...minimal, version: 1.5 }, "version"],
  ["a version beyond a 32-bit Int", { ...minimal, version: 2 ** 31 }, "version"],
  ["an unknown kind", { ...minimal, kind: "ARREST" }, "kind"],
  ["a missing originId", { version: 1, kind: "INSPECTION" }, "originId"],
  ["a null kind", { ...minimal, kind: null }, "kind"],
  ["an unknown field", { ...minimal, origin: "cq" }, "origin"],
  ["a number where a string is expected", { ...minimal, itemCode: 17 }, "itemCode"],
  ["a null inside the certificates", { ...minimal, officerCertificates: ["CQ-1", null] }, "officerCertificates[1]"],
  ["a DateTime without its offset", { ...minimal, occurredAt: "2026-06-01T09:00:00" }, "occurredAt"],
  ["a day that does not exist", { ...minimal, decidedAt: "2026-02-30T09:00:00+08:00" }, "decidedAt"],
  ["a fine as a number", { ...minimal, fineYuan: 12000.5 }, "fineYuan"],
  ["a fine with three decimals", { ...minimal, fineYuan: "1.005" }, "fineYuan"],
  ["a boolean as a string", { ...minimal, onSite: "true" }, "onSite"],
  ["an unknown lenient kind", { ...minimal, lenientKind: "PARDONED" }, "lenientKind"],
  ["not an object", "CQ-JC-1", ""],
  ["a list", [minimal], ""],
  ["null", null, ""],
];

describe("a RecordBatch entry is coerced by GraphQL's rules for RecordInput", () => {
  it.each(accepted)("accepts %s, coerced to the value graphql-js gives", (_name, value) => {
    const ours = compiled(value);
    const theirs = graphqlCoercion(value);
    expect(theirs.ok).toBe(true);
    expect(ours).toEqual({ ok: true, value: (theirs as { value: unknown }).value });
  });

  it.each(refused)("refuses %s, naming the field, as graphql-js does", (_name, value, field) => {
    const ours = compiled(value);
    expect(ours.ok).toBe(false);
    expect(ours.ok ? "" : ours.message).toContain(field ? `${field}:` : "RecordInput");
    // graphql-js refuses it too; null is refused as an item of `records: [RecordInput!]`, not by the object type
    if (value !== null) expect(graphqlCoercion(value).ok).toBe(false);
  });

  it("has a rule for every field of RecordInput: a field the contract gains is coerced too", () => {
    const withEveryField = Object.fromEntries(Object.keys(recordInput.getFields()).map((name) => [name, null]));
    const refusedNull = compiled({ ...withEveryField, ...minimal });
    expect(refusedNull.ok).toBe(true);
    for (const name of Object.keys(recordInput.getFields())) {
      if (name in minimal) continue;
      const wrong = compiled({ ...minimal, [name]: { not: "a scalar of this field" } });
      // JSON takes any value; every other field refuses an object
      expect(wrong.ok, name).toBe(name === "payload");
    }
  });
});
