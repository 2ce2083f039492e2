/** Reads a GraphQL subscription over SSE (graphql-yoga's "distinct connections" mode) through gateway.fetch. */
import { parseSseBlock } from "../../adapters/core/sse.ts";
import type { DpopKey } from "../../gateway/auth/dpop-proof.ts";
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";
import { authorizationHeaders, TEST_GRAPHQL_URL, type TestGateway } from "../support/gateway.ts";

/** one event of the `changes` subscription, as CHANGES below selects it */
export interface StreamChange {
  seq: string;
  kind: string;
  entityType: string;
  entityId: string;
  /** whose data it is, as GraphQL spells a jurisdiction; null: shared catalog data */
  origin: "CQ" | "SC" | "GZ" | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

type Message = {
  data?: { changes?: StreamChange } | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
};

export const CHANGES = `subscription($afterSeq: String, $kinds: [String!], $consumer: String, $includeOwn: Boolean) {
  changes(afterSeq: $afterSeq, kinds: $kinds, consumer: $consumer, includeOwn: $includeOwn) {
    seq kind entityType entityId origin payload createdAt } }`;

export async function openChanges(
  t: TestGateway,
  opts: {
    as?: Jurisdiction;
    scopes?: string[];
    token?: string;
    variables?: Record<string, unknown>;
    dpop?: DpopKey;
    /** another selection of `changes` (default CHANGES) */
    query?: string;
  } = {},
) {
  const bearer =
    opts.token ?? (opts.as ? await t.token(opts.as, { scopes: opts.scopes, boundKey: opts.dpop?.thumbprint }) : null);
  const response = await t.gateway.fetch(TEST_GRAPHQL_URL, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      ...(await authorizationHeaders(bearer, opts.dpop)),
    },
    body: JSON.stringify({ query: opts.query ?? CHANGES, variables: opts.variables ?? {} }),
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const queue: Message[] = [];
  let buffer = "";
  let done = false;

  async function fill(): Promise<void> {
    const { value, done: ended } = await reader.read();
    if (ended) {
      done = true;
      return;
    }
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf("\n\n");
    while (boundary >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const { event, data } = parseSseBlock(block);
      if (event === "next" && data) queue.push(JSON.parse(data) as Message);
      if (event === "complete") done = true;
      boundary = buffer.indexOf("\n\n");
    }
  }

  /** the next message (data or errors); rejects after `timeoutMs` */
  async function nextMessage(timeoutMs = 10_000): Promise<Message | null> {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0 && !done) {
      if (Date.now() > deadline) throw new Error("no SSE message in time");
      await Promise.race([fill(), new Promise((r) => setTimeout(r, Math.max(1, deadline - Date.now())))]);
    }
    return queue.shift() ?? null;
  }

  /** the next change, skipping heartbeats unless asked */
  async function next(options: { heartbeats?: boolean; timeoutMs?: number } = {}): Promise<StreamChange> {
    for (;;) {
      const message = await nextMessage(options.timeoutMs);
      if (!message) throw new Error("stream ended");
      if (message.errors) throw Object.assign(new Error(message.errors[0]?.message), { errors: message.errors });
      const change = message.data?.changes as StreamChange;
      if (change.kind !== "heartbeat" || options.heartbeats) return change;
    }
  }

  return {
    status: response.status,
    nextMessage,
    next,
    /** collects changes (no heartbeats) until `count` have arrived */
    async take(count: number, timeoutMs = 20_000): Promise<StreamChange[]> {
      const out: StreamChange[] = [];
      while (out.length < count) out.push(await next({ timeoutMs }));
      return out;
    },
    async close() {
      await reader.cancel().catch(() => {});
    },
  };
}
