/**
 * A batch sent as one JSON document (`IngestRecordsInput.batch`, scalar `RecordBatch`): each entry is coerced on
 * its own as a `RecordInput` (schema/common/input-coercion.ts, GraphQL's rules). An entry of the wrong shape — a
 * wrong type, an unknown field, a missing required field, a malformed DateTime or Yuan — is MISSHAPEN: quarantined
 * with code INVALID_SHAPE like any other refused record, while the records beside it are stored. Sent as
 * `records`, the same entry fails GraphQL's coercion of the whole request. The edge's input safety check
 * (gateway/plugins/use-input-safety.ts) does not walk a RecordBatch: text and sizes are each record's checks
 * (checkRecord), so one bad record is refused alone here too.
 */
import type { GraphQLSchema } from "graphql";
import { type Coerced, inputCoercion, inputObjectType } from "../common/input-coercion.ts";
import { checkJsonSize, limitOf } from "../common/rules/field-limits.ts";
import { replaceUnsafeText } from "../common/rules/text-safety.ts";
import type { Refusal } from "./quarantine-store.ts";
import type { RecordInput } from "./rules/record-input.ts";

/** a batch entry that is not a RecordInput, as it was sent */
export interface MisshapenRecord {
  misshapen: true;
  /** what is wrong, with the field's path (e.g. `version: expected type Int; …`) */
  message: string;
  sent: unknown;
}

export type PushedRecord = RecordInput | MisshapenRecord;

export const INVALID_SHAPE = "INVALID_SHAPE";

export const isMisshapen = (record: PushedRecord): record is MisshapenRecord =>
  (record as Partial<MisshapenRecord>).misshapen === true;

/** one compiled coercion per schema (the gateway builds one) */
const coercions = new WeakMap<GraphQLSchema, (value: unknown) => Coerced>();

function recordCoercion(schema: GraphQLSchema): (value: unknown) => Coerced {
  let coerce = coercions.get(schema);
  if (!coerce) {
    coerce = inputCoercion(inputObjectType(schema, "RecordInput"));
    coercions.set(schema, coerce);
  }
  return coerce;
}

/** the batch's entries, each a RecordInput or a misshapen entry, in order */
export function recordsOfBatch(schema: GraphQLSchema, batch: readonly unknown[]): PushedRecord[] {
  const coerce = recordCoercion(schema);
  return batch.map((sent) => {
    const coerced = coerce(sent);
    return coerced.ok
      ? (coerced.value as RecordInput)
      : { misshapen: true as const, message: `not a RecordInput: ${coerced.message}`, sent };
  });
}

const INT_MAX = 2 ** 31 - 1;

/**
 * The originId and version a misshapen entry names, when they are of the right type (null otherwise): its
 * quarantine row is then the record's open row, found again when it is sent again and superseded by a newer valid
 * version (docs/sync.md).
 */
export function identityOf(record: MisshapenRecord): { originId: string | null; version: number | null } {
  const sent = (typeof record.sent === "object" && record.sent !== null ? record.sent : {}) as Record<string, unknown>;
  const { originId, version } = sent;
  return {
    originId: typeof originId === "string" ? originId : null,
    version:
      typeof version === "number" && Number.isInteger(version) && version >= 1 && version <= INT_MAX ? version : null,
  };
}

/** the quarantine row of a misshapen entry: the entry as sent (U+FFFD for what PostgreSQL cannot store), unless too large */
export function misshapenRefusal(record: MisshapenRecord, origin: string, source: string): Refusal {
  const { originId, version } = identityOf(record);
  const tooLarge = checkJsonSize(record.sent, "record", limitOf("RecordInput.payload"));
  return {
    origin,
    source,
    originId: originId === null ? null : replaceUnsafeText(originId),
    version,
    code: INVALID_SHAPE,
    reason: replaceUnsafeText(record.message),
    payload: (tooLarge
      ? { notKept: `[not kept: over its limit, see docs/limits.md] ${tooLarge.message}` }
      : replaceUnsafeText(record.sent ?? null)) as Refusal["payload"],
  };
}
