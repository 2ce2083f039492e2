/** Chongqing's side of the sync: its client and its pure mappers, in the shape adapters/core drives. */
import type { InboundPlatform } from "../core/inbound-sync.ts";
import type { OutboundPlatform } from "../core/outbound-sync.ts";
import { ChongqingClient } from "./client.ts";
import { recordToCqShared } from "./mappers/from-record.ts";
import { taskToCq } from "./mappers/from-task.ts";
import { cqRecordToInput } from "./mappers/to-record.ts";
import type { CqDispatchTask, CqRecord, CqSharedRecord } from "./types.ts";

export function chongqingPlatform(
  platformUrl: string,
): InboundPlatform<CqRecord> & OutboundPlatform<CqSharedRecord, CqDispatchTask> {
  const client = new ChongqingClient(platformUrl);
  return {
    readPage: (cursor, signal) => client.readPage(cursor, signal),
    map: cqRecordToInput,
    toPlatform: recordToCqShared,
    pushRecords: (records, signal) => client.pushRecords(records, signal),
    taskToPlatform: taskToCq,
    pushTasks: (tasks, signal) => client.pushTasks(tasks, signal),
  };
}
