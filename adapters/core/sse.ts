/** Reads a GraphQL-over-SSE response (graphql-yoga "distinct connections"): yields each `next` event's data. */

/** `authorization` holds the request's Authorization header (and its DPoP proof, when bound) */
export async function openSse(
  url: string,
  authorization: Record<string, string>,
  body: unknown,
  signal: AbortSignal,
): Promise<AsyncIterable<string>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...authorization },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => "");
    throw new Error(`changes stream refused: ${response.status} ${text.slice(0, 200)}`);
  }
  return parseEvents(response.body);
}

async function* parseEvents(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replaceAll("\r\n", "\n");
      let boundary = buffer.indexOf("\n\n");
      while (boundary >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        boundary = buffer.indexOf("\n\n");
        const { event, data } = parseSseBlock(block);
        if (event === "complete") return;
        if (event === "next" && data) yield data;
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** One server-sent event block (the lines between blank lines) → its event name and data. */
export function parseSseBlock(block: string): { event: string | undefined; data: string } {
  const lines = block.split("\n");
  const event = lines
    .find((l) => l.startsWith("event:"))
    ?.slice(6)
    .trim();
  const data = lines
    .filter((l) => l.startsWith("data:"))
    .map((l) => l.slice(5).trimStart())
    .join("\n");
  return { event, data };
}
