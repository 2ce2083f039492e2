/**
 * The shared catalog as an adapter needs it: its province's item codes ⇄ the unified codes. Loaded
 * once from the gateway's `items` query and reloaded when an `item.changed` event arrives.
 */
import type { ItemCodes, Province } from "./canonical.ts";
import type { GatewayClient } from "./gateway-client.ts";
import { ITEM_CODES } from "./operations/catalog.ts";
import type { ResultOf } from "./operations/graphql.ts";

export class Catalog implements ItemCodes {
  private toUnifiedMap = new Map<string, string>();
  private fromUnifiedMap = new Map<string, string>();

  constructor(
    private readonly province: Province,
    private readonly client: GatewayClient,
  ) {}

  get size(): number {
    return this.fromUnifiedMap.size;
  }

  async load(): Promise<void> {
    const toUnified = new Map<string, string>();
    const fromUnified = new Map<string, string>();
    let after: string | null = null;
    do {
      const page: ResultOf<typeof ITEM_CODES> = await this.client.query(ITEM_CODES, { after });
      for (const { node } of page.items.edges) {
        const own = this.province === "cq" ? node.cqCode : node.scCode;
        toUnified.set(own, node.code);
        fromUnified.set(node.code, own);
      }
      after = page.items.pageInfo.hasNextPage ? page.items.pageInfo.endCursor : null;
    } while (after);
    this.toUnifiedMap = toUnified;
    this.fromUnifiedMap = fromUnified;
  }

  toUnified(provinceCode: string): string | null {
    return this.toUnifiedMap.get(provinceCode) ?? null;
  }

  fromUnified(unifiedCode: string): string | null {
    return this.fromUnifiedMap.get(unifiedCode) ?? null;
  }
}
