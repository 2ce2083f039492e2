/**
 * 同堂培训 — joint training of both provinces' officers, organised by 管委会. A session and its
 * attendance (by certificate number) are part of the officer library: `Officer.trainings`.
 * Recording is idempotent: a session is known by title + day + organiser, so recording it again replaces
 * its hours, domains and attendance instead of adding a twin.
 */
import { z } from "zod";
import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { connectionTypes } from "../common/connection-types.ts";
import { writeAudited } from "../common/write.ts";
import { zodProblems } from "./rules/record-problem.ts";

/** "trai" in ASCII: the advisory-lock namespace of training sessions */
const TRAINING_LOCK = 0x74726169;

builder.prismaObject("TrainingSession", {
  description: "同堂培训 — one joint training session",
  fields: (t) => ({
    id: t.exposeID("id", { description: "培训ID — the session's id" }),
    title: t.exposeString("title", { description: "培训名称 — the session's title" }),
    heldOn: t.expose("heldOn", { type: "Date", description: "培训日期 — the Beijing day it was held" }),
    hours: t.exposeInt("hours", { description: "学时" }),
    organizer: t.exposeString("organizer", { description: "组织单位 — who organised it" }),
    domains: t.exposeStringList("domains", { description: "domain codes the session covered" }),
    attendance: t.relation("attendances", {
      description: "参训人员 — every officer recorded at it",
      query: { orderBy: { officerId: "asc" } },
    }),
  }),
});

builder.prismaObject("TrainingAttendance", {
  description: "参训记录 — one officer at one session",
  fields: (t) => ({
    session: t.relation("session", { description: "培训 — the session" }),
    attended: t.exposeBoolean("attended", { description: "出勤 — false: recorded absent" }),
    passed: t.exposeBoolean("passed", { nullable: true, description: "考核结果, if there was an assessment" }),
    officer: t.prismaField({
      type: "Officer",
      nullable: true,
      description: "执法人员 — the officer; null when no longer in the library",
      resolve: (query, a, _args, ctx) => ctx.prisma.officer.findUnique({ ...query, where: { id: a.officerId } }),
    }),
  }),
});

builder.prismaObjectFields("Officer", (t) => ({
  trainings: t.prismaConnection(
    {
      type: "TrainingAttendance",
      cursor: "sessionId_officerId",
      description: "培训记录 — the sessions this officer was recorded at, newest first",
      totalCount: (o, _args, ctx) => ctx.prisma.trainingAttendance.count({ where: { officerId: o.id } }),
      resolve: (query, o, _args, ctx) =>
        ctx.prisma.trainingAttendance.findMany({
          ...query,
          where: { officerId: o.id },
          orderBy: [{ session: { heldOn: "desc" } }, { sessionId: "desc" }],
        }),
    },
    ...connectionTypes("TrainingAttendance", "培训记录 — an officer's attendance at a training session"),
  ),
}));

const AttendanceInput = builder.inputType("TrainingAttendanceInput", {
  description: "参训记录 — one officer at the session",
  fields: (t) => ({
    certificateNumber: t.string({ required: true, description: "执法证号 — the officer's certificate number" }),
    attended: t.boolean({ required: false, defaultValue: true, description: "出勤 — false: recorded absent" }),
    passed: t.boolean({ required: false, description: "考核结果 — passed the assessment; null when none" }),
  }),
});

const SessionInput = builder.inputType("TrainingSessionInput", {
  description: "同堂培训 — one joint training session and who attended",
  fields: (t) => ({
    title: t.string({ required: true, description: "培训名称 — 1–200 characters" }),
    heldOn: t.field({ type: "Date", required: true, description: "培训日期 — the Beijing day it was held" }),
    hours: t.int({ required: true, description: "学时, 1–40" }),
    organizer: t.string({ required: true, description: "组织单位 — 1–200 characters" }),
    domains: t.stringList({ required: true, description: "执法领域 — codes of the domains it covered" }),
    attendance: t.field({ type: [AttendanceInput], required: true, description: "参训人员 — one entry per officer" }),
  }),
});

const text = z.string().trim().min(1, "must not be empty").max(200);
const sessionShape = z.object({
  title: text,
  heldOn: z.date(),
  hours: z.number().int().min(1).max(40),
  organizer: text,
  domains: z.array(z.string().trim().toUpperCase()).max(8),
  attendance: z
    .array(
      z.object({
        certificateNumber: z.string().trim().toUpperCase(),
        attended: z.boolean().nullish(),
        passed: z.boolean().nullish(),
      }),
    )
    .max(500)
    .refine((list) => new Set(list.map((a) => a.certificateNumber)).size === list.length, "lists an officer twice"),
});

const RecordTrainingSessionPayload = builder.objectRef<{ id: string }>("RecordTrainingSessionPayload").implement({
  description:
    "同堂培训记录结果 — the session as stored (recording the same title, day and organizer again replaces it)",
  fields: (t) => ({
    session: t.prismaField({
      type: "TrainingSession",
      description: "the stored session with its attendance",
      resolve: (query, p, _a, ctx) => ctx.prisma.trainingSession.findUniqueOrThrow({ ...query, where: { id: p.id } }),
    }),
  }),
});

builder.mutationFields((t) => ({
  recordTrainingSession: t.field({
    type: RecordTrainingSessionPayload,
    description: "同堂培训 — record a joint training session and who attended, by certificate number (管委会)",
    // the training record is part of the officer library, which 管委会 maintains for the joint force
    authScopes: { $all: { issuer: "gz", scope: "libraries:write" } },
    args: { input: t.arg({ type: SessionInput, required: true, description: "the session and its attendance" }) },
    resolve: async (_root, args, ctx) => {
      const parsed = sessionShape.safeParse(args.input);
      if (!parsed.success) {
        const problems = zodProblems(parsed.error, {});
        throw badInput(problems.map((p) => p.message).join("; "), { reason: "INVALID_FIELD" });
      }
      const input = parsed.data;
      const known = new Set((await ctx.prisma.domain.findMany({ select: { code: true } })).map((d) => d.code));
      const unknownDomains = input.domains.filter((d) => !known.has(d));
      if (unknownDomains.length)
        throw badInput(`Unknown domains: ${unknownDomains.join(", ")}`, { reason: "UNKNOWN_DOMAIN" });
      const numbers = input.attendance.map((a) => a.certificateNumber);
      const officers = await ctx.prisma.officer.findMany({
        where: { certificateNumber: { in: numbers } },
        select: { id: true, certificateNumber: true },
      });
      const idOf = new Map(officers.map((o) => [o.certificateNumber, o.id]));
      const unknownOfficers = numbers.filter((n) => !idOf.has(n));
      if (unknownOfficers.length)
        throw badInput(`Unknown certificate numbers: ${unknownOfficers.join(", ")}`, { reason: "UNKNOWN_OFFICER" });

      const id = await writeAudited(ctx, async (tx) => {
        const sessionKey = `${input.title}|${input.heldOn.toISOString()}|${input.organizer}`;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TRAINING_LOCK}::int, hashtext(${sessionKey}))`;
        const fields = { hours: input.hours, domains: [...new Set(input.domains)] };
        const existing = await tx.trainingSession.findFirst({
          where: { title: input.title, heldOn: input.heldOn, organizer: input.organizer },
        });
        const session = existing
          ? await tx.trainingSession.update({ where: { id: existing.id }, data: fields })
          : await tx.trainingSession.create({
              data: { title: input.title, heldOn: input.heldOn, organizer: input.organizer, ...fields },
            });
        await tx.trainingAttendance.deleteMany({
          where: { sessionId: session.id, officerId: { notIn: [...idOf.values()] } },
        });
        for (const a of input.attendance) {
          const officerId = idOf.get(a.certificateNumber) as string;
          const values = { attended: a.attended ?? true, passed: a.passed ?? null };
          await tx.trainingAttendance.upsert({
            where: { sessionId_officerId: { sessionId: session.id, officerId } },
            create: { sessionId: session.id, officerId, ...values },
            update: values,
          });
        }
        return {
          result: session.id,
          recordIds: [session.id, ...officers.map((o) => o.id)],
          changes: [
            {
              kind: "training.recorded",
              entityType: "trainingSession",
              entityId: session.id,
              originJurisdiction: "gz",
              payload: { title: session.title, heldOn: input.heldOn.toISOString().slice(0, 10), attendees: numbers },
            },
          ],
        };
      });
      return { id };
    },
  }),
}));
