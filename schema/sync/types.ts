/** The change stream's event, and the seq numbers it is addressed by. */
import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { ChangeSubjectUnion, subjectOf, subjectValue } from "./change-subjects.ts";
import type { Change } from "./rules/visibility.ts";

const MAX_SEQ = 2n ** 63n - 1n;

/** A seq as the API writes it (a decimal string: BIGINT does not fit GraphQL Int). */
export function parseSeq(text: string, field = "seq"): bigint {
  const trimmed = text.trim();
  const seq = /^\d{1,19}$/.test(trimmed) ? BigInt(trimmed) : -1n;
  if (seq < 0n || seq > MAX_SEQ)
    throw badInput(`${field} must be a non-negative integer string, e.g. "1234"`, { reason: "BAD_SEQ" });
  return seq;
}

export const ChangeRef = builder.objectRef<Change>("Change").implement({
  description: "One change of the outbox as the subscriber may see it, or a heartbeat (kind `heartbeat`)",
  fields: (t) => ({
    seq: t.string({
      description:
        "position in the outbox, strictly increasing; acknowledge it once handled. Heartbeat: the newest seq read",
      resolve: (c) => String(c.seq),
    }),
    kind: t.exposeString("kind", {
      description: "record.upserted, officer.upserted, item.changed, benchmark.merged, … or heartbeat",
    }),
    entityType: t.exposeString("entityType", {
      description:
        "对象类型 — what kind of thing changed: record, officer, enterprise, InspectionTask, …; stream for a heartbeat",
    }),
    entityId: t.exposeString("entityId", {
      description: "对象标识 — the gateway's id of what changed (empty for a heartbeat)",
    }),
    origin: t.field({
      type: JurisdictionEnum,
      nullable: true,
      description: "归属 — whose data it is (null: shared catalog data)",
      resolve: (c) => (c.originJurisdiction === null ? null : jurisdictionOf(c.originJurisdiction)),
    }),
    subject: t.field({
      type: ChangeSubjectUnion,
      nullable: true,
      description:
        "变更对象 — what changed, typed, with its fields as written: a record, an officer, an enterprise or a joint task (personal data masked per rule, as in `payload`); null for heartbeats and for kinds without a typed subject (catalog, benchmarks, draws, training, warnings: read `payload`)",
      resolve: (c) => {
        const subject = subjectOf(c.kind, c.payload);
        return subject ? subjectValue(subject) : null;
      },
    }),
    payload: t.field({
      type: "JSON",
      description:
        "the change as a JSON object, personal data masked per rule. Prefer `subject` where it is typed; kinds without a typed subject are read here",
      resolve: (c) => c.payload,
    }),
    createdAt: t.expose("createdAt", {
      type: "DateTime",
      description: "变更时间 — when the change was committed (a heartbeat: when it was sent)",
    }),
  }),
});

export const SyncDirectionEnum = builder.enumType("SyncDirection", {
  description: "同步方向 — sync direction: which half of an adapter a checkpoint or a report is about",
  values: {
    INBOUND: { description: "入站 — inbound: province → gateway: the source cursor of what the adapter pushes" },
    OUTBOUND: {
      description: "出站 — outbound: gateway → province: the acknowledged seq of the change stream it follows",
    },
  } as const,
});

export const SyncStateEnum = builder.enumType("SyncState", {
  description: "同步状态 — sync state: how far the figures of an adapter (or one direction of it) can be trusted",
  values: {
    CAUGHT_UP: { description: "已同步 — caught up: reported recently, nothing waiting" },
    LAGGING: { description: "滞后 — lagging: reported recently, changes still waiting" },
    STALE: {
      description:
        "失联 — stale: no report within SYNC_STALE_AFTER_SECONDS; its inbound figures are the last reported ones, its lag at least their age",
    },
  } as const,
});

export const directionOf = (value: "INBOUND" | "OUTBOUND") => (value === "INBOUND" ? "inbound" : "outbound");
