/**
 * The request body limit, in place of graphql-yoga's own (`maxRequestBodySize`, which the gateway turns off).
 * Yoga's wraps EVERY request body in a TransformStream to count its bytes — a stream pipeline, an AbortController
 * and a DOMException per request, ~5% of the gateway's CPU under the read bench. With a Content-Length there is
 * nothing to count: Node's HTTP parser delivers exactly that many bytes as the body, so the header alone decides
 * (413 above the limit, before anything is read). Only a body without one (chunked) is counted as it is read,
 * the way yoga does it (plugins/request-validation/use-limit-request-body-size.js).
 */
import { createGraphQLError, type Plugin } from "graphql-yoga";

/** graphql-yoga's default */
export const DEFAULT_MAX_BODY_BYTES = 25_000_000;

const tooLarge = () =>
  createGraphQLError("Request body too large", {
    extensions: { http: { status: 413 }, code: "REQUEST_ENTITY_TOO_LARGE" },
  });

export function useBodyLimit(limit = DEFAULT_MAX_BODY_BYTES): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get("content-length");
      if (length !== null) {
        // one non-negative integer: anything else (e.g. "10, 10" in a smuggling attempt) is refused outright
        if (!/^\d+$/.test(length)) {
          throw createGraphQLError("Content-Length header is invalid.", {
            extensions: { http: { status: 400 }, code: "BAD_REQUEST" },
          });
        }
        if (Number(length) > limit) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((unsized) => {
        let bytes = 0;
        const Transform =
          unsized.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
        const counted = unsized.body!.pipeThrough(
          new Transform({
            transform(chunk: Uint8Array, controller) {
              bytes += chunk.byteLength;
              if (bytes > limit) controller.error(tooLarge());
              else controller.enqueue(chunk);
            },
          }),
        );
        const init = { method: unsized.method, headers: unsized.headers, signal: unsized.signal, body: counted };
        return parse(new fetchAPI.Request(unsized.url, { ...init, duplex: "half" } as RequestInit));
      });
    },
  };
}
