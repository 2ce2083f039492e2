/**
 * Storing what an enterprise may send only once (检查情况反馈表 per task, 未亮码检查反映 per USCC, day and
 * department): the first is stored, a repeat stores nothing and answers the first. The row's unique key
 * decides a race: of two at once, one is created and the other reads it (Prisma P2002).
 */
export interface StoredOnce {
  id: string;
  /** false: an earlier one was there; nothing new was stored */
  created: boolean;
}

export async function storeOnce<Row extends { id: string }>(
  find: () => Promise<Row | null>,
  create: () => Promise<Row>,
): Promise<Row & StoredOnce> {
  const existing = await find();
  if (existing) return { ...existing, created: false };
  try {
    return { ...(await create()), created: true };
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    const first = await find();
    if (!first) throw error;
    return { ...first, created: false };
  }
}
