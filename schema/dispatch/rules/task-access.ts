/**
 * Who sees and acts on a joint task (issue 7 §6):
 * - the committee (gz) sees and manages every task; results come only from the officers' platforms;
 * - a province sees the tasks with at least one of its officers on the team, and records results for
 *   them from its platform, each result under one of its own officers on that team;
 * - an officer-level token — issued by the officer's province with `sub` = the officer's certificate
 *   number — sees only the tasks the officer is on, and records results only as that officer.
 */
export interface TaskViewer {
  issuer: string;
  /** the officer's certificate number when the token is an officer's */
  officer: string | null;
}

export interface TeamMember {
  certificateNumber: string;
  homeJurisdiction: string;
}

export function seesTask(viewer: TaskViewer, team: readonly TeamMember[]): boolean {
  if (viewer.issuer === "gz") return true;
  if (viewer.officer !== null) return team.some((m) => m.certificateNumber === viewer.officer);
  return team.some((m) => m.homeJurisdiction === viewer.issuer);
}

export type ResultRefusal = "NOT_ON_TEAM" | "OTHER_JURISDICTION" | "NOT_THIS_OFFICER";

/** May `viewer` record a result as officer `recordedBy` on this team? null = yes. */
export function resultRefusal(
  viewer: TaskViewer,
  team: readonly TeamMember[],
  recordedBy: string,
): ResultRefusal | null {
  const member = team.find((m) => m.certificateNumber === recordedBy);
  if (!member) return "NOT_ON_TEAM";
  if (member.homeJurisdiction !== viewer.issuer) return "OTHER_JURISDICTION";
  if (viewer.officer !== null && viewer.officer !== recordedBy) return "NOT_THIS_OFFICER";
  return null;
}
