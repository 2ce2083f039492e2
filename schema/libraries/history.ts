/**
 * History of a library record (LibraryChange rows): every applied write and every superseded one, with
 * who (issuer + subject), when, the version and what changed. Exposed as `Officer.history` and
 * `Enterprise.history`, newest first. Personal data inside history is masked by the same rules
 * as the officer's own fields (./rules/personal-data.ts).
 */
import {
  type DefaultConnectionArguments,
  type ResolveCursorConnectionArgs,
  resolveCursorConnection,
} from "@pothos/plugin-relay";
import type { GatewayContext } from "../../gateway/context.ts";
import type { LibraryChange } from "../../gateway/db/generated/prisma/client.ts";
import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { sharedConnection } from "../common/connection-types.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { writeOutcomeOf } from "../sync/rules/write-outcome.ts";
import { WriteOutcomeEnum } from "../sync/write-outcome.ts";
import type { FieldChanges, FieldValue } from "./rules/field-changes.ts";
import { maskAddress, maskIdNumber, maskPhone } from "./rules/mask.ts";
import { maskPersonalText } from "./rules/mask-personal-data.ts";
import { seesPersonalDataInClear } from "./rules/personal-data.ts";

interface FieldChangeView {
  field: string;
  from: string | null;
  to: string | null;
}

interface FieldValueView {
  field: string;
  value: string | null;
}

interface ChangeView {
  id: string;
  jurisdiction: string;
  subject: string | null;
  version: number;
  outcome: string;
  at: Date;
  changes: FieldChangeView[];
  written: FieldValueView[];
}

const PERSONAL_FIELDS: Readonly<Record<string, (value: string) => string>> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  homeAddress: maskAddress,
};

/** the record's key, checked on write (GB 32100 / the certificate format): never mistaken for personal data */
const CHECKED_KEYS = new Set(["uscc", "certificateNumber"]);

type Show = (field: string, value: FieldValue | undefined) => string | null;

function shower(clear: boolean): Show {
  return (field, value) => {
    if (value === null || value === undefined) return null;
    const text = typeof value === "string" ? value : JSON.stringify(value);
    if (clear || CHECKED_KEYS.has(field)) return text;
    // any other field is free text a province wrote: an ID or phone number in it is masked too
    return (PERSONAL_FIELDS[field] ?? maskPersonalText)(text);
  };
}

function view(row: LibraryChange, show: Show): ChangeView {
  const changes = (row.changes ?? {}) as unknown as FieldChanges;
  const written = (row.data ?? {}) as unknown as Record<string, FieldValue>;
  return {
    id: row.id,
    jurisdiction: row.jurisdiction,
    subject: row.subject,
    version: row.version,
    outcome: row.outcome,
    at: row.at,
    changes: Object.entries(changes).map(([field, c]) => ({ field, from: show(field, c.from), to: show(field, c.to) })),
    written: Object.entries(written).map(([field, value]) => ({ field, value: show(field, value) })),
  };
}

const FieldChangeRef = builder.objectRef<FieldChangeView>("LibraryFieldChange").implement({
  description: "One field a write changed (values as text; lists as JSON; personal data masked by rule)",
  fields: (t) => ({
    field: t.exposeString("field", { description: "字段 — the field's name in the library input" }),
    from: t.exposeString("from", { nullable: true, description: "原值 — before the write; null when it was empty" }),
    to: t.exposeString("to", { nullable: true, description: "新值 — after the write; null when it was cleared" }),
  }),
});

const FieldValueRef = builder.objectRef<FieldValueView>("LibraryFieldValue").implement({
  description: "One field of a record as it was written",
  fields: (t) => ({
    field: t.exposeString("field", { description: "字段 — the field's name in the library input" }),
    value: t.exposeString("value", { nullable: true, description: "值 — as written; null when empty" }),
  }),
});

const ChangeRef = builder.objectRef<ChangeView>("LibraryChange").implement({
  description: "修改记录 — one write of a library record",
  fields: (t) => ({
    id: t.exposeID("id", { description: "the history entry's id" }),
    writer: t.field({
      type: JurisdictionEnum,
      description: "写入方 — who wrote it: the province, or GZ correcting",
      resolve: (c) => jurisdictionOf(c.jurisdiction),
    }),
    subject: t.exposeString("subject", { nullable: true, description: "the token's subject" }),
    version: t.exposeInt("version", { description: "the version the write carried" }),
    outcome: t.field({
      type: WriteOutcomeEnum,
      description: "写入结果 — APPLIED, or STALE (not newer than the stored version: changed nothing)",
      resolve: (c) => writeOutcomeOf(c.outcome),
    }),
    at: t.expose("at", { type: "DateTime", description: "写入时间 — when the write arrived" }),
    changes: t.field({
      type: [FieldChangeRef],
      description: "field → from / to, for applied writes",
      resolve: (c) => c.changes,
    }),
    written: t.field({ type: [FieldValueRef], description: "the record as written", resolve: (c) => c.written }),
  }),
});

const HISTORY_PAGE = sharedConnection("LibraryChange", "修改记录 — one write of a library record");

/**
 * One page of a record's history, newest first (by time, then version), with a lazy totalCount. The
 * cursor is the change's id; paging backward (`last` / `before`) reads the other way round.
 */
function historyPage(
  ctx: GatewayContext,
  entityType: "officer" | "enterprise",
  entityKey: string,
  args: DefaultConnectionArguments,
  show: Show,
) {
  const where = { entityType, entityKey };
  return resolveCursorConnection(
    { args, toCursor: (change: ChangeView) => change.id },
    async ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) => {
      const cursor = after ?? before;
      if (cursor !== undefined && !UUID.test(cursor)) {
        throw badInput("This cursor is not one of this list (游标)", { reason: "BAD_CURSOR" });
      }
      const order = inverted ? "asc" : "desc";
      const rows = await ctx.prisma.libraryChange.findMany({
        where,
        orderBy: [{ at: order }, { version: order }, { id: order }],
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        take: limit,
      });
      return rows.map((row) => view(row, show));
    },
  ).then((page) => ({ ...page, totalCount: () => ctx.prisma.libraryChange.count({ where }) }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

builder.prismaObjectFields("Officer", (t) => ({
  history: t.connection(
    {
      type: ChangeRef,
      description: "修改记录 — the officer's writes, newest first",
      resolve: (o, args, ctx) =>
        historyPage(
          ctx,
          "officer",
          o.certificateNumber,
          args,
          shower(seesPersonalDataInClear(ctx.caller, o.homeJurisdiction)),
        ),
    },
    HISTORY_PAGE,
  ),
}));

builder.prismaObjectFields("Enterprise", (t) => ({
  history: t.connection(
    {
      type: ChangeRef,
      description: "修改记录 — writes of both provinces and 管委会, newest first (superseded ones included)",
      resolve: (e, args, ctx) =>
        historyPage(
          ctx,
          "enterprise",
          e.uscc,
          args,
          shower(seesPersonalDataInClear(ctx.caller, e.registeringJurisdiction)),
        ),
    },
    HISTORY_PAGE,
  ),
}));
