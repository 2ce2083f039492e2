/**
 * Team forming for one task (issue 7 §2) — the second 随机 of 双随机.
 *
 * Input: the officers of both provinces (人员库) with their current load (tasks already assigned in the
 * period), the task's enterprise, domains and visit day, the declared conflicts (回避), and the team
 * seed (`teamSeed(drawSeed, uscc)`: reproducible, and public once the draw seed is revealed).
 *
 * Rules:
 * - an officer is eligible when `dispatchability` (libraries) passes on the first and the last day of the
 *   visit window — certificate valid throughout, ACTIVE, qualified for EVERY domain of the task — and has no declared conflict with
 *   the enterprise. The strict reading of "qualified for every domain among its items" is taken on
 *   purpose: in 综合查一次 every member checks every item, and only an officer qualified for an item's
 *   domain may act on it (行政处罚法 第42条). A task nobody can cover alone is refused with
 *   NOT_QUALIFIED_FOR_ALL_DOMAINS and should be split by domain.
 * - the team has `size` (≥ 2, default 2) members, at least one from each province (cq, sc);
 * - fairness and the draw: pick 1 takes a Chongqing officer, pick 2 a Sichuan officer, picks 3… anyone
 *   left; each pick takes, among the eligible officers it may take that have the LOWEST load, sorted by
 *   certificate number, the one at position  rank48(teamSeed, "<pick number>") mod (how many there are)
 *   — rank48 = the first 6 bytes of SHA-256(teamSeed bytes ‖ UTF-8 text) as an integer (draw-rank.ts).
 *   One hash per pick, not per officer: a 50,000-officer pool costs one pass per task.
 * Output: the members in pick order, or every reason no valid team exists (team-refusal.ts).
 */
import { createHash } from "node:crypto";
import { dispatchability } from "../../libraries/rules/dispatchability.ts";
import type { OfficerStatusValue } from "../../libraries/rules/reconcile-officer.ts";
import { normaliseUscc } from "./draw-candidates.ts";
import { ranker } from "./draw-rank.ts";
import { seedBytes } from "./draw-seed.ts";
import { type IneligibleOfficer, PROVINCES, type TeamRefusal, teamRefusals } from "./team-refusal.ts";

export { PROVINCES } from "./team-refusal.ts";

export interface TeamOfficer {
  certificateNumber: string;
  /** cq or sc; officers of other jurisdictions may fill places beyond one per province */
  homeJurisdiction: string;
  status: OfficerStatusValue;
  /** null when the home platform has not sent the dates: never dispatchable */
  certificateValidFrom: Date | null;
  /** inclusive */
  certificateValidTo: Date | null;
  qualifiedDomains: readonly string[];
  /** tasks already assigned to the officer in the period */
  load: number;
}

export interface Conflict {
  certificateNumber: string;
  uscc: string;
}

export interface TeamRequest {
  uscc: string;
  domains: readonly string[];
  /** Beijing day of the visit (UTC midnight): the first day of its window */
  visitDay: Date;
  /** the window's last day: certificates must stay valid to it (default: visitDay) */
  lastDay?: Date;
  /** 64 hex characters, see teamSeed */
  seed: string;
  /** @default 2 */
  size?: number;
}

export type TeamOutcome =
  | { ok: true; members: TeamOfficer[] }
  | { ok: false; reasons: TeamRefusal[]; ineligible: IneligibleOfficer[] };

/** SHA-256(draw seed bytes ‖ UTF-8 "team|" ‖ USCC), hex: one seed per task, separate from the draw's ranks. */
export function teamSeed(drawSeed: string, uscc: string): string {
  return createHash("sha256")
    .update(seedBytes(drawSeed))
    .update(`team|${normaliseUscc(uscc)}`, "utf8")
    .digest("hex");
}

function whyIneligible(officer: TeamOfficer, request: TeamRequest, conflicted: ReadonlySet<string>): string[] {
  const days = [request.visitDay, request.lastDay ?? request.visitDay];
  const codes = days.flatMap((day) => dispatchability(officer, day, request.domains).reasons.map((r) => r.code));
  const reasons = [...new Set(codes)];
  if (conflicted.has(officer.certificateNumber.trim())) reasons.push("CONFLICT");
  return reasons;
}

/** The same test as `whyIneligible(...).length === 0` but conflicts, without building reasons: the hot path. */
function isDispatchable(officer: TeamOfficer, day: number, lastDay: number, domains: readonly string[]): boolean {
  return (
    officer.status === "ACTIVE" &&
    officer.certificateValidFrom !== null &&
    officer.certificateValidTo !== null &&
    officer.certificateValidFrom.getTime() <= day &&
    lastDay <= officer.certificateValidTo.getTime() &&
    domains.every((d) => officer.qualifiedDomains.includes(d))
  );
}

const byCertificate = (a: TeamOfficer, b: TeamOfficer) =>
  a.certificateNumber < b.certificateNumber ? -1 : a.certificateNumber > b.certificateNumber ? 1 : 0;

/**
 * Pick number `pick` among the `candidates` (certificate order) it may take: the least loaded, then the
 * one at position rank48 mod their count. Two passes, no allocation: it runs once per pick per task.
 */
function pickLeastLoaded(
  candidates: readonly TeamOfficer[],
  mayTake: (officer: TeamOfficer) => boolean,
  rank48: (id: string) => number,
  pick: number,
): TeamOfficer {
  let least = Number.POSITIVE_INFINITY;
  let tied = 0;
  for (const o of candidates) {
    if (!mayTake(o) || o.load > least) continue;
    tied = o.load < least ? 1 : tied + 1;
    least = o.load;
  }
  let index = rank48(String(pick)) % tied;
  for (const o of candidates) if (o.load === least && mayTake(o) && index-- === 0) return o;
  throw new Error("unreachable: refusal() guarantees a candidate for every pick");
}

function refusal(
  officers: readonly TeamOfficer[],
  eligible: readonly TeamOfficer[],
  request: TeamRequest,
  conflicted: ReadonlySet<string>,
  size: number,
): TeamOutcome | null {
  const missing = new Set(PROVINCES.filter((p) => !eligible.some((o) => o.homeJurisdiction === p)));
  if (missing.size === 0 && eligible.length >= size) return null;
  const ineligible: IneligibleOfficer[] = officers
    .filter((o) => missing.has(o.homeJurisdiction as (typeof PROVINCES)[number]))
    .map((o) => ({
      certificateNumber: o.certificateNumber,
      homeJurisdiction: o.homeJurisdiction,
      reasons: whyIneligible(o, request, conflicted),
    }));
  const reasons = teamRefusals({ officers, eligible, ineligible, domains: request.domains, size });
  return { ok: false, reasons, ineligible };
}

/** `officers` in any order. */
export function formTeam(
  officers: readonly TeamOfficer[],
  conflicts: readonly Conflict[],
  request: TeamRequest,
): TeamOutcome {
  return formTeamFromSorted([...officers].sort(byCertificate), conflictsByEnterprise(conflicts), request, new Map());
}

/** Declared conflicts as USCC → certificate numbers. */
function conflictsByEnterprise(conflicts: readonly Conflict[]): Map<string, Set<string>> {
  const byUscc = new Map<string, Set<string>>();
  for (const c of conflicts) {
    const uscc = normaliseUscc(c.uscc);
    byUscc.set(uscc, (byUscc.get(uscc) ?? new Set()).add(c.certificateNumber.trim()));
  }
  return byUscc;
}

const NONE: ReadonlySet<string> = new Set();

/** Officers dispatchable on a day for a domain set, cached per (day, domains) across a batch. */
type DispatchableCache = Map<string, TeamOfficer[]>;

function formTeamFromSorted(
  pool: readonly TeamOfficer[],
  conflicts: ReadonlyMap<string, ReadonlySet<string>>,
  request: TeamRequest,
  cache: DispatchableCache,
): TeamOutcome {
  const size = request.size ?? 2;
  if (!Number.isInteger(size) || size < PROVINCES.length) {
    throw new RangeError(`a team has at least 2 members, got ${size}`);
  }
  const conflicted = conflicts.get(normaliseUscc(request.uscc)) ?? NONE;
  const day = request.visitDay.getTime();
  const lastDay = Math.max(day, (request.lastDay ?? request.visitDay).getTime());
  const cacheKey = `${day}|${lastDay}|${[...new Set(request.domains)].sort().join(",")}`;
  let dispatchable = cache.get(cacheKey);
  if (!dispatchable) {
    dispatchable = pool.filter((o) => isDispatchable(o, day, lastDay, request.domains));
    cache.set(cacheKey, dispatchable);
  }
  const eligible =
    conflicted.size === 0 ? dispatchable : dispatchable.filter((o) => !conflicted.has(o.certificateNumber.trim()));
  const refused = refusal(pool, eligible, request, conflicted, size);
  if (refused) return refused;

  const { rank48 } = ranker(seedBytes(request.seed));
  const members: TeamOfficer[] = [];
  for (const [i, province] of PROVINCES.entries()) {
    members.push(pickLeastLoaded(eligible, (o) => o.homeJurisdiction === province, rank48, i + 1));
  }
  while (members.length < size) {
    members.push(pickLeastLoaded(eligible, (o) => !members.includes(o), rank48, members.length + 1));
  }
  return { ok: true, members };
}

/**
 * Teams for several tasks in order (e.g. a draw's tasks sorted by USCC), each assignment raising the
 * officer's load before the next task: the load spreads across the whole draw, not just within a task.
 */
export function formTeams(
  officers: readonly TeamOfficer[],
  conflicts: readonly Conflict[],
  requests: readonly TeamRequest[],
): TeamOutcome[] {
  const pool = officers.map((o) => ({ ...o })).sort(byCertificate);
  const cache: DispatchableCache = new Map();
  const conflicted = conflictsByEnterprise(conflicts);
  return requests.map((request) => {
    const outcome = formTeamFromSorted(pool, conflicted, request, cache);
    if (!outcome.ok) return outcome;
    const members = outcome.members.map((m) => ({ ...m })); // as they stood when chosen
    for (const member of outcome.members) member.load++;
    return { ok: true, members };
  });
}
