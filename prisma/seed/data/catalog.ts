/**
 * The catalog seed (事项库 + 裁量基准) and its integrity check. `validateCatalog()` lists every problem it
 * finds (empty = sound); the seed test asserts it is empty.
 */
import { defaultFacts } from "../../../schema/benchmarks/rules/case-facts.ts";
import { legalBasisCitation } from "../../../schema/benchmarks/rules/citation.ts";
import { clampTier } from "../../../schema/benchmarks/rules/merge-statute.ts";
import {
  governingNormWithoutFacts,
  type PenaltyNorm,
  statutoryFine,
} from "../../../schema/benchmarks/rules/statute.ts";
import { allHold, selectTier } from "../../../schema/benchmarks/rules/tier-selection.ts";
import { type BenchmarkTier, benchmarkBody, type FineRule } from "../../../schema/benchmarks/rules/types.ts";
import { COMMITTEE, dayBefore } from "./build.ts";
import { domains } from "./domains.ts";
import { items } from "./items.ts";
import { EMPOWERED } from "./legal.ts";
import type { SeedBenchmark, SeedDomain, SeedItem, SeedLegalBasis } from "./types.ts";

export { domains, items };

export const ITEM_COUNT = 125;
export const DOMAIN_CODES = [
  "EMERGENCY",
  "ECOLOGY",
  "PLANNING_RESOURCES",
  "MARKET",
  "URBAN",
  "TRANSPORT",
  "AGRICULTURE",
  "CULTURE_TOURISM",
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

function checkRange(where: string, from: string, to: string | null, problems: string[]) {
  if (!isDate(from)) problems.push(`${where}: effectiveFrom "${from}" is not a date`);
  if (to !== null && !isDate(to)) problems.push(`${where}: effectiveTo "${to}" is not a date`);
  if (to !== null && to < from) problems.push(`${where}: ends (${to}) before it starts (${from})`);
}

/** JSON with sorted keys, so that two equal bodies compare equal whatever their key order */
const canonical = (x: unknown): string =>
  JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

function checkDomains(list: SeedDomain[], used: Set<string>, problems: string[]) {
  if (list.length !== DOMAIN_CODES.length) problems.push(`expected ${DOMAIN_CODES.length} domains, got ${list.length}`);
  const codes = list.map((d) => d.code);
  for (const code of DOMAIN_CODES) {
    if (!codes.includes(code)) problems.push(`domain ${code} missing`);
    if (!used.has(code)) problems.push(`domain ${code} has no item`);
  }
  for (const dup of duplicates(codes)) problems.push(`domain code ${dup} repeated`);
}

function checkBasis(where: string, b: SeedLegalBasis, problems: string[]) {
  checkRange(where, b.effectiveFrom, b.effectiveTo, problems);
  // never an invented article: a number is given only where the statute's text was read (then it is verified), or
  // where a named source reports it (then it is not verified, and the note says where it comes from)
  if (b.article !== null && !b.verified && !b.note) {
    problems.push(`${where}: article ${b.article} set but not verified, and no note says where it comes from`);
  }
  if (b.article === null && b.verified) problems.push(`${where}: verified without an article`);
  if (b.article === null && (b.clause !== null || b.subItem !== null || b.citation !== "")) {
    problems.push(`${where}: clause/item/citation without an article`);
  }
  if (b.article !== null && !b.citation.startsWith("第")) problems.push(`${where}: article without a citation`);
  if (!b.lawName) problems.push(`${where}: no law name`);
  if (b.statutoryFine !== null && !statutoryFine.safeParse(b.statutoryFine).success) {
    problems.push(`${where}: statutory fine invalid`);
  }
  if ((b.statutoryFine !== null || b.dailyFine) && b.role !== "PENALTY") {
    problems.push(`${where}: a statutory fine or daily fine on a ${b.role} basis`);
  }
}

const inForceOn = (b: SeedLegalBasis, day: string) =>
  b.effectiveFrom <= day && (b.effectiveTo === null || day <= b.effectiveTo);

/** The norm a benchmark in force from `day` must stay inside (行政处罚法 第29条 when several). */
function governingOn(item: SeedItem, day: string): PenaltyNorm | null {
  const norms = item.legalBases
    .filter((b) => b.statutoryFine !== null && inForceOn(b, day))
    .map((b) => ({ citation: legalBasisCitation(b), statute: statutoryFine.parse(b.statutoryFine) }));
  return norms.length <= 1 ? (norms[0] ?? null) : (governingNormWithoutFacts(norms)?.norm ?? null);
}

/** Every tier of every benchmark lies inside the statute: keeping it there changes nothing. */
function checkInsideStatute(where: string, item: SeedItem, bm: SeedBenchmark, problems: string[]) {
  const norm = governingOn(item, bm.effectiveFrom);
  if (!norm) {
    problems.push(`${where}: no statutory fine in force on ${bm.effectiveFrom}`);
    return;
  }
  for (const tier of bm.body.tiers) {
    try {
      const { clamps } = clampTier(tier, norm);
      for (const c of clamps) {
        problems.push(
          `${where}: tier ${c.level} ${c.part}.${c.bound} ${c.before} is outside ${c.citation} (${c.after})`,
        );
      }
    } catch (e) {
      problems.push(`${where}: tier ${tier.level} cannot be compared with ${norm.citation}: ${(e as Error).message}`);
    }
  }
}

/** lower and upper bound of a rule on its own scale; rules on different scales are not compared */
function boundsOf(r: FineRule): { scale: string; lo: number; hi: number } {
  switch (r.kind) {
    case "FIXED_RANGE":
      return { scale: "fen", lo: r.minFen, hi: r.maxFen };
    case "UP_TO_MAX":
      return { scale: "fen", lo: 0, hi: r.maxFen };
    case "MULTIPLE_OF_BASE":
      return { scale: `bp:${r.base}`, lo: r.minBp, hi: r.maxBp };
    case "PER_SQUARE_METRE":
      return { scale: "fen/m2", lo: r.minFenPerM2, hi: r.maxFenPerM2 };
  }
}

function checkTiers(where: string, tiers: BenchmarkTier[], problems: string[]) {
  tiers.forEach((t, i) => {
    if (t.level !== i + 1) problems.push(`${where}: tier ${i + 1} has level ${t.level}`);
    const b = boundsOf(t.fine);
    if (b.lo > b.hi) problems.push(`${where}: tier ${t.level} minimum above maximum`);
    const prev = tiers[i - 1];
    if (!prev) return;
    const p = boundsOf(prev.fine);
    // lightest to heaviest: neither bound may fall from one tier to the next on the same scale
    if (p.scale === b.scale && (b.lo < p.lo || b.hi < p.hi)) {
      problems.push(`${where}: tier ${t.level} is lighter than tier ${prev.level}`);
    }
  });
  const defaults = defaultFacts();
  try {
    const level = selectTier(tiers, defaults).tier.level;
    if (level !== 1) problems.push(`${where}: default facts select tier ${level}, not tier 1`);
  } catch (e) {
    problems.push(`${where}: default facts select no tier (${(e as Error).message})`);
  }
}

function checkBenchmark(where: string, item: SeedItem, bm: SeedBenchmark, problems: string[]) {
  checkRange(where, bm.effectiveFrom, bm.effectiveTo, problems);
  if (bm.effectiveFrom < item.empoweredFrom) problems.push(`${where}: starts before the item was empowered`);
  const parsed = benchmarkBody.safeParse(bm.body);
  if (!parsed.success) {
    problems.push(`${where}: body invalid: ${parsed.error.message}`);
    return;
  }
  // the stored JSON must be complete: parsing fills in no default
  if (canonical(parsed.data) !== canonical(bm.body)) problems.push(`${where}: body relies on zod defaults`);
  checkTiers(where, bm.body.tiers, problems);
  checkInsideStatute(where, item, bm, problems);
  const defaults = defaultFacts();
  for (const rule of bm.body.lenientRules) {
    if (allHold(rule.conditions, defaults)) problems.push(`${where}: lenient rule "${rule.description}" holds for {}`);
  }
  if (!bm.violation) problems.push(`${where}: no 违法行为`);
}

/** Versions of one source follow each other without gap or overlap. */
function checkVersions(item: SeedItem, problems: string[]) {
  for (const source of ["gz", "cq", "sc"] as const) {
    const versions = item.benchmarks.filter((b) => b.source === source).sort((a, b) => a.version - b.version);
    versions.forEach((b, i) => {
      if (b.version !== i + 1) problems.push(`${item.code} ${source}: version ${b.version} out of sequence`);
      const next = versions[i + 1];
      if (next && b.effectiveTo !== dayBefore(next.effectiveFrom)) {
        problems.push(`${item.code} ${source} v${b.version}: does not end the day before v${next.version} starts`);
      }
      if (!next && b.effectiveTo !== null) problems.push(`${item.code} ${source}: latest version has an end date`);
    });
  }
  const has = (s: string) => item.benchmarks.some((b) => b.source === s);
  if (has("cq") !== has("sc")) problems.push(`${item.code}: a provincial benchmark without its counterpart`);
}

function checkItem(item: SeedItem, index: number, problems: string[]) {
  const where = item.code;
  if (item.code !== `GZ-${String(index + 1).padStart(3, "0")}`)
    problems.push(`${where}: out of sequence at ${index + 1}`);
  if (!item.illustrative || !item.note) problems.push(`${where}: not marked illustrative with a note`);
  if (!isDate(item.empoweredFrom) || item.empoweredFrom < EMPOWERED) {
    problems.push(`${where}: empoweredFrom ${item.empoweredFrom} before the empowerment decision (${EMPOWERED})`);
  }
  if ((item.empowermentMode === "AUTHORIZED") !== (item.actingName === COMMITTEE)) {
    problems.push(`${where}: acting name "${item.actingName}" does not fit ${item.empowermentMode}`);
  }
  if (item.legalBases.length === 0) problems.push(`${where}: no legal basis`);
  item.legalBases.forEach((b, i) => {
    checkBasis(`${where} basis ${i + 1}`, b, problems);
  });
  if (item.kind === "PENALTY") {
    if (!item.legalBases.some((b) => b.role === "PENALTY" && b.article !== null)) {
      problems.push(`${where}: penalty item without a numbered 处罚依据`);
    }
    if (!item.benchmarks.some((b) => b.source === "gz" && b.version === 1))
      problems.push(`${where}: no gz benchmark v1`);
  } else if (item.benchmarks.length > 0) {
    problems.push(`${where}: benchmarks on a ${item.kind} item`);
  }
  for (const b of item.benchmarks) checkBenchmark(`${where} ${b.source} v${b.version}`, item, b, problems);
  checkVersions(item, problems);
}

export function validateCatalog(list: SeedItem[] = items, domainList: SeedDomain[] = domains): string[] {
  const problems: string[] = [];
  if (list.length !== ITEM_COUNT) problems.push(`expected ${ITEM_COUNT} items, got ${list.length}`);
  const known = new Set(domainList.map((d) => d.code));
  for (const item of list)
    if (!known.has(item.domainCode)) problems.push(`${item.code}: unknown domain ${item.domainCode}`);
  checkDomains(domainList, new Set(list.map((i) => i.domainCode)), problems);
  for (const key of ["code", "cqCode", "scCode"] as const) {
    for (const dup of duplicates(list.map((i) => i[key]))) problems.push(`${key} ${dup} repeated`);
  }
  list.forEach((item, i) => {
    checkItem(item, i, problems);
  });
  return problems;
}
