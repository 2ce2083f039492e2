/** Money is integer fen inside; yuan only at the edge of the API. */
export function fenToYuan(fen: number | bigint): number {
  return Number(fen) / 100;
}

/** 100_000_000 fen → "100万元"; used in human-readable summaries and steps. */
export function formatYuan(fen: number | bigint): string {
  const yuan = Number(fen) / 100;
  if (yuan >= 10_000 && yuan % 100 === 0) return `${yuan / 10_000}万元`;
  return `${yuan}元`;
}

/** basis points → multiple ("1%" for 100 bp, "3倍" for 30_000 bp). */
export function formatMultiple(bp: number): string {
  return bp >= 10_000 && bp % 10_000 === 0 ? `${bp / 10_000}倍` : `${bp / 100}%`;
}

/**
 * Yuan as sent by a client (a JSON number, at most 2 decimals) → exact integer fen, without float
 * arithmetic: 0.1 + 0.2 never enters money. Throws RangeError for fractions of a fen or unsafe sizes.
 */
export function yuanToFen(amountYuan: number): bigint {
  if (!Number.isFinite(amountYuan)) throw new RangeError(`${amountYuan} is not an amount of yuan`);
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(Math.abs(amountYuan).toString());
  if (!match) throw new RangeError(`${amountYuan} yuan is not a whole number of fen (at most 2 decimals)`);
  const fen = BigInt(match[1] as string) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${amountYuan} yuan is too large`);
  return amountYuan < 0 ? -fen : fen;
}
