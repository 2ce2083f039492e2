/**
 * Prepared queries: the documents the read lane (./read-cache-lane.ts) may execute itself, before yoga, and the
 * results it hands back to yoga when it will not answer them. A document is prepared once yoga has parsed it,
 * validated it (depth, aliases, tokens, directives, cost, introspection: decided by the document alone) and
 * executed it as a query on the lane's schema without an error (../plugins/use-prepared-queries.ts). What depends
 * on the request is decided again every time: the token, the operation chosen, the input safety of the variables.
 *
 * A result the lane executed but does not answer (it has errors, or its audit entry could not be written) is handed
 * to yoga with the request: yoga takes it as the execution's result instead of executing again, so an operation
 * runs once whoever answers, and yoga answers errors its own way (codes, masking, status, audit, log). One narrow
 * difference remains: should yoga refuse the token the lane accepted (it expired in between, within the same
 * request), the lane's result is dropped and the request is audited as refused although its query ran. Only a query's
 * own side effects can show it (a 执法码 check counts against its rate limit and is recorded whatever its verdict).
 *
 * Only documents of callers with a token, and of at most 64 Ki characters, are prepared (the lane answers no
 * others): 1,000 of them at most are kept, the oldest first out.
 */
import type { IncomingMessage } from "node:http";
import type { DocumentNode, ExecutionResult, GraphQLSchema } from "graphql";

/** what the lane executed for a request it then handed on: taken by yoga for the same document and variables */
export interface HandedOnResult {
  documentHash: string | null;
  variablesHash: string | null;
  operationName: string | null;
  result: ExecutionResult;
  /** the records the execution touched (the audit entry names them) */
  recordIds: ReadonlySet<string>;
}

export interface PreparedQueries {
  /** the schema the lane executes on: yoga's (the shared subgraph's, when federated) */
  schema: GraphQLSchema;
  /** the prepared document of this text's hash (`hashDocument`), if any */
  get(documentHash: string): DocumentNode | undefined;
  prepare(documentHash: string, document: DocumentNode): void;
  handOn(req: IncomingMessage, executed: HandedOnResult): void;
  /** the result handed on with this request, once (taken: a second call finds nothing) */
  takeHandedOn(req: IncomingMessage): HandedOnResult | undefined;
}

/** @param maxEntries documents kept (the oldest goes first): clients send a few hundred distinct documents at most */
export function createPreparedQueries(schema: GraphQLSchema, maxEntries = 1000): PreparedQueries {
  const documents = new Map<string, DocumentNode>();
  const handedOn = new WeakMap<IncomingMessage, HandedOnResult>();
  return {
    schema,
    get: (documentHash) => documents.get(documentHash),
    prepare(documentHash, document) {
      if (documents.has(documentHash)) return;
      if (documents.size >= maxEntries) documents.delete(documents.keys().next().value!);
      documents.set(documentHash, document);
    },
    handOn: (req, executed) => void handedOn.set(req, executed),
    takeHandedOn(req) {
      const executed = handedOn.get(req);
      handedOn.delete(req);
      return executed;
    },
  };
}
