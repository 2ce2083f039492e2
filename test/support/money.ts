import { fenFromYuanText, yuanTextFromFen } from "../../schema/common/money.ts";

/** A readable amount in a test (30_000, 1_500_001.5) as the API writes it ("30000.00", "1500001.50"). */
export function yuan(amount: number): string {
  const fen = fenFromYuanText(String(amount));
  if (fen === null) throw new RangeError(`${amount} is not an amount of yuan`);
  return yuanTextFromFen(fen);
}
