/** Sichuan's side of the sync: its client and its pure mappers, in the shape adapters/core drives. */
import type { InboundPlatform } from "../core/inbound-sync.ts";
import type { OutboundPlatform } from "../core/outbound-sync.ts";
import { SichuanClient } from "./client.ts";
import { recordToScShared } from "./mappers/from-record.ts";
import { taskToSc } from "./mappers/from-task.ts";
import { scRecordToInput } from "./mappers/to-record.ts";
import type { ScDispatchTask, ScRecord, ScSharedRecord } from "./types.ts";

export function sichuanPlatform(
  platformUrl: string,
  secret: string,
): InboundPlatform<ScRecord> & OutboundPlatform<ScSharedRecord, ScDispatchTask> {
  const client = new SichuanClient(platformUrl, secret);
  return {
    readPage: (cursor, signal) => client.readPage(cursor, signal),
    map: scRecordToInput,
    toPlatform: recordToScShared,
    pushRecords: (records, signal) => client.pushRecords(records, signal),
    taskToPlatform: taskToSc,
    pushTasks: (tasks, signal) => client.pushTasks(tasks, signal),
  };
}
