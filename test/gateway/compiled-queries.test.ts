/**
 * The read lane's compiled queries (gateway/read-cache/compiled-queries.ts) answer what graphql-js's executor answers,
 * byte for byte once serialized: data, errors thrown at any depth (in lists, through fragments and aliases, with
 * null propagated to the nearest nullable parent), errors of the gateway's own kind with their extensions, and
 * refuse variables before anything runs.
 */
import {
  execute,
  GraphQLError,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type OperationDefinitionNode,
  parse,
} from "graphql";
import { describe, expect, it } from "vitest";
import { createCompiledQueries } from "../../gateway/read-cache/compiled-queries.ts";

let calls = 0;
const Item = new GraphQLObjectType({
  name: "Item",
  fields: {
    code: { type: new GraphQLNonNull(GraphQLString), resolve: (item: { code: string }) => item.code },
    name: {
      type: GraphQLString,
      resolve: (item: { code: string }) => {
        if (item.code === "B") throw new Error("name of B failed");
        return `item ${item.code}`;
      },
    },
    mustHave: {
      type: new GraphQLNonNull(GraphQLString),
      resolve: async (item: { code: string }) => (item.code === "C" ? null : "ok"),
    },
  },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      items: {
        type: new GraphQLList(Item),
        args: { first: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, { first }: { first: number }) => {
          calls += 1;
          return ["A", "B", "C"].slice(0, first).map((code) => ({ code }));
        },
      },
      refused: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError("not for you", { extensions: { code: "FORBIDDEN", reason: "SCOPE" } });
        },
      },
      hello: { type: GraphQLString, args: { to: { type: GraphQLString } }, resolve: (_r, { to }) => `hi ${to}` },
    },
  }),
});

const operationOf = (document: ReturnType<typeof parse>) =>
  document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;

async function bothAnswers(query: string, variables: Record<string, unknown>) {
  const document = parse(query);
  const compiled = createCompiledQueries(schema).of(document, operationOf(document));
  expect(compiled).not.toBeNull();
  const fromGraphqlJs = JSON.stringify(await execute({ schema, document, variableValues: variables }));
  const fromCompiled = JSON.stringify(await compiled!.execute({}, variables));
  return { fromGraphqlJs, fromCompiled };
}

describe("compiled prepared queries answer as graphql-js does", () => {
  it("without errors", async () => {
    const { fromGraphqlJs, fromCompiled } = await bothAnswers(
      'query Q($n: Int!) { items(first: $n) { code name } hello(to: "高竹") }',
      { n: 1 },
    );
    expect(fromCompiled).toBe(fromGraphqlJs);
    expect(JSON.parse(fromCompiled)).toEqual({ data: { items: [{ code: "A", name: "item A" }], hello: "hi 高竹" } });
  });

  it("with errors in a list, through an alias and a fragment, and a null propagated from a non-null field", async () => {
    const { fromGraphqlJs, fromCompiled } = await bothAnswers(
      `query Q($n: Int!) {
        all: items(first: $n) { ...Parts mustHave }
        refused
      }
      fragment Parts on Item { code label: name }`,
      { n: 3 },
    );
    expect(fromCompiled).toBe(fromGraphqlJs);
    const answer = JSON.parse(fromCompiled);
    expect(answer.errors.map((e: { path: unknown[] }) => e.path)).toEqual([
      ["all", 1, "label"],
      ["refused"],
      ["all", 2, "mustHave"],
    ]);
    // every error located at its field, as graphql-js locates it; the gateway's own errors keep their extensions
    for (const error of answer.errors) expect(error.locations).toHaveLength(1);
    expect(answer.errors[1].extensions).toEqual({ code: "FORBIDDEN", reason: "SCOPE" });
    expect(answer.data.all[2]).toBeNull();
  });

  it("refuses variables before anything runs (null: yoga answers them)", async () => {
    const document = parse("query Q($n: Int!) { items(first: $n) { code } }");
    const compiled = createCompiledQueries(schema).of(document, operationOf(document))!;
    const before = calls;
    expect(await compiled.execute({}, { n: "three" })).toBeNull();
    expect(await compiled.execute({}, {})).toBeNull();
    expect(calls).toBe(before);
  });

  it("compiles a document once per operation", () => {
    const document = parse("query A { hello } query B { refused }");
    const compiledQueries = createCompiledQueries(schema);
    const [a, b] = document.definitions as OperationDefinitionNode[];
    expect(compiledQueries.of(document, a!)).toBe(compiledQueries.of(document, a!));
    expect(compiledQueries.of(document, b!)).not.toBe(compiledQueries.of(document, a!));
  });
});
