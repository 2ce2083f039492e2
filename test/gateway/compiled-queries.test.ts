/**
 * The read lane's compiled queries (gateway/read-cache/compiled-queries.ts): graphql-jit executes only a narrow
 * surface — side-effect-free root fields and their plain types, no directive, no variable default, no variable inside
 * a literal, no `@oneOf` input, no abstract type — where it answers what graphql-js's executor answers byte for byte
 * once serialized. A result with errors, and variables it refuses, are not used (null: yoga executes the request).
 */
import {
  execute,
  GraphQLError,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  type OperationDefinitionNode,
  parse,
} from "graphql";
import { describe, expect, it } from "vitest";
import { createCompiledQueries, withinSurface } from "../../gateway/read-cache/compiled-queries.ts";
import { COMPILED_QUERY_SURFACE } from "../../schema/benchmarks/discretion-query.ts";
import { schema as gatewaySchema } from "../../schema/index.ts";

/** a custom scalar: a Date inside, ISO text outside */
const Stamp = new GraphQLScalarType<Date, string>({
  name: "Stamp",
  serialize: (value) => (value as Date).toISOString(),
  parseValue: (value) => new Date(value as string),
});

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
      since: {
        type: GraphQLString,
        args: {
          window: {
            type: new GraphQLInputObjectType({
              name: "Window",
              fields: { from: { type: Stamp, defaultValue: new Date(0) }, days: { type: GraphQLInt, defaultValue: 7 } },
            }),
          },
        },
        resolve: (_r, { window }) => `${window.from instanceof Date} ${window.days}`,
      },
      pick: {
        type: GraphQLString,
        args: {
          by: {
            type: new GraphQLNonNull(
              new GraphQLInputObjectType({
                name: "PickBy",
                isOneOf: true,
                fields: { code: { type: GraphQLString }, index: { type: GraphQLInt } },
              }),
            ),
          },
        },
        resolve: (_r, { by }) => JSON.stringify(by),
      },
    },
  }),
});

const operationOf = (document: ReturnType<typeof parse>) =>
  document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
const TOY_SURFACE = { rootFields: new Set(["items", "hello", "refused", "pick", "since"]), types: new Set(["Item"]) };
const compiledOf = (query: string) => {
  const document = parse(query);
  return createCompiledQueries(schema, TOY_SURFACE).of(document, operationOf(document));
};

describe("compiled prepared queries answer as graphql-js does, or not at all", () => {
  it("answers a result without errors byte for byte as graphql-js", async () => {
    const query =
      'query Q($n: Int!) { all: items(first: $n) { ...Parts } hello(to: "高竹") } fragment Parts on Item { code label: name }';
    const compiled = compiledOf(query);
    expect(compiled).not.toBeNull();
    const fromGraphqlJs = JSON.stringify(await execute({ schema, document: parse(query), variableValues: { n: 1 } }));
    expect(JSON.stringify(await compiled!.execute({}, { n: 1 }))).toBe(fromGraphqlJs);
    expect(JSON.parse(fromGraphqlJs)).toEqual({ data: { all: [{ code: "A", label: "item A" }], hello: "hi 高竹" } });
  });

  it("gives no result with errors (null: yoga executes the request and answers its errors its own way)", async () => {
    const compiled = compiledOf("query Q($n: Int!) { items(first: $n) { code name mustHave } refused }");
    expect(compiled).not.toBeNull();
    expect(await compiled!.execute({}, { n: 3 })).toBeNull();
  });

  it("refuses variables before anything runs (null: yoga answers them)", async () => {
    const compiled = compiledOf("query Q($n: Int!) { items(first: $n) { code } }")!;
    const before = calls;
    expect(await compiled.execute({}, { n: "three" })).toBeNull();
    expect(await compiled.execute({}, {})).toBeNull();
    expect(calls).toBe(before);
  });

  it("compiles a document once per operation", () => {
    const document = parse("query A { hello } query B { refused }");
    const compiledQueries = createCompiledQueries(schema, TOY_SURFACE);
    const [a, b] = document.definitions as OperationDefinitionNode[];
    expect(compiledQueries.of(document, a!)).toBe(compiledQueries.of(document, a!));
    expect(compiledQueries.of(document, b!)).not.toBe(compiledQueries.of(document, a!));
  });

  // each a difference between graphql-jit 0.8.9 and graphql-js a review found: such documents stay with graphql-js
  it.each([
    ["a @oneOf input (graphql-jit does not check it)", "query Q($by: PickBy!) { pick(by: $by) }"],
    ["an input field defaulting to a custom scalar's value", "query Q($w: Window) { since(window: $w) }"],
    [
      "a variable default (a custom scalar's would reach the resolver as JSON)",
      "query Q($n: Int = 2) { items(first: $n) { code } }",
    ],
    [
      "a variable inside an object or list literal (absent, it becomes null, not the default)",
      "query Q($c: String) { pick(by: { code: $c }) }",
    ],
    [
      "@include / @skip (a repeated field changes the key order)",
      "query Q($c: Boolean!) { hello @include(if: $c) hello }",
    ],
    ["a directive on the operation", "query Q @include(if: true) { hello }"],
    [
      "introspection beyond __typename",
      "query Q { items(first: 1) { code } other: hello __schema { queryType { name } } }",
    ],
    ["a fragment on another type", "query Q { items(first: 1) { ... on Query { hello } } }"],
  ])("leaves %s to graphql-js", (_why, query) => {
    expect(compiledOf(query)).toBeNull();
  });

  it("takes a whole literal without variables, aliases, fragments and __typename", () => {
    expect(
      compiledOf('query Q { pick(by: { code: "A" }) x: items(first: 2) { __typename ... on Item { code } } }'),
    ).not.toBeNull();
  });
});

describe("the gateway's compiled surface (schema/benchmarks/discretion-query.ts)", () => {
  const within = (query: string) => {
    const document = parse(query);
    return withinSurface(gatewaySchema, COMPILED_QUERY_SURFACE, document, operationOf(document));
  };
  const MATCH_SELECTION =
    "outcome range { minYuan maxYuan } tier { level name } lenient { list reason } citations steps";

  it("takes a match as platforms send it", () => {
    expect(
      within(`query M($input: MatchDiscretionInput!) { matchDiscretion(input: $input) { ${MATCH_SELECTION} } }`),
    ).toBe(true);
  });

  it.each([
    [
      "its item (a Prisma object)",
      "query M($input: MatchDiscretionInput!) { matchDiscretion(input: $input) { item { code } } }",
    ],
    [
      "a catalog read beside it",
      "query M($input: MatchDiscretionInput!) { matchDiscretion(input: $input) { outcome } items(first: 1) { edges { cursor } } }",
    ],
    ["a mutation", "mutation M { __typename }"],
    [
      "a variable inside its input",
      'query M($d: Date!) { matchDiscretion(input: { itemCode: "GZ-001", actDate: $d, decisionDate: $d }) { outcome } }',
    ],
  ])("leaves %s to graphql-js", (_why, query) => {
    expect(within(query)).toBe(false);
  });
});
