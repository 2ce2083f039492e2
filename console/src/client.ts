/**
 * The console's GraphQL client: each request with the session's DPoP-bound token and a fresh proof; GraphQL
 * errors become exceptions with the gateway's stable code. `subscribe` reads a subscription over SSE.
 */
import type { TadaDocumentNode } from "gql.tada";
import { print } from "graphql";
import { dpopProof } from "./auth/dpop.ts";
import { currentToken, signOut } from "./auth/session.ts";

const ENDPOINT = "/graphql";

export class GatewayError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly reason?: string,
  ) {
    super(message);
  }
}

async function headers(accept: string): Promise<Record<string, string>> {
  const token = currentToken();
  if (!token) throw new GatewayError("未登录", "UNAUTHENTICATED");
  return {
    "content-type": "application/json",
    accept,
    authorization: `DPoP ${token}`,
    dpop: await dpopProof("POST", ENDPOINT, token),
  };
}

export async function request<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables?: Variables,
): Promise<Result> {
  const response = await fetch(ENDPOINT, {
    method: "POST",
    headers: await headers("application/graphql-response+json, application/json"),
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as {
    data?: Result;
    errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
  };
  const first = body.errors?.[0];
  if (first) {
    if (response.status === 401) signOut();
    throw new GatewayError(first.message, first.extensions?.code, first.extensions?.reason);
  }
  return body.data as Result;
}

/** runs until `signal` aborts; each event's data goes to `onData` */
export async function subscribe<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  onData: (data: Result) => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetch(ENDPOINT, {
    method: "POST",
    headers: await headers("text/event-stream"),
    body: JSON.stringify({ query: print(document), variables }),
    signal,
  });
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  while (!signal.aborted) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trim())
        .join("\n");
      if (data) {
        const parsed = JSON.parse(data) as { data?: Result };
        if (parsed.data) onData(parsed.data);
      }
      end = buffer.indexOf("\n\n");
    }
  }
}
