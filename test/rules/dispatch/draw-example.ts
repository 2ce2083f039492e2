/** The worked example of docs/draw-verification.md (synthetic enterprises with valid USCCs). */
import type { FrozenCandidate } from "../../../schema/dispatch/rules/draw-candidates.ts";

export const EXAMPLE_SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
export const EXAMPLE_PARAMETERS = {
  baseRatioPpm: 250_000,
  stratifyBy: "CREDIT_GRADE",
  factorsPermille: { A: 500, B: 1000, C: 2000, D: 3000 },
} as const;
const candidate = (
  uscc: string,
  name: string,
  industry: string,
  riskClass: string,
  excluded: FrozenCandidate["excluded"] = null,
) => ({
  uscc,
  name,
  park: "高竹新区产业园",
  town: "坛同镇",
  industry,
  riskClass,
  excluded,
});
export const EXAMPLE_CANDIDATES: FrozenCandidate[] = [
  candidate("91511623000000000Y", "邻水示例化工有限公司", "化工", "C"),
  candidate("9151162300000000M0", "坛同示例建材有限公司", "建材", "B"),
  candidate("91500109MA5U000017", "茨竹示例化工有限公司", "化工", "C"),
  candidate("91500109MA5U00002A", "大湾示例化工有限公司", "化工", "C", "RECENTLY_INSPECTED"),
  candidate("91500109MA5U00003D", "高滩示例化工有限公司", "化工", "C"),
  candidate("91500109MA5U00004G", "茨竹示例建材有限公司", "建材", "B"),
  candidate("91500109MA5U00005K", "高竹示例化工有限公司", "化工", "A"),
];
