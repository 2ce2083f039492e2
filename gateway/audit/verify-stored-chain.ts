/**
 * Recomputes the stored audit chain in `seq` order, one page at a time, so that millions of entries
 * never sit in memory at once. Shared by the `verifyAudit` query and `npm run audit:verify`.
 * Keyset pagination (`seq > last`) rather than OFFSET: every page costs the same, however deep.
 * Entries appended while the check runs are simply checked too: they join the tail of the chain.
 */
import type { AuditEntry, PrismaClient } from "../db/generated/prisma/client.ts";
import { type AuditChainOptions, type AuditChainResult, createAuditChainVerifier } from "./chain.ts";

export interface VerifyStoredChainOptions extends AuditChainOptions {
  /** rows read per query @default 1000 */
  pageSize?: number;
  /** called after each page with the number of rows checked so far (the CLI prints progress) */
  onPage?: (checked: number) => void;
}

export async function verifyStoredChain(
  prisma: Pick<PrismaClient, "auditEntry">,
  options: VerifyStoredChainOptions = {},
): Promise<AuditChainResult> {
  const { pageSize = 1000, onPage, ...chainOptions } = options;
  const verifier = createAuditChainVerifier(chainOptions);
  let after: bigint | null = null;
  let checked = 0;
  for (;;) {
    const page: AuditEntry[] = await prisma.auditEntry.findMany({
      where: after === null ? {} : { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: pageSize,
    });
    for (const row of page) {
      if (verifier.push(row)) return verifier.result();
      checked += 1;
    }
    onPage?.(checked);
    if (page.length < pageSize) return verifier.result();
    after = page[page.length - 1]!.seq;
  }
}
