/**
 * The change-stream event of a task (kind `dispatch.task`): the whole task as a platform needs it, at
 * its version, so an adapter applies it idempotently (a version it has already applied is a no-op).
 * `jurisdictions` names the provinces whose officers are on the team: only they (and gz) receive it
 * (schema/sync/rules/visibility.ts, audience "involved").
 */

import type { InspectionTask, TaskItemResult, TaskOfficer } from "../../gateway/db/generated/prisma/client.ts";
import type { ChangeInput } from "../../gateway/outbox/outbox.ts";
import { encodeGlobalId } from "../common/node-access.ts";
import { isoDay } from "../libraries/rules/record-problem.ts";

export type TaskWithTeam = InspectionTask & { officers: TaskOfficer[]; results: TaskItemResult[] };

export const TASK_INCLUDE = {
  officers: { orderBy: { pick: "asc" } },
  results: { orderBy: { itemCode: "asc" } },
} as const;

export function taskJurisdictions(task: Pick<TaskWithTeam, "officers">): string[] {
  return [...new Set(task.officers.map((o) => o.homeJurisdiction))].sort();
}

export function taskChange(task: TaskWithTeam): ChangeInput {
  return {
    kind: "dispatch.task",
    entityType: "InspectionTask",
    entityId: task.id,
    originJurisdiction: "gz",
    payload: {
      // the task's global id: what the platforms pass back to recordTaskResults
      taskId: encodeGlobalId("InspectionTask", task.id),
      version: task.version,
      state: task.state,
      enterprise: { uscc: task.enterpriseUscc, name: task.enterpriseName },
      itemCodes: task.itemCodes,
      domains: task.domains,
      visitFrom: isoDay(task.visitFrom),
      visitTo: isoDay(task.visitTo),
      officers: task.officers.map((o) => ({
        certificateNumber: o.certificateNumber,
        jurisdiction: o.homeJurisdiction,
      })),
      inspectionCode: task.inspectionCode,
      /** a cancelled task's code is revoked with it */
      codeRevoked: task.codeRevokedAt !== null,
      results: task.results.map((r) => ({
        itemCode: r.itemCode,
        result: r.result,
        findings: r.findings,
        recordedBy: r.recordedBy,
        jurisdiction: r.jurisdiction,
      })),
      jurisdictions: taskJurisdictions(task),
    },
  };
}
