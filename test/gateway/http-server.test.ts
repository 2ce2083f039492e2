/**
 * What Node's HTTP parser refuses before yoga sees it — a 100 KB token, a malformed request — is
 * answered like every other refusal: a JSON body with a stable code (it was a bare 431 / 400).
 */
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../gateway/http-server.ts";

const server = createHttpServer((_request, response) => response.end("ok"));
let port: number;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** the raw answer to raw bytes */
function exchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("utf8");
    });
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("requests the HTTP parser refuses", () => {
  it("a 100 KB token → 431 with code REQUEST_HEADER_FIELDS_TOO_LARGE", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { authorization: `Bearer ${"a".repeat(100_000)}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(431);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: "REQUEST_HEADER_FIELDS_TOO_LARGE" } }],
    });
  });

  it("a malformed request line → 400 with code BAD_REQUEST", async () => {
    const answer = await exchange("GARBAGE\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
    expect(body).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
  });

  it("still answers well-formed requests", async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("ok");
  });
});
