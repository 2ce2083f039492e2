/**
 * What a platform records for supervision beside a record (SimSupervision), drawn plausibly:
 * - the department (执法部门) that owns the item's domain;
 * - inspections: mostly 重点监管 and 投诉举报 of the watch list, some of the province's own 双随机
 *   (RANDOM_SHARE), on site most of the time, the 执法码 scanned on about two thirds of on-site visits
 *   (Chongqing reports 65%); a random inspection's result published when it concludes, nearly always;
 * - decided penalties: now and then a lenient rule applied (首违不罚 and 不予处罚 carry no fine).
 */
import type { RecordBody, SimInspectionMode, SimLenientKind, SimSupervision } from "./model.ts";
import type { Prng } from "./prng.ts";

/** the department that acts in each unified domain */
const DEPARTMENTS: Readonly<Record<string, string>> = {
  EMERGENCY: "应急管理局",
  ECOLOGY: "生态环境局",
  PLANNING_RESOURCES: "规划和自然资源局",
  MARKET: "市场监督管理局",
  URBAN: "城市管理局",
  TRANSPORT: "交通运输局",
  AGRICULTURE: "农业农村局",
  CULTURE_TOURISM: "文化和旅游局",
};
const OTHER_DEPARTMENT = "综合行政执法局";

/** share of a platform's own inspections that come from its own 双随机 draws */
export const RANDOM_SHARE = 0.15;
const ON_SITE_SHARE = 0.85;
const CODE_SCAN_SHARE = 0.65;
const PUBLISHED_SHARE = 0.95;
const LENIENT_SHARE = 0.12;
const LENIENT_KINDS: SimLenientKind[] = ["FIRST_VIOLATION_EXEMPT", "NOT_PUNISHED", "LIGHTER", "LIGHTER", "MITIGATED"];
const WATCH_LIST_MODES: SimInspectionMode[] = [
  "KEY_SUPERVISION",
  "KEY_SUPERVISION",
  "KEY_SUPERVISION",
  "COMPLAINT",
  "OTHER",
];

export const departmentOf = (domainCode: string) => DEPARTMENTS[domainCode] ?? OTHER_DEPARTMENT;

/** the supervision facts of a new record; `random`: an inspection of the platform's own draw */
export function newSupervision(
  rng: Prng,
  kind: RecordBody["kind"],
  domainCode: string,
  random: boolean,
): SimSupervision {
  const department = departmentOf(domainCode);
  if (kind !== "INSPECTION") {
    return {
      department,
      inspectionMode: null,
      onSite: null,
      resultPublishedAt: null,
      codeScanned: null,
      lenientKind: null,
    };
  }
  const onSite = rng.chance(ON_SITE_SHARE);
  return {
    department,
    inspectionMode: random ? "RANDOM" : rng.pick(WATCH_LIST_MODES),
    onSite,
    resultPublishedAt: null,
    codeScanned: onSite && rng.chance(CODE_SCAN_SHARE),
    lenientKind: null,
  };
}

/** a random inspection concluded now: its result published (nearly always) */
export function inspectionConcluded(rng: Prng, facts: SimSupervision, now: number): SimSupervision {
  const published = facts.inspectionMode === "RANDOM" && rng.chance(PUBLISHED_SHARE);
  return { ...facts, resultPublishedAt: published ? now : facts.resultPublishedAt };
}

/** a penalty decided: the lenient rule it applied, if any; whether a fine remains */
export function penaltyDecided(rng: Prng, facts: SimSupervision): { facts: SimSupervision; fined: boolean } {
  const lenientKind = rng.chance(LENIENT_SHARE) ? rng.pick(LENIENT_KINDS) : null;
  // 行政处罚法 第33条: 不予处罚 and 首违不罚 impose no fine
  const fined = lenientKind !== "FIRST_VIOLATION_EXEMPT" && lenientKind !== "NOT_PUNISHED";
  return { facts: { ...facts, lenientKind }, fined };
}
