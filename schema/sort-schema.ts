/**
 * The printed contract in a stable order a reader can search: types, fields, arguments and input
 * fields sorted by name, as graphql-js `lexicographicSortSchema` sorts them — but enum values left in
 * the order the code declares them: their meaning order (PLANNED → DISPATCHED → … → DONE, the lightest
 * outcome first), which an alphabetical sort scrambles for every integrator reading the SDL.
 */
import {
  GraphQLDirective,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  type GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLUnionType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  lexicographicSortSchema,
} from "graphql";

/** `sorted`'s enum types rebuilt with the values in the order `original` declares them */
export function sortSchemaKeepingEnumOrder(original: GraphQLSchema): GraphQLSchema {
  const sorted = lexicographicSortSchema(original);
  const rebuilt = new Map<string, GraphQLNamedType>();
  const named = <T extends GraphQLNamedType>(type: T): T => (rebuilt.get(type.name) as T | undefined) ?? type;
  const ofType = <T>(type: T): T => {
    const wrapped = type as { ofType?: unknown; constructor: new (inner: unknown) => T };
    if (wrapped.ofType !== undefined) return new wrapped.constructor(ofType(wrapped.ofType));
    return named(type as GraphQLNamedType) as T;
  };
  const withTypes = <F extends { type: unknown }>(fields: Record<string, F> = {}) =>
    Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, { ...f, type: ofType(f.type) }]));
  const outputFields = <F extends { type: unknown; args?: Record<string, { type: unknown }> }>(
    fields: Record<string, F>,
  ) =>
    Object.fromEntries(
      Object.entries(fields).map(([name, f]) => [name, { ...f, type: ofType(f.type), args: withTypes(f.args) }]),
    );

  for (const type of Object.values(sorted.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isEnumType(type)) {
      const config = type.toConfig();
      const declared = (original.getType(type.name) as GraphQLEnumType).getValues().map((v) => v.name);
      const values = Object.fromEntries(declared.map((name) => [name, config.values[name]!]));
      rebuilt.set(type.name, new GraphQLEnumType({ ...config, values }));
    } else if (isObjectType(type)) {
      const config = type.toConfig();
      const fields = () => outputFields(config.fields);
      rebuilt.set(
        type.name,
        new GraphQLObjectType({ ...config, interfaces: () => config.interfaces.map(named), fields }),
      );
    } else if (isInterfaceType(type)) {
      const config = type.toConfig();
      const fields = () => outputFields(config.fields);
      rebuilt.set(
        type.name,
        new GraphQLInterfaceType({ ...config, interfaces: () => config.interfaces.map(named), fields }),
      );
    } else if (isUnionType(type)) {
      const config = type.toConfig();
      rebuilt.set(type.name, new GraphQLUnionType({ ...config, types: () => config.types.map(named) }));
    } else if (isInputObjectType(type)) {
      const config = type.toConfig();
      rebuilt.set(type.name, new GraphQLInputObjectType({ ...config, fields: () => withTypes(config.fields) }));
    }
  }
  const config = sorted.toConfig();
  const root = (type: GraphQLObjectType | null | undefined) => (type ? named(type) : type);
  return new GraphQLSchema({
    ...config,
    query: root(config.query),
    mutation: root(config.mutation),
    subscription: root(config.subscription),
    types: config.types.map(named),
    directives: config.directives.map((d) => {
      const directive = d.toConfig();
      return new GraphQLDirective({ ...directive, args: withTypes(directive.args) });
    }),
  });
}
