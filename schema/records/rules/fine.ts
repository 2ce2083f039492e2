/**
 * Fines arrive as decimal strings (Sichuan writes yuan as "12000.50") and become integer fen exactly:
 * never through a float. The upper bound keeps any fine far inside BIGINT and JSON-safe integers.
 */
const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;
const FEN = /^\d{1,15}$/;

/** "12000.50" | "12000.5" | "12000" → 1200050n | 1200050n | 1200000n; null when malformed. */
export function parseYuanToFen(text: string): bigint | null {
  const match = YUAN.exec(text.trim());
  if (!match) return null;
  return BigInt(match[1] as string) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
}

/** "1200050" → 1200050n; null when not a whole non-negative number of at most 15 digits. */
export function parseFen(text: string): bigint | null {
  const trimmed = text.trim();
  return FEN.test(trimmed) ? BigInt(trimmed) : null;
}

/** 1200050n → "12000.50" */
export function formatFenAsYuan(fen: bigint): string {
  const cents = fen % 100n;
  return `${fen / 100n}.${String(cents).padStart(2, "0")}`;
}
