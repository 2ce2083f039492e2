import { newestVersion } from "../../sync/rules/newest-version.ts";
import type { FieldChanges } from "./field-changes.ts";

/**
 * A library write settled by the one newest-version rule (schema/sync/rules/newest-version.ts): the
 * candidate state with its field changes when applied, the stored state otherwise, or a refusal when a
 * 管委会 correction names a version ahead of the stored one.
 */
export type Settled<S> =
  | { outcome: "APPLIED"; state: S; changes: FieldChanges }
  | { outcome: "UNCHANGED"; state: S }
  /** `conflict`: the same version was stored with other content (the origin reused a number) */
  | { outcome: "STALE"; state: S; conflict: boolean }
  | { outcome: "REFUSED"; code: "VERSION_AHEAD"; message: string };

export function settleWrite<S>(args: {
  stored: S;
  storedVersion: number;
  candidate: S;
  incomingVersion: number;
  sameContent: boolean;
  correction: boolean;
  changes: (before: S, after: S) => FieldChanges;
  aheadMessage: string;
}): Settled<S> {
  const { stored, storedVersion, candidate, incomingVersion, sameContent, correction } = args;
  switch (newestVersion({ stored: storedVersion, incoming: incomingVersion, sameContent, correction })) {
    case "APPLY":
      return { outcome: "APPLIED", state: candidate, changes: args.changes(stored, candidate) };
    case "VERSION_AHEAD":
      return { outcome: "REFUSED", code: "VERSION_AHEAD", message: args.aheadMessage };
    case "UNCHANGED":
      return { outcome: "UNCHANGED", state: stored };
    case "STALE":
      return { outcome: "STALE", state: stored, conflict: incomingVersion === storedVersion };
  }
}
