/**
 * The record a quarantined row runs again as (重新入库), or null when nothing fixed at the gateway can make it one:
 * a misshapen entry (INVALID_SHAPE: it was never a RecordInput) or an adapter's own payload. Only its province can
 * correct and replay those. `retryQuarantined` runs it; the quarantine's `retryable` says so beforehand.
 */
import { INVALID_SHAPE } from "./record-batch.ts";
import { keptRecord } from "./rules/kept-record.ts";
import type { RecordInput } from "./rules/record-input.ts";

export const retriedRecord = (row: { code: string; payload: unknown }): RecordInput | null =>
  row.code === INVALID_SHAPE ? null : keptRecord(row.payload);
