/**
 * GraphQL's coercion of an input object (graphql-js `coerceInputValue`, spec §3.10 "Input Coercion"), compiled
 * once for one input type and run value by value — for a batch sent as one JSON document (`RecordBatch`), where
 * each record must be coerced on its own: a record of the wrong shape is refused alone instead of failing the
 * whole request, and the batch is not walked by GraphQL's generic coercion and copied by graphql-tools' snapshot
 * (~17% of the gateway's busy time in the ingest bench, bench/README.md).
 *
 * The rules are graphql-js's, read from the type itself, so the contract has one definition: a missing required
 * field, a null where non-null is required, a field the type does not define, or a leaf its own `parseValue`
 * refuses (String, Int, Boolean, an enum, DateTime, Yuan, JSON…) is an error naming the field's path; a single
 * value where a list is expected is a list of one; a field's default applies when it is absent.
 * test/schema/input-coercion.test.ts compares the two on valid and invalid values of `RecordInput`.
 */
import {
  type GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLNonNull,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from "graphql";

export type Coerced = { ok: true; value: unknown } | { ok: false; message: string };

type Coerce = (value: unknown, path: string) => unknown;

/** thrown inside a compiled coercion, caught once at its entry */
class CoercionError extends Error {}

const describe = (value: unknown) => {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const fail = (path: string, message: string): never => {
  throw new CoercionError(path ? `${path}: ${message}` : message);
};

function compileType(type: GraphQLInputType, cache: Map<GraphQLInputObjectType, Coerce>): Coerce {
  if (isNonNullType(type)) {
    const inner = compileType(type.ofType, cache);
    const name = String(type);
    return (value, path) =>
      value === null ? fail(path, `expected non-nullable type ${name} not to be null`) : inner(value, path);
  }
  if (isListType(type)) {
    const item = compileType(type.ofType, cache);
    return (value, path) => {
      if (value === null) return null;
      if (!Array.isArray(value)) return [item(value, path)];
      const list = new Array(value.length);
      for (let i = 0; i < value.length; i++) list[i] = item(value[i], `${path}[${i}]`);
      return list;
    };
  }
  if (isLeafType(type)) {
    return (value, path) => {
      if (value === null) return null;
      let parsed: unknown;
      try {
        parsed = type.parseValue(value);
      } catch (error) {
        fail(path, `expected type ${type.name}; ${(error as Error).message}`);
      }
      return parsed === undefined ? fail(path, `expected type ${type.name}, got ${describe(value)}`) : parsed;
    };
  }
  if (isInputObjectType(type)) return compileObject(type, cache);
  throw new Error(`not an input type: ${String(type)}`);
}

function compileObject(type: GraphQLInputObjectType, cache: Map<GraphQLInputObjectType, Coerce>): Coerce {
  const known = cache.get(type);
  if (known) return known;
  // a reference for recursive input types, filled in below
  let compiled: Coerce = () => undefined;
  const coerce: Coerce = (value, path) => compiled(value, path);
  cache.set(type, coerce);
  const fields = Object.values(type.getFields()).map((field) => ({
    name: field.name,
    typeName: String(field.type),
    required: isNonNullType(field.type) && field.defaultValue === undefined,
    defaultValue: field.defaultValue,
    coerce: compileType(field.type, cache),
  }));
  const defined = new Set(fields.map((field) => field.name));
  compiled = (value, path) => {
    if (value === null) return null;
    if (typeof value !== "object" || Array.isArray(value)) fail(path, `expected type ${type.name} to be an object`);
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const fieldValue = input[field.name];
      const fieldPath = path ? `${path}.${field.name}` : field.name;
      if (fieldValue === undefined) {
        if (field.defaultValue !== undefined) out[field.name] = field.defaultValue;
        else if (field.required) fail(fieldPath, `field of required type ${field.typeName} was not provided`);
        continue;
      }
      out[field.name] = field.coerce(fieldValue, fieldPath);
    }
    for (const key of Object.keys(input)) {
      if (!defined.has(key)) fail(path ? `${path}.${key}` : key, `field is not defined by type ${type.name}`);
    }
    return out;
  };
  return coerce;
}

/** the coercion of a value of type `type!` (an entry of a batch: null is not one), compiled once */
export function inputCoercion(type: GraphQLInputObjectType): (value: unknown) => Coerced {
  const coerce = compileType(new GraphQLNonNull(type), new Map());
  return (value) => {
    try {
      return { ok: true, value: coerce(value, "") };
    } catch (error) {
      if (error instanceof CoercionError) return { ok: false, message: error.message };
      throw error;
    }
  };
}

/** the input type named `name` of a schema (throws if the schema has none: a programming error) */
export function inputObjectType(schema: { getType(name: string): unknown }, name: string): GraphQLInputObjectType {
  const type = schema.getType(name);
  if (!isInputObjectType(type)) throw new Error(`${name} is not an input object type of the schema`);
  return type;
}
