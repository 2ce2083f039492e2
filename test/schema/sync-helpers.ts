/** Shared by the ingest, quarantine, change-stream and sync-status suites: canonical records and calls. */
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";
import type { TestGateway } from "../support/gateway.ts";

export const USCC = "91500112MAG000014A";
export const SC_OFFICER = "SC-GZ-2024-0001";

export interface RecordVars {
  originId: string;
  version: number;
  kind: "INSPECTION" | "PENALTY_DECISION";
  itemCode?: string | null;
  enterpriseUscc?: string | null;
  officerCertificates?: string[] | null;
  occurredAt?: string | null;
  decidedAt?: string | null;
  fineYuan?: string | null;
  fineFen?: string | null;
  result?: string | null;
  findings?: string | null;
  taskId?: string | null;
  payload?: unknown;
  department?: string | null;
  inspectionMode?: "RANDOM" | "KEY_SUPERVISION" | "COMPLAINT" | "OTHER" | null;
  onSite?: boolean | null;
  resultPublishedAt?: string | null;
  codeScanned?: boolean | null;
  lenientKind?: "FIRST_VIOLATION_EXEMPT" | "NOT_PUNISHED" | "LIGHTER" | "MITIGATED" | null;
}

/** A valid inspection record; override what the test is about. */
export function inspection(originId: string, overrides: Partial<RecordVars> = {}): RecordVars {
  return {
    originId,
    version: 1,
    kind: "INSPECTION",
    itemCode: "GZ-017",
    enterpriseUscc: USCC,
    officerCertificates: [SC_OFFICER],
    occurredAt: "2026-06-01T09:00:00+08:00",
    result: "合格",
    findings: "未发现违法行为",
    ...overrides,
  };
}

export interface IngestResult {
  counts: { applied: number; unchanged: number; stale: number; refused: number };
  cursor: string | null;
  results: Array<{
    originId: string;
    version: number;
    outcome: string;
    code: string | null;
    message: string | null;
    recordId: string | null;
    quarantineId: string | null;
  }>;
}

const INGEST = `mutation($input: IngestRecordsInput!) { ingestRecords(input: $input) {
  counts { applied unchanged stale refused } cursor
  results { originId version outcome code message recordId quarantineId } } }`;

export function ingest(
  t: TestGateway,
  as: Jurisdiction,
  input: {
    source?: string;
    cursor?: string | null;
    sourceTime?: string;
    sourceBacklog?: number;
    records: RecordVars[];
  },
  scopes?: string[],
) {
  return t.gql<{ ingestRecords: IngestResult }>(INGEST, {
    as,
    scopes,
    variables: { input: { source: "platform", ...input } },
  });
}

export const changeCount = (t: TestGateway) => t.prisma.changeEvent.count();
