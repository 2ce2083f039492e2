/** Hand-written generators for the dispatch property tests: a seeded PRNG, no new dependency. */

import type { FrozenCandidate } from "../../../schema/dispatch/rules/draw-candidates.ts";
import type { TeamOfficer } from "../../../schema/dispatch/rules/teams.ts";
import { computeUsccCheckChar, USCC_CHARSET } from "../../../schema/libraries/rules/uscc.ts";

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => next() < p;
  const hex = (bytes: number) => Array.from({ length: bytes }, () => int(256).toString(16).padStart(2, "0")).join("");
  const subset = <T>(items: readonly T[], p: number) => items.filter(() => chance(p));
  return { next, int, pick, chance, hex, subset };
}
export type Prng = ReturnType<typeof prng>;

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A valid USCC (GB 32100 check character) registered in 北碚区 / 邻水县. */
export function uscc(random: Prng): string {
  const body =
    random.pick(["91500109", "91511623"]) + Array.from({ length: 9 }, () => random.pick([...USCC_CHARSET])).join("");
  return body + computeUsccCheckChar(body);
}

export const INDUSTRIES = ["化工", "机械制造", "建材", "餐饮", "物流"];
export const DOMAINS = ["SAFETY", "ECOLOGY", "PLANNING", "MARKET", "FIRE"];

export function candidates(
  random: Prng,
  count: number,
  classes: readonly string[] = ["A", "B", "C", "D"],
): FrozenCandidate[] {
  const seen = new Set<string>();
  const list: FrozenCandidate[] = [];
  while (list.length < count) {
    const code = uscc(random);
    if (seen.has(code)) continue;
    seen.add(code);
    list.push({
      uscc: code,
      name: `${random.pick(["高竹", "茨竹", "坛同"])}${list.length}号有限公司`,
      park: random.pick(["高竹新区产业园", "坛同园区"]),
      town: random.pick(["茨竹镇", "大湾镇", "高滩镇", "坛同镇"]),
      industry: random.pick(INDUSTRIES),
      riskClass: random.pick(classes),
      excluded: random.chance(0.1) ? random.pick(["RECENTLY_INSPECTED", "YEARLY_CAP_REACHED"] as const) : null,
    });
  }
  return list;
}

export function officers(random: Prng, count: number, visitDay: Date): TeamOfficer[] {
  return Array.from({ length: count }, (_, i) => {
    const from = new Date(visitDay.getTime() + (random.int(800) - 700) * 86_400_000);
    const to = new Date(from.getTime() + random.int(1200) * 86_400_000);
    return {
      certificateNumber: `${random.chance(0.5) ? "渝" : "川"}执-${String(i).padStart(5, "0")}`,
      homeJurisdiction: random.chance(0.5) ? "cq" : "sc",
      status: random.chance(0.85) ? "ACTIVE" : random.pick(["SUSPENDED", "RETIRED"] as const),
      certificateValidFrom: random.chance(0.03) ? null : from,
      certificateValidTo: to,
      qualifiedDomains: random.subset(DOMAINS, 0.6),
      load: random.int(4),
    };
  });
}
