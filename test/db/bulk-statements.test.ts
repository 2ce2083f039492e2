/**
 * Statements with a batch-sized parameter (gateway/db/bulk-statements.ts) run inside the caller's transaction on
 * Postgres over its own connection, and through Prisma elsewhere: either way seen by the transaction's later
 * statements, rolled back with it, and answering the same rows. PGlite and Postgres.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { executeBulk, queryBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.$executeRawUnsafe(`CREATE TABLE "BulkProbe" ("seq" bigserial PRIMARY KEY, "doc" jsonb NOT NULL)`);
});
afterAll(() => t?.dispose());

const docs = (n: number) =>
  JSON.stringify(Array.from({ length: n }, (_, i) => ({ i, text: `第${i}条 "quoted" \\ ok` })));
const insertSql = (json: string) => Prisma.sql`INSERT INTO "BulkProbe" ("doc")
  SELECT d FROM jsonb_array_elements(${json}::jsonb) AS d RETURNING "seq", "doc"`;
const count = async () =>
  Number((await t.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "BulkProbe"`)[0]!.n);

describe("bulk statements", () => {
  it("run in the caller's transaction: its later statements see them; on Postgres over its own connection", async () => {
    const direct = vi.spyOn(pg.Client.prototype, "query");
    const before = await count();
    await t.prisma.$transaction(async (tx) => {
      const written = await queryBulk<{ seq: bigint | string; doc: { i: number; text: string } }>(
        tx,
        insertSql(docs(3)),
      );
      expect(written.map((row) => row.doc)).toEqual(JSON.parse(docs(3)));
      expect(
        await executeBulk(
          tx,
          Prisma.sql`UPDATE "BulkProbe" SET "doc" = ${docs(1)}::jsonb -> 0 WHERE "seq" = ${BigInt(written[0]!.seq)}`,
        ),
      ).toBe(1);
      const [seen] = await tx.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "BulkProbe"`;
      expect(Number(seen!.n)).toBe(before + 3);
    });
    expect(await count()).toBe(before + 3);
    // on Postgres the two statements went straight to node-postgres with their parameters; Prisma's own calls go
    // through its adapter as query configs with rowMode "array"
    const straight = direct.mock.calls.filter(([query, values]) => typeof query === "string" && Array.isArray(values));
    if (t.db.kind === "postgres") expect(straight.length).toBe(2);
    else expect(straight.length).toBe(0);
    direct.mockRestore();
  });

  it("are rolled back with the transaction (on Postgres: proof that they ran on its connection)", async () => {
    const direct = vi.spyOn(pg.Client.prototype, "query");
    const before = await count();
    await expect(
      t.prisma.$transaction(async (tx) => {
        await executeBulk(tx, insertSql(docs(5)));
        throw new Error("the caller fails after the statement");
      }),
    ).rejects.toThrow("the caller fails");
    expect(await count()).toBe(before);
    const straight = direct.mock.calls.filter(([query, values]) => typeof query === "string" && Array.isArray(values));
    expect(straight.length).toBe(t.db.kind === "postgres" ? 1 : 0);
    direct.mockRestore();
  });

  it("never run once their transaction is over: Prisma's timeout rolled it back and released the connection", async () => {
    const before = await count();
    let late: unknown = "not run yet";
    const outcome = t.prisma.$transaction(
      async (tx) => {
        await executeBulk(tx, insertSql(docs(1)));
        await new Promise((resolve) => setTimeout(resolve, 700));
        // the connection may serve someone else by now: on it, this would commit on its own
        late = await executeBulk(tx, insertSql(docs(4))).catch((error: unknown) => error);
      },
      { timeout: 300 },
    );
    await expect(outcome).rejects.toThrow();
    for (let waited = 0; late === "not run yet" && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(late).toBeInstanceOf(Error);
    if (t.db.kind === "postgres") expect((late as Error).message).toMatch(/its transaction is over/);
    expect(await count()).toBe(before);
  });

  it("sent together (Promise.all) find their transaction's connection once, and all run in it", async () => {
    const direct = vi.spyOn(pg.Client.prototype, "query");
    const before = await count();
    await t.prisma.$transaction(async (tx) => {
      await Promise.all([1, 2, 3].map((n) => executeBulk(tx, insertSql(docs(n)))));
    });
    expect(await count()).toBe(before + 6);
    // the connection is checked by asking its transaction id straight (gateway/db/bulk-statements.ts)
    const asked = direct.mock.calls.filter(
      ([query]) => typeof query === "string" && query.includes("pg_current_xact_id"),
    );
    expect(asked.length).toBe(t.db.kind === "postgres" ? 1 : 0);
    direct.mockRestore();
  });

  it("sent together wait for each other: none is sent to the connection while another runs (pg@9 refuses that)", async () => {
    const busyAtSend: boolean[] = [];
    const original = pg.Client.prototype.query;
    const direct = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args) {
      const client = this as unknown as { _activeQuery: unknown; _queryQueue: unknown[] };
      if (typeof args[0] === "string" && Array.isArray(args[1])) {
        busyAtSend.push(client._activeQuery != null || client._queryQueue.length > 0);
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args) as never;
    });
    const before = await count();
    const written = await t.prisma.$transaction(async (tx) =>
      Promise.all([
        executeBulk(tx, insertSql(docs(2))),
        queryBulk<{ n: string | bigint }>(tx, Prisma.sql`SELECT count(*) AS n FROM "BulkProbe"`),
        executeBulk(tx, insertSql(docs(3))),
      ]),
    );
    direct.mockRestore();
    expect(written[0]).toBe(2);
    // in the order they were sent: the count saw the first insert and not the last
    expect(Number(written[1][0]!.n)).toBe(before + 2);
    expect(written[2]).toBe(3);
    expect(await count()).toBe(before + 5);
    if (t.db.kind === "postgres") expect(busyAtSend).toEqual([false, false, false]);
    else expect(busyAtSend).toEqual([]);
  });

  it("a failed statement does not stall the ones sent with it: each answers, the transaction is rolled back", async () => {
    const before = await count();
    const answers: string[] = [];
    await expect(
      t.prisma.$transaction(async (tx) => {
        const failing = executeBulk(tx, Prisma.sql`SELECT 1/0`).then(
          () => answers.push("no error"),
          () => answers.push("failed"),
        );
        const behind = executeBulk(tx, insertSql(docs(1))).then(
          () => answers.push("ran"),
          (error: Error) =>
            answers.push(
              /current transaction is aborted/.test(error.message)
                ? "refused: the transaction is aborted"
                : error.message,
            ),
        );
        await Promise.all([failing, behind]);
        throw new Error("the caller gives up");
      }),
    ).rejects.toThrow("the caller gives up");
    // each answered, the failed one first; on Postgres the one behind it met the aborted transaction
    expect(answers).toHaveLength(2);
    expect(answers[0]).toBe("failed");
    if (t.db.kind === "postgres") expect(answers[1]).toBe("refused: the transaction is aborted");
    expect(await count()).toBe(before);
  });

  it("outside a transaction go through Prisma (no connection of ours is borrowed)", async () => {
    const direct = vi.spyOn(pg.Client.prototype, "query");
    const before = await count();
    await executeBulk(t.prisma, insertSql(docs(2)));
    expect(await count()).toBe(before + 2);
    expect(direct.mock.calls.filter(([query, values]) => typeof query === "string" && Array.isArray(values))).toEqual(
      [],
    );
    direct.mockRestore();
  });
});
