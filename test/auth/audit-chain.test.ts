/** The audit hash chain names the first entry altered by an update, a delete or a reordering. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chainBatch } from "../../gateway/audit/audit-log.ts";
import {
  type AuditRow,
  canonicalAuditPayload,
  chainEntry,
  computeAuditHash,
  GENESIS_HASH,
  hashDocument,
  hashVariables,
  verifyAuditChain,
} from "../../gateway/audit/chain.ts";
import { jsonbParameter, rowsJson } from "../../gateway/audit/pg-audit-batch-writer.ts";

function buildChain(count: number, firstSeq = 1n, gapAfter?: bigint): AuditRow[] {
  const rows: AuditRow[] = [];
  let seq = firstSeq;
  for (let index = 0; index < count; index += 1) {
    const { row } = chainEntry(rows.at(-1) ?? null, {
      seq,
      at: new Date(Date.UTC(2025, 5, 1, 8, 0, index)),
      issuer: index % 2 === 0 ? "cq" : "sc",
      subject: `adapter-${index % 3}`,
      operationName: index % 4 === 0 ? "IngestRecords" : "Items",
      operationType: index % 4 === 0 ? "mutation" : "query",
      documentHash: hashDocument(`query Q${index} { items { code } }`),
      variablesHash: hashVariables({ n: index }),
      recordIds: index % 4 === 0 ? [`rec-${index}`, `rec-${index + 100}`] : [],
      outcome: index === 7 ? "refused" : "ok",
      errorCode: index === 7 ? "FORBIDDEN" : null,
    });
    rows.push(row);
    seq += gapAfter !== undefined && seq === gapAfter ? 5n : 1n;
  }
  return rows;
}

describe("an intact chain", () => {
  it("verifies, starting from the genesis hash", () => {
    const rows = buildChain(20);
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    expect(verifyAuditChain(rows)).toEqual({ ok: true, checked: 20, head: { seq: 20n, hash: rows[19]?.hash } });
  });

  it("accepts gaps in seq left by rolled-back transactions, unless numbering is declared gap-free", () => {
    const rows = buildChain(20, 1n, 9n);
    expect(verifyAuditChain(rows).ok).toBe(true);
    expect(verifyAuditChain(rows, { allowSequenceGaps: false })).toMatchObject({
      ok: false,
      firstBrokenSeq: 14n,
      reason: "SEQUENCE_GAP",
    });
  });

  it("is empty-safe", () => {
    expect(verifyAuditChain([])).toEqual({ ok: true, checked: 0, head: null });
  });
});

describe("tampering", () => {
  it("finds an updated row at that row", () => {
    const rows = buildChain(20);
    rows[6] = { ...(rows[6] as AuditRow), outcome: "ok", errorCode: null, subject: "someone-else" };
    expect(verifyAuditChain(rows)).toEqual({ ok: false, checked: 6, firstBrokenSeq: 7n, reason: "HASH_MISMATCH" });
  });

  it("finds an updated row whose hash was recomputed at the next row", () => {
    const rows = buildChain(20);
    const altered = { ...(rows[8] as AuditRow), recordIds: ["rec-8"] }; // seq 9 touched two records
    rows[8] = { ...altered, hash: computeAuditHash(altered) };
    expect(verifyAuditChain(rows)).toMatchObject({ ok: false, firstBrokenSeq: 10n, reason: "PREV_HASH_MISMATCH" });
  });

  it("finds a deleted row at the row after the hole", () => {
    const rows = buildChain(20);
    rows.splice(11, 1); // seq 12 deleted
    expect(verifyAuditChain(rows)).toEqual({
      ok: false,
      checked: 11,
      firstBrokenSeq: 13n,
      reason: "PREV_HASH_MISMATCH",
    });
  });

  it("finds two rows whose seq numbers were swapped at the first of them", () => {
    const rows = buildChain(20);
    const fifth = rows[4] as AuditRow;
    const sixth = rows[5] as AuditRow;
    rows[4] = { ...sixth, seq: 5n };
    rows[5] = { ...fifth, seq: 6n };
    expect(verifyAuditChain(rows)).toMatchObject({ ok: false, firstBrokenSeq: 5n, reason: "HASH_MISMATCH" });
  });

  it("finds rows read out of order", () => {
    const rows = buildChain(20);
    [rows[9], rows[10]] = [rows[10] as AuditRow, rows[9] as AuditRow];
    expect(verifyAuditChain(rows)).toMatchObject({ ok: false, firstBrokenSeq: 11n, reason: "PREV_HASH_MISMATCH" });
    expect(verifyAuditChain([rows[0] as AuditRow, rows[0] as AuditRow])).toMatchObject({
      firstBrokenSeq: 1n,
      reason: "SEQUENCE_ORDER",
    });
  });

  it("cannot see a truncated tail by itself (anchoring the head hash is the remedy)", () => {
    const rows = buildChain(20);
    const anchoredHead = rows[19]?.hash;
    const result = verifyAuditChain(rows.slice(0, 15));
    expect(result.ok).toBe(true);
    expect(result.ok && result.head?.hash).not.toBe(anchoredHead);
  });

  it("verifies from a checkpoint when given the hash before it", () => {
    const rows = buildChain(20);
    expect(verifyAuditChain(rows.slice(10), { startPrevHash: rows[9]?.hash }).ok).toBe(true);
    expect(verifyAuditChain(rows.slice(10))).toMatchObject({ firstBrokenSeq: 11n, reason: "PREV_HASH_MISMATCH" });
  });
});

describe("canonical payload and hashes", () => {
  it("serializes fields in a fixed order with explicit nulls and ms-precision time", () => {
    const payload = canonicalAuditPayload({
      seq: 42n,
      at: "2025-06-01T08:00:00.123456Z",
      issuer: null,
      subject: null,
      operationName: null,
      operationType: "query",
      documentHash: null,
      variablesHash: null,
      recordIds: [],
      outcome: "refused",
      errorCode: "UNAUTHENTICATED",
      prevHash: GENESIS_HASH,
    });
    expect(payload).toBe(
      `["gaozhu-audit-v1","42","2025-06-01T08:00:00.123Z",null,null,null,"query",null,null,[],"refused","UNAUTHENTICATED","${GENESIS_HASH}"]`,
    );
  });

  it("hashes variables independently of key order, and a document as sent", () => {
    expect(hashVariables({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      hashVariables({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(hashVariables({ a: 1 })).not.toBe(hashVariables({ a: "1" }));
    expect(hashVariables(undefined)).toBe(hashVariables({}));
    expect(hashDocument("{ items { code } }")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes a document remembered, forgotten or too long to remember as its SHA-256", () => {
    const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
    const documents = Array.from({ length: 2_500 }, (_, i) => `query Q${i} { item(code: "审${i}") { code } }`);
    documents.push(`{ items(search: "${"长".repeat(10_000)}") { code } }`);
    for (const round of [1, 2]) {
      for (const document of documents) expect(hashDocument(document), `round ${round}`).toBe(sha256(document));
    }
  });
});

describe("the rows the Postgres writer sends (the canonical payloads' fields, then the hash)", () => {
  it("are the table's columns in order, as each entry was hashed, whatever its text holds", () => {
    const records = [
      { subject: 'officer "王" \\ 1', operationName: null, recordIds: [], errorCode: null, outcome: "OK" as const },
      {
        subject: "adapter\n\u2028é",
        operationName: "Items",
        recordIds: ["rec-1", 'rec-"2"'],
        errorCode: "FORBIDDEN",
        outcome: "REFUSED" as const,
      },
    ].map((r) => ({
      ...r,
      issuer: "cq",
      operationType: "query",
      documentHash: hashDocument("{ a }"),
      variablesHash: null,
    }));
    const at = new Date(Date.UTC(2026, 11, 6, 3, 0, 0, 123));
    const entries = chainBatch("f".repeat(64), [41n, 42n], records, () => at);
    const columns = entries.map(({ row }) => [
      String(row.seq),
      at.toISOString(),
      row.issuer,
      row.subject,
      row.operationName,
      row.operationType,
      row.documentHash,
      row.variablesHash,
      row.recordIds,
      row.outcome,
      row.errorCode,
      row.prevHash,
      row.hash,
    ]);
    expect(JSON.parse(rowsJson(entries))).toEqual(columns);
    expect(entries.map(({ row }) => [computeAuditHash(row), canonicalAuditPayload(row)])).toEqual(
      entries.map(({ row, payload }) => [row.hash, payload]),
    );
    expect(entries[1]!.row.prevHash).toBe(entries[0]!.row.hash);
  });

  it("sends the rows as jsonb's binary format: the version byte 1, then the JSON text as UTF-8", () => {
    const json = JSON.stringify([["查询执法事项", "𠀀", 'a "b" \\ c']]);
    const bytes = jsonbParameter(json);
    expect(bytes[0]).toBe(1);
    expect(bytes.subarray(1).toString("utf8")).toBe(json);
    expect(bytes.length).toBe(1 + Buffer.byteLength(json));
  });
});
