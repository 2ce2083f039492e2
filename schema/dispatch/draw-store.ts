/**
 * A draw as stored ⇄ a draw as published (rules/draw.ts PublishedDraw). The frozen candidate list is
 * written with one multi-row INSERT per chunk (a draw may freeze a million candidates) and read back in
 * canonical (USCC) order. `publishedDraw` is all that `verifyDraw` and `npm run draw:verify` use.
 */
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import type { DrawParameters, DrawStratum, FrozenCandidate, PublishedDraw } from "./rules/index.ts";

type Db = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw" | "draw">;

const CHUNK = 20_000;

export async function insertCandidates(db: Db, drawId: string, candidates: readonly FrozenCandidate[]) {
  for (let start = 0; start < candidates.length; start += CHUNK) {
    const chunk = candidates.slice(start, start + CHUNK);
    const column = <K extends keyof FrozenCandidate>(key: K) => chunk.map((c) => c[key]);
    await db.$executeRaw`
      INSERT INTO "DrawCandidate" ("drawId", uscc, name, park, town, industry, "riskClass", excluded)
      SELECT ${drawId}, * FROM unnest(
        ${column("uscc")}::text[], ${column("name")}::text[], ${column("park")}::text[], ${column("town")}::text[],
        ${column("industry")}::text[], ${column("riskClass")}::text[], ${column("excluded")}::text[])`;
  }
}

export async function frozenCandidates(db: Db, drawId: string): Promise<FrozenCandidate[]> {
  const rows = await db.$queryRaw<FrozenCandidate[]>`
    SELECT uscc, name, park, town, industry, "riskClass", excluded::text AS excluded
    FROM "DrawCandidate" WHERE "drawId" = ${drawId} ORDER BY uscc COLLATE "C"`;
  return rows.map((r) => ({ ...r, excluded: r.excluded as FrozenCandidate["excluded"] }));
}

export interface StoredDraw {
  id: string;
  status: "COMMITTED" | "REVEALED";
  parameters: unknown;
  seedHash: string;
  seed: string | null;
  candidateListHash: string;
  candidateCount: number;
  strata: unknown;
  selected: string[];
}

/** The seed as it may be shown: only once the draw is revealed (secret until then). */
export const revealedSeed = (draw: Pick<StoredDraw, "status" | "seed">): string | null =>
  draw.status === "REVEALED" ? draw.seed : null;

/** The published form of a draw and its seed once revealed (null before); null when there is no such draw. */
export async function publishedDraw(
  db: Db,
  drawId: string,
): Promise<{ draw: StoredDraw; published: PublishedDraw; seed: string | null } | null> {
  const draw = await db.draw.findUnique({ where: { id: drawId } });
  if (!draw) return null;
  const candidates = await frozenCandidates(db, drawId);
  const published: PublishedDraw = {
    parameters: draw.parameters as unknown as DrawParameters,
    seedHash: draw.seedHash,
    candidateListHash: draw.candidateListHash,
    candidateCount: draw.candidateCount,
    strata: (draw.strata as unknown as DrawStratum[] | null) ?? [],
    selected: draw.selected,
    candidates,
  };
  return { draw: draw as StoredDraw, published, seed: revealedSeed(draw) };
}
