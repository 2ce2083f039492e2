/**
 * The gateway's HTTP/1.1 server. Node answers requests its parser refuses — headers over
 * `--max-http-header-size` (16 KiB by default: a 100 KB token), a malformed request line — with a
 * bare status line and no body, before yoga sees anything. Those answers get the same shape as every
 * other refusal here: a GraphQL-over-HTTP JSON body with a stable `extensions.code`.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { Duplex } from "node:stream";

interface Refusal {
  status: number;
  statusText: string;
  code: string;
  message: string;
}

function refusalFor(error: NodeJS.ErrnoException): Refusal {
  if (error.code === "HPE_HEADER_OVERFLOW") {
    return {
      status: 431,
      statusText: "Request Header Fields Too Large",
      code: "REQUEST_HEADER_FIELDS_TOO_LARGE",
      message: "The request headers are too large (16 KiB in all; a token is at most 8 KiB)",
    };
  }
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    return {
      status: 408,
      statusText: "Request Timeout",
      code: "REQUEST_TIMEOUT",
      message: "The request took too long",
    };
  }
  return { status: 400, statusText: "Bad Request", code: "BAD_REQUEST", message: "The HTTP request is malformed" };
}

/** Called with each refusal of Node's parser before it is answered: the gateway audits it (gateway/server.ts). */
export type ParserRefusalListener = (code: string) => void;

/** Answers what Node's parser refuses, as JSON; then closes the connection (the stream is out of step). */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, onRefused?: ParserRefusalListener): void {
  // the peer is gone, or a response already started on this socket: nothing sensible to write
  if (error.code === "ECONNRESET" || !socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
    socket.destroy();
    return;
  }
  const { status, statusText, code, message } = refusalFor(error);
  onRefused?.(code);
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

export function createHttpServer(handler: RequestListener, onRefused?: ParserRefusalListener): Server {
  const server = createServer(handler);
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) =>
    answerClientError(error, socket, onRefused),
  );
  return server;
}
