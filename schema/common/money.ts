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
