/**
 * `startAdapter({ province, … })`: one province's adapter with its platform client. Used by each
 * province's process entry (adapters/<province>/main.ts) and, in-process, by the tests.
 */

import { chongqingPlatform } from "./chongqing/platform.ts";
import { type RunningAdapter, type SyncAdapterOptions, startSyncAdapter } from "./core/adapter.ts";
import type { Province } from "./core/canonical.ts";
import { sichuanPlatform } from "./sichuan/platform.ts";

export interface AdapterOptions extends Omit<SyncAdapterOptions<unknown, unknown>, "platform" | "jurisdiction"> {
  province: Province;
  platformUrl: string;
  /** Sichuan's HMAC secret for signed POSTs. @default "gaozhu-sc-dev-secret" */
  scSecret?: string;
}

export function startAdapter(options: AdapterOptions): Promise<RunningAdapter> {
  const { province, platformUrl, scSecret, ...rest } = options;
  if (province === "cq")
    return startSyncAdapter({ ...rest, jurisdiction: "cq", platform: chongqingPlatform(platformUrl) });
  return startSyncAdapter({
    ...rest,
    jurisdiction: "sc",
    platform: sichuanPlatform(platformUrl, scSecret ?? "gaozhu-sc-dev-secret"),
  });
}
