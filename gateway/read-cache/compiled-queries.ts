/**
 * Prepared queries compiled by graphql-jit (issue 19 item 5): the read lane executes a prepared document as a
 * function generated once for it and its operation, instead of walking the document with graphql-js's executor on
 * every request. In the match bench's profile that walk — the coercion of the case's variables, the field
 * collection and completion of the answer — was ~14% of the gateway's busy time, more than the discretion engine.
 * Mercurius (the peer at its best in read-peers) executes the same way with `jit: 1`.
 *
 * The answers must be those of graphql-js (the lane answers what yoga would, byte for byte). A result without errors
 * is. graphql-jit's errors are its own class, without the fields' locations and with `data` before `errors`:
 * `asExecutedByGraphqlJs` rebuilds them as graphql-js's executor builds them (`locatedError` of what the resolver
 * threw, at the nodes of the field at its path). Variables it refuses before anything runs (a result without
 * `data`) are not answered here: yoga coerces them again and answers its own way.
 *
 * A document graphql-jit cannot compile keeps graphql-js's executor (`null` is remembered, so it is tried once).
 */
import {
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  locatedError,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";

export interface CompiledOperation {
  /** the result as graphql-js's executor gives it; null: the variables were refused before anything ran */
  execute(context: unknown, variables: Record<string, unknown> | null | undefined): Promise<ExecutionResult | null>;
}

export interface CompiledQueries {
  /** the compiled operation of this prepared document, or null: graphql-js executes it */
  of(document: DocumentNode, operation: OperationDefinitionNode): CompiledOperation | null;
}

export function createCompiledQueries(schema: GraphQLSchema): CompiledQueries {
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
        found = compile(schema, document, operation);
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
  return {
    async execute(context: unknown, variables: Record<string, unknown> | null | undefined) {
      const result = (await compiledQuery.query(undefined, context, variables ?? {})) as ExecutionResult;
      if (!("data" in result)) return null;
      return result.errors?.length ? asExecutedByGraphqlJs(result, document, operation) : result;
    },
  };
}

/** graphql-jit's result with errors as graphql-js's executor builds it: errors first, each located at its field */
export function asExecutedByGraphqlJs(
  result: ExecutionResult,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ExecutionResult {
  const errors = (result.errors ?? []).map((error) => {
    const path = error.path ?? [];
    const nodes = fieldNodesAt(document, operation, path);
    const thrown = (error as { originalError?: unknown }).originalError;
    return thrown === undefined ? new GraphQLError(error.message, { nodes, path }) : locatedError(thrown, nodes, path);
  });
  return { errors, data: result.data };
}

/** the field nodes a response path names in the operation (fragments followed; list indices skipped) */
function fieldNodesAt(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  path: ReadonlyArray<string | number>,
): FieldNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let selectionSets: SelectionSetNode[] = [operation.selectionSet];
  let nodes: FieldNode[] = [];
  for (const key of path) {
    if (typeof key === "number") continue;
    nodes = selectionSets.flatMap((set) => fieldsNamed(set, key, fragments));
    selectionSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  }
  return nodes;
}

function fieldsNamed(
  set: SelectionSetNode,
  responseName: string,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) {
      return (selection.alias ?? selection.name).value === responseName ? [selection] : [];
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    return fragment ? fieldsNamed(fragment.selectionSet, responseName, fragments) : [];
  });
}
