import { readFile } from "node:fs/promises";
import { type GraphQLEnumType, graphql, lexicographicSortSchema, printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../schema/index.ts";

/** the values of an enum as the printed contract lists them */
async function printedValues(name: string): Promise<string[]> {
  const sdl = await readFile(new URL("../../schema.graphql", import.meta.url), "utf8");
  const body = sdl.match(new RegExp(`\\nenum ${name} \\{([^}]*)\\}`))?.[1] ?? "";
  return body
    .replace(/"""[\s\S]*?"""/g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

describe("enum values keep their meaning order (types and fields stay sorted by name)", () => {
  const meaningOrder = {
    TaskState: ["PLANNED", "DISPATCHED", "IN_PROGRESS", "DONE", "CANCELLED"],
    DiscretionOutcome: ["NO_PENALTY", "MITIGATED_PENALTY", "LIGHTER_PENALTY", "PENALTY"],
    HarmLevel: ["NONE", "MINOR", "GENERAL", "SERIOUS", "SEVERE"],
  };

  it.each(Object.entries(meaningOrder))("%s in the schema, introspection and schema.graphql", async (name, values) => {
    expect((schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name)).toEqual(values);
    const answer = await graphql({ schema, source: `{ __type(name: "${name}") { enumValues { name } } }` });
    const introspected = answer.data?.__type as { enumValues: { name: string }[] } | undefined;
    expect(introspected?.enumValues.map((v) => v.name)).toEqual(values);
    expect(await printedValues(name)).toEqual(values);
  });

  it("types, fields and arguments are printed as graphql-js sorts them; only enum values differ", () => {
    const sorted = lexicographicSortSchema(schema);
    const withoutEnums = (sdl: string) => sdl.replace(/\nenum \w+ \{[^}]*\}/g, "");
    expect(withoutEnums(printSchema(schema))).toBe(withoutEnums(printSchema(sorted)));
  });
});
