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
 * Personal data in payloads is masked unless the subscriber may see it in clear (personal-data.ts):
 * what a platform wrote freely (`PAYLOAD_MASKS` below), never the identifiers the gateway checked.
 */
import type { Caller } from "../../../gateway/context.ts";
import { maskPersonalData } from "../../libraries/rules/mask-personal-data.ts";
import { seesPersonalDataInClear } from "../../libraries/rules/personal-data.ts";

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
  return { ...change, payload: maskedPayload(change.kind, change.payload) };
}

type Payload = Record<string, unknown>;
type PayloadMask = (payload: Payload) => Payload;

/** Masks every top-level field but the `checked` ones (a field added later is masked until listed). */
const keeping =
  (...checked: string[]): PayloadMask =>
  (payload) => {
    const free = Object.fromEntries(Object.entries(payload).filter(([key]) => !checked.includes(key)));
    // masked as an object, so that a field's name (idNumber, 联系地址…) counts
    const masked = maskPersonalData(free) as Payload;
    const kept = Object.entries(payload).filter(([key]) => checked.includes(key));
    return { ...Object.fromEntries(kept), ...masked };
  };

const taskResult = keeping("itemCode", "result", "recordedBy", "jurisdiction");
const taskFields = keeping(
  "taskId",
  "version",
  "state",
  "enterprise",
  "itemCodes",
  "domains",
  "visitFrom",
  "visitTo",
  "officers",
  "inspectionCode",
  "codeRevoked",
  "jurisdictions",
);

/**
 * Per kind, what the gateway checked (USCCs, certificate numbers, item codes, times, its own codes): it
 * reaches the platform intact — a certificate number that happens to look like a phone number would
 * otherwise be starred. The rest (findings, result, the platform's extra fields…) is masked; kinds not
 * listed are masked whole.
 */
const PAYLOAD_MASKS: Readonly<Record<string, PayloadMask>> = {
  "record.upserted": keeping(
    "id",
    "origin",
    "originId",
    "version",
    "kind",
    "itemCode",
    "enterpriseUscc",
    "officerCertificates",
    "occurredAt",
    "decidedAt",
    "fineFen",
    "fineYuan",
    "taskId",
  ),
  "dispatch.task": (payload) => ({
    ...taskFields(payload),
    results: Array.isArray(payload.results) ? payload.results.map(taskResult) : [],
  }),
  "officer.upserted": keeping("key", "writer", "changedFields"),
  "enterprise.upserted": keeping("key", "writer", "changedFields"),
  // the committee's public draw (一公开)
  "dispatch.drawCommitted": (payload) => payload,
  "dispatch.drawRevealed": (payload) => payload,
};

function maskedPayload(kind: string, payload: unknown): unknown {
  // shared catalog data is the committee's, taken from published law
  if (audienceOf(kind) === "everyone") return payload;
  const mask = Object.hasOwn(PAYLOAD_MASKS, kind) ? PAYLOAD_MASKS[kind] : undefined;
  return mask && payload !== null && typeof payload === "object" && !Array.isArray(payload)
    ? mask(payload as Payload)
    : maskPersonalData(payload);
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
