/**
 * Prepared queries compiled by graphql-jit (issue 19 item 5): the read lane executes a prepared document as a
 * function generated once for it and its operation, instead of walking the document with graphql-js's executor on
 * every request. For one `matchDiscretion` that walk (the coercion of the case's variables, the field collection
 * and completion of the answer) cost about as much as the discretion engine itself (bench/README.md, "match").
 *
 * The lane must answer what yoga answers, byte for byte, and graphql-jit 0.8.9 does not always execute as graphql-js
 * does (a review found each of these): it does not check `@oneOf` inputs; it writes a custom scalar's variable
 * default as JSON, not as the scalar's value; an absent variable inside an object literal becomes null, not the
 * field's default; a field repeated under `@skip`/`@include` changes the answer's key order; its errors come in
 * another order, without what masking needs, after resolvers graphql-js would not have run. So only a **narrow
 * surface** is compiled, where none of that can arise:
 * - the root fields and the object types the selection may enter are those of `CompiledSurface` (side-effect-free
 *   fields computed in memory: `matchDiscretion` and its answer's types, schema/benchmarks/discretion-query.ts);
 * - no directive anywhere in the operation, no variable default, no variable inside a list or object literal, no
 *   `@oneOf` input type and no input field defaulting to a custom scalar reachable from a variable, no abstract
 *   type, no introspection but `__typename`;
 * - a result with errors is not used: the lane hands the request to yoga, which executes it again and answers the
 *   errors its own way (the surface's fields have no side effects, so running one twice changes nothing).
 * Variables graphql-jit refuses before anything runs go to yoga the same way, and so do variables with an array where
 * an input object is expected (graphql-jit takes one; graphql-js refuses it). Anything else — a document outside the
 * surface, or one graphql-jit cannot compile — keeps graphql-js's executor (`null`, remembered: tried once).
 */
import {
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  typeFromAST,
  type ValueNode,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { oncePerObject } from "../../schema/common/rules/once-per-object.ts";
import { someReachableInputField } from "../util/input-type-search.ts";

/** what may be compiled: root query fields, and the object types their selections may enter */
export interface CompiledSurface {
  rootFields: ReadonlySet<string>;
  types: ReadonlySet<string>;
}

export interface CompiledOperation {
  /** the result, without errors, as graphql-js's executor gives it; null: yoga is to execute the request itself */
  execute(context: unknown, variables: Record<string, unknown> | null | undefined): Promise<ExecutionResult | null>;
}

export interface CompiledQueries {
  /** the compiled operation of this prepared document, or null: graphql-js executes it */
  of(document: DocumentNode, operation: OperationDefinitionNode): CompiledOperation | null;
}

export function createCompiledQueries(schema: GraphQLSchema, surface: CompiledSurface): CompiledQueries {
  /** by document (the prepared queries' own objects), then by operation */
  const compiled = new WeakMap<DocumentNode, Map<OperationDefinitionNode, CompiledOperation | null>>();
  return {
    of(document, operation) {
      let byOperation = compiled.get(document);
      if (!byOperation) {
        byOperation = new Map();
        compiled.set(document, byOperation);
      }
      let found = byOperation.get(operation);
      if (found === undefined) {
        found = withinSurface(schema, surface, document, operation) ? compile(schema, document, operation) : null;
        byOperation.set(operation, found);
      }
      return found;
    },
  };
}

function compile(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) {
  let query: CompiledQuery | ExecutionResult;
  try {
    query = compileQuery(schema, document, operation.name?.value);
  } catch {
    return null;
  }
  if (!isCompiledQuery(query)) return null;
  const compiledQuery = query;
  const variableTypes = (operation.variableDefinitions ?? []).map((definition) => ({
    name: definition.variable.name.value,
    type: typeFromAST(schema, definition.type as never) as GraphQLInputType,
  }));
  return {
    async execute(context: unknown, variables: Record<string, unknown> | null | undefined) {
      // graphql-jit takes an array where an input object is expected; graphql-js refuses it, and so yoga
      if (variableTypes.some(({ name, type }) => arrayForInputObject(variables?.[name], type))) return null;
      const result = (await compiledQuery.query(undefined, context, variables ?? {})) as ExecutionResult;
      // refused variables (no data) or errors: yoga executes the request and answers it its own way
      return "data" in result && !result.errors?.length ? result : null;
    },
  };
}

/** does the operation stay where graphql-jit executes as graphql-js does (the header's list)? */
export function withinSurface(
  schema: GraphQLSchema,
  surface: CompiledSurface,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  const queryType = schema.getQueryType();
  if (operation.operation !== "query" || !queryType || operation.directives?.length) return false;
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue || definition.directives?.length) return false;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (!type || reachesUnsafeInput(type)) return false;
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const selectionWithin = (set: SelectionSetNode, typeName: string, root: boolean, seen: Set<string>): boolean =>
    set.selections.every((selection) => {
      if (selection.directives?.length) return false;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === "__typename") return true;
        if (root ? !surface.rootFields.has(name) : name.startsWith("__")) return false;
        if (!(selection.arguments ?? []).every((argument) => variableFree(argument.value, true))) return false;
        const parent = schema.getType(typeName);
        const field = isObjectType(parent) ? parent.getFields()[name] : undefined;
        if (!field) return false;
        const returned = getNamedType(field.type);
        if (!selection.selectionSet) return !isObjectType(returned);
        return (
          isObjectType(returned) &&
          surface.types.has(returned.name) &&
          selectionWithin(selection.selectionSet, returned.name, false, seen)
        );
      }
      const condition =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.typeCondition?.name.value
          : fragments.get(selection.name.value)?.typeCondition.name.value;
      if (condition !== undefined && condition !== typeName) return false;
      if (selection.kind === Kind.INLINE_FRAGMENT) return selectionWithin(selection.selectionSet, typeName, root, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || fragment.directives?.length || seen.has(fragment.name.value)) return false;
      return selectionWithin(fragment.selectionSet, typeName, root, new Set([...seen, fragment.name.value]));
    });
  return selectionWithin(operation.selectionSet, queryType.name, true, new Set());
}

/** a value given as a whole variable, or a literal with no variable inside it */
function variableFree(value: ValueNode, wholeVariableAllowed: boolean): boolean {
  if (value.kind === Kind.VARIABLE) return wholeVariableAllowed;
  if (value.kind === Kind.LIST) return value.values.every((item) => variableFree(item, false));
  if (value.kind === Kind.OBJECT) return value.fields.every((field) => variableFree(field.value, false));
  return true;
}

/**
 * an input type graphql-jit may coerce otherwise than graphql-js: a `@oneOf` input, or an input field defaulting to a
 * custom scalar's value (graphql-jit writes defaults as JSON, as it does a variable's)
 */
const reachesUnsafeInput = (type: GraphQLInputType) =>
  someReachableInputField(type, (field, owner) => {
    const fieldType = getNamedType(field.type);
    return (
      owner.isOneOf ||
      (field.defaultValue !== undefined && isScalarType(fieldType) && !isSpecifiedScalarType(fieldType))
    );
  });

/**
 * the fields of an input object type that may hold one (a list of them included), kept per type: only there can an
 * array stand where an input object is expected, so a request's check reads those fields and no other
 */
const objectFieldsOf = oncePerObject((type: GraphQLInputObjectType) =>
  Object.values(type.getFields())
    .filter((field) => isInputObjectType(getNamedType(field.type)))
    .map((field) => ({ name: field.name, type: field.type })),
);

/** an array anywhere the type expects an input object (a list's items included; a single item for a list too) */
function arrayForInputObject(value: unknown, type: GraphQLInputType): boolean {
  if (value === null || value === undefined || typeof value !== "object") return false;
  if (isNonNullType(type)) return arrayForInputObject(value, type.ofType);
  if (isListType(type)) {
    if (!Array.isArray(value)) return arrayForInputObject(value, type.ofType);
    return value.some((item) => arrayForInputObject(item, type.ofType));
  }
  if (!isInputObjectType(type)) return false;
  if (Array.isArray(value)) return true;
  return objectFieldsOf(type).some(
    (field) =>
      Object.hasOwn(value, field.name) &&
      arrayForInputObject((value as Record<string, unknown>)[field.name], field.type),
  );
}
