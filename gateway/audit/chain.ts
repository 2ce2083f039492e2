/**
 * The audit log as a tamper-evident hash chain: each entry stores the hash of the previous one
 * (`prevHash`) and its own `hash` = SHA-256 over its canonical payload, which includes `prevHash`.
 * Pure: no I/O. The writer (same transaction as the mutation) appends under a lock on the chain
 * head so that two appends never share a `prevHash`.
 *
 * What the chain detects, reported at the first entry where it shows:
 * - an updated row → HASH_MISMATCH at that row (if the attacker also recomputed its hash, the next
 *   row's PREV_HASH_MISMATCH);
 * - a deleted row → PREV_HASH_MISMATCH at the row after the hole. Gaps in `seq` alone are not an
 *   error by default: `seq` comes from a Postgres sequence, which skips numbers when a transaction
 *   rolls back. With gap-free numbering (`allowSequenceGaps: false`) a gap is SEQUENCE_GAP;
 * - reordered or renumbered rows → HASH_MISMATCH (`seq` is hashed) or SEQUENCE_ORDER when the rows
 *   do not arrive in strictly increasing `seq`.
 * What it cannot detect: a truncated tail (the last rows deleted) leaves a valid, shorter chain, and
 * so does rewriting every row from some point on. The remedy is anchoring: periodically publish or
 * store the head (seq, hash) somewhere the database's writers cannot change (the other province, a
 * signed log, a timestamping service) and check that the chain still contains it. Not built yet.
 */
import { hash } from "node:crypto";
import { LruCache } from "../auth/lru-cache.ts";
import { stableJson } from "../util/stable-json.ts";

export const GENESIS_HASH = "0".repeat(64);

/** An entry before its hash is computed. */
export interface AuditEntry {
  /** BigInt from Postgres; hashed as its decimal string */
  seq: bigint | number;
  /** hashed with millisecond precision (ISO 8601): store the very Date that was hashed */
  at: Date | string;
  issuer: string | null;
  subject: string | null;
  operationName: string | null;
  operationType: string | null;
  documentHash: string | null;
  variablesHash: string | null;
  recordIds: readonly string[];
  outcome: string;
  errorCode: string | null;
  prevHash: string;
}

export interface AuditRow extends AuditEntry {
  hash: string;
}

/** the first element of every canonical payload: the version of its layout */
export const CANONICAL_TAG = "gaozhu-audit-v1";

/**
 * The stable serialization that is hashed: fixed field order, absent values as explicit nulls. After the tag, its
 * fields are in the order of the table's columns, which the Postgres writer relies on (./pg-audit-batch-writer.ts).
 */
export function canonicalAuditPayload(entry: AuditEntry): string {
  return JSON.stringify([
    CANONICAL_TAG,
    String(entry.seq),
    new Date(entry.at).toISOString(),
    entry.issuer ?? null,
    entry.subject ?? null,
    entry.operationName ?? null,
    entry.operationType ?? null,
    entry.documentHash ?? null,
    entry.variablesHash ?? null,
    [...(entry.recordIds ?? [])],
    entry.outcome,
    entry.errorCode ?? null,
    entry.prevHash,
  ]);
}

/** one-shot `crypto.hash` (Node ≥ 20.12): the same digest as createHash without a Hash object — 0.57 µs instead of
 * 1.35 µs for a short document, three times a request under the read load (document, variables, chain) */
const sha256 = (text: string) => hash("sha256", text, "hex");

export function computeAuditHash(entry: AuditEntry): string {
  return sha256(canonicalAuditPayload(entry));
}

/** An entry chained: the row to insert, and the canonical payload its hash covers. */
export interface ChainedEntry {
  row: AuditRow;
  payload: string;
}

/**
 * The row to insert after `previous` (null for the first entry of the log), with its payload. Its fields are
 * written out rather than spread: on Node 20 a spread followed by added properties costs ~2 µs an object, and every
 * audited request chains one entry (bench/README.md, "read-peers").
 */
export function chainEntry(previous: Pick<AuditRow, "hash"> | null, entry: Omit<AuditEntry, "prevHash">): ChainedEntry {
  const row: AuditRow = {
    seq: entry.seq,
    at: entry.at,
    issuer: entry.issuer,
    subject: entry.subject,
    operationName: entry.operationName,
    operationType: entry.operationType,
    documentHash: entry.documentHash,
    variablesHash: entry.variablesHash,
    recordIds: entry.recordIds,
    outcome: entry.outcome,
    errorCode: entry.errorCode,
    prevHash: previous?.hash ?? GENESIS_HASH,
    hash: "",
  };
  const payload = canonicalAuditPayload(row);
  row.hash = sha256(payload);
  return { row, payload };
}

/**
 * Documents hashed lately, by their text: platforms send the same few documents again and again, and a lookup costs
 * half of hashing one. Bounded: 1,000 documents of at most 4,096 characters (≤ 8 MB of text).
 */
const documentHashes = new LruCache<string, string>(1_000);
const REMEMBERED_DOCUMENT_LENGTH = 4_096;

/** The GraphQL document as received. */
export function hashDocument(query: string): string {
  let hash = documentHashes.get(query);
  if (hash === undefined) {
    hash = sha256(query);
    if (query.length <= REMEMBERED_DOCUMENT_LENGTH) documentHashes.set(query, hash);
  }
  return hash;
}

/** Variables as JSON with object keys sorted at every level, so that key order does not matter. */
export function hashVariables(variables: unknown): string {
  return sha256(stableJson(variables ?? {}));
}

export type AuditChainBreak = "HASH_MISMATCH" | "PREV_HASH_MISMATCH" | "SEQUENCE_GAP" | "SEQUENCE_ORDER";

export type AuditChainResult =
  | { ok: true; checked: number; head: { seq: bigint; hash: string } | null }
  /** `checked`: rows found intact before the broken one */
  | { ok: false; checked: number; firstBrokenSeq: bigint; reason: AuditChainBreak };

export interface AuditChainOptions {
  /** the hash the first row must point to; a later checkpoint's hash when verifying from there; @default GENESIS_HASH */
  startPrevHash?: string;
  /** @default true — see the header comment */
  allowSequenceGaps?: boolean;
}

/**
 * Checks rows one at a time (so `npm run audit:verify` can stream millions of rows page by page):
 * `push` returns the break at that row, or null while the chain holds.
 */
export function createAuditChainVerifier(options: AuditChainOptions = {}) {
  let expectedPrev = options.startPrevHash ?? GENESIS_HASH;
  let lastSeq: bigint | null = null;
  let checked = 0;
  let broken: Extract<AuditChainResult, { ok: false }> | null = null;

  return {
    push(row: AuditRow): AuditChainResult | null {
      if (broken) return broken;
      const seq = BigInt(row.seq);
      const fail = (reason: AuditChainBreak) => {
        broken = { ok: false, checked, firstBrokenSeq: seq, reason };
        return broken;
      };
      if (lastSeq !== null && seq <= lastSeq) return fail("SEQUENCE_ORDER");
      if (lastSeq !== null && options.allowSequenceGaps === false && seq !== lastSeq + 1n) return fail("SEQUENCE_GAP");
      if (computeAuditHash(row) !== row.hash) return fail("HASH_MISMATCH");
      if (row.prevHash !== expectedPrev) return fail("PREV_HASH_MISMATCH");
      expectedPrev = row.hash;
      lastSeq = seq;
      checked += 1;
      return null;
    },
    result(): AuditChainResult {
      return broken ?? { ok: true, checked, head: lastSeq === null ? null : { seq: lastSeq, hash: expectedPrev } };
    },
  };
}

/** Verifies rows sorted by `seq`; names the first broken one. */
export function verifyAuditChain(rows: Iterable<AuditRow>, options: AuditChainOptions = {}): AuditChainResult {
  const verifier = createAuditChainVerifier(options);
  for (const row of rows) if (verifier.push(row)) break;
  return verifier.result();
}
