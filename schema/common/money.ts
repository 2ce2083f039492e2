/**
 * Money is integer fen inside; the API speaks exact decimal yuan strings ("12000.50", the `Yuan` scalar).
 * This file is the one place where yuan and fen are converted — for the gateway, the adapters and the
 * simulators alike. Never through a float: 0.1 + 0.2 never enters money.
 */

/** at most 13 integer digits: any fine stays far inside BIGINT and JSON-safe integers (< 2^53 fen) */
const YUAN_TEXT = /^(\d{1,13})(?:\.(\d{1,2}))?$/;
const FEN_TEXT = /^\d{1,15}$/;

/** "12000.50" | "12000.5" | "12000" → 1200050n | 1200050n | 1200000n; null when malformed or negative. */
export function fenFromYuanText(text: string): bigint | null {
  const match = YUAN_TEXT.exec(text.trim());
  if (!match) return null;
  return BigInt(match[1] as string) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
}

/** "1200050" → 1200050n; null when not a whole non-negative number of at most 15 digits. */
export function fenFromFenText(text: string): bigint | null {
  const trimmed = text.trim();
  return FEN_TEXT.test(trimmed) ? BigInt(trimmed) : null;
}

/** 1200050 → "12000.50": always two decimals. Throws RangeError for a fraction or a negative amount. */
export function yuanTextFromFen(fen: bigint | number): string {
  if (typeof fen === "number" && !Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  const whole = BigInt(fen);
  if (whole < 0n) throw new RangeError(`a negative amount of money: ${fen} fen`);
  return `${whole / 100n}.${String(whole % 100n).padStart(2, "0")}`;
}

/** 100_000_000 fen → "100万元"; for human-readable summaries and steps, never for exchange. */
export function formatYuan(fen: number | bigint): string {
  const yuan = Number(fen) / 100;
  if (yuan >= 10_000 && yuan % 100 === 0) return `${yuan / 10_000}万元`;
  return `${yuan}元`;
}

/** basis points → multiple ("1%" for 100 bp, "3倍" for 30_000 bp). */
export function formatMultiple(bp: number): string {
  return bp >= 10_000 && bp % 10_000 === 0 ? `${bp / 10_000}倍` : `${bp / 100}%`;
}
