/** The caller as a task viewer: an officer-level token is one whose `sub` is an officer of its issuer. */
import type { GatewayContext } from "../../gateway/context.ts";
import type { TaskViewer } from "./rules/task-access.ts";

/** One lookup per request: `tasks` asks for the viewer for its page and again for its totalCount. */
const viewers = new WeakMap<GatewayContext, Promise<TaskViewer>>();

export function taskViewer(ctx: GatewayContext): Promise<TaskViewer> {
  let viewer = viewers.get(ctx);
  if (!viewer) {
    viewer = lookUpViewer(ctx);
    viewers.set(ctx, viewer);
  }
  return viewer;
}

async function lookUpViewer(ctx: GatewayContext): Promise<TaskViewer> {
  const caller = ctx.caller;
  if (!caller) throw new Error("taskViewer needs an authenticated caller");
  if (caller.issuer === "gz") return { issuer: "gz", officer: null };
  const officer = await ctx.prisma.officer.findFirst({
    where: { certificateNumber: caller.subject, homeJurisdiction: caller.issuer },
    select: { certificateNumber: true },
  });
  return { issuer: caller.issuer, officer: officer?.certificateNumber ?? null };
}

/** The Prisma filter of the tasks a viewer sees (the same rule as `seesTask`). */
export function visibleTasksWhere(viewer: TaskViewer) {
  if (viewer.issuer === "gz") return {};
  if (viewer.officer !== null) return { officers: { some: { certificateNumber: viewer.officer } } };
  return { officers: { some: { homeJurisdiction: viewer.issuer } } };
}
