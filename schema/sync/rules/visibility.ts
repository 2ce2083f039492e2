/**
 * Who receives which change on the change stream (docs/sync.md "what a subscriber receives").
 * The committee (gz) receives every change. A province receives, by the kind's prefix:
 * - shared catalog data (items, legal bases, benchmarks): always;
 * - data of the provinces (records, officers, enterprises): what the OTHER province wrote (互认, mutual
 *   recognition); what it wrote itself only when it asks (`includeOwn`) — its platform has it already.
 *   The writer is `payload.writer` when the change names one (a province may write its own credit
 *   grade of an enterprise registered by the other), else the origin;
 * - dispatch tasks (issue #7): when the change's `payload.jurisdictions` lists it (its officers are involved);
 * - anything else (supervision warnings, unknown kinds): nothing — a new kind is opened to the
 *   provinces by adding it here, never by default.
 * Personal data in payloads is masked unless the subscriber may see it in clear (personal-data.ts).
 */
import type { Caller } from "../../../gateway/context.ts";
import { seesPersonalDataInClear } from "../../libraries/rules/personal-data.ts";
import { maskPersonalFields } from "./mask-payload.ts";

export type Audience = "everyone" | "otherProvince" | "involved";

/** kind prefix (before the first ".") → who among the provinces receives it */
export const PROVINCE_AUDIENCE: Readonly<Record<string, Audience>> = {
  item: "everyone",
  legalBasis: "everyone",
  benchmark: "everyone",
  catalog: "everyone",
  record: "otherProvince",
  officer: "otherProvince",
  enterprise: "otherProvince",
  dispatch: "involved",
};

export interface Change {
  seq: bigint;
  kind: string;
  entityType: string;
  entityId: string;
  originJurisdiction: string | null;
  payload: unknown;
  createdAt: Date;
}

export type Subscriber = Pick<Caller, "issuer" | "scopes">;

export interface VisibilityOptions {
  /** also the subscriber's own province-owned data (default false) */
  includeOwn?: boolean;
}

export function audienceOf(kind: string): Audience | null {
  const prefix = kind.split(".", 1)[0] ?? "";
  return Object.hasOwn(PROVINCE_AUDIENCE, prefix) ? (PROVINCE_AUDIENCE[prefix] as Audience) : null;
}

/** Whether the subscriber receives the change at all (before masking). */
export function receives(change: Change, subscriber: Subscriber, options: VisibilityOptions = {}): boolean {
  if (subscriber.issuer === "gz") return true;
  switch (audienceOf(change.kind)) {
    case "everyone":
      return true;
    case "otherProvince":
      return writerOf(change) !== subscriber.issuer || options.includeOwn === true;
    case "involved":
      return involvedJurisdictions(change.payload).includes(subscriber.issuer);
    default:
      return false;
  }
}

/** The change as this subscriber may see it, or null when it is not for them. */
export function visibleChange(change: Change, subscriber: Subscriber, options: VisibilityOptions = {}): Change | null {
  if (!receives(change, subscriber, options)) return null;
  const owner = change.originJurisdiction ?? "";
  if (seesPersonalDataInClear(subscriber, owner)) return change;
  return { ...change, payload: maskPersonalFields(change.payload) };
}

/** Who wrote the change: `payload.writer` when named, else its origin. */
export function writerOf(change: Pick<Change, "originJurisdiction" | "payload">): string | null {
  const writer = (change.payload as { writer?: unknown } | null)?.writer;
  return typeof writer === "string" ? writer : change.originJurisdiction;
}

function involvedJurisdictions(payload: unknown): readonly unknown[] {
  const list = (payload as { jurisdictions?: unknown } | null)?.jurisdictions;
  return Array.isArray(list) ? list : [];
}
