/** The 8 domains of the shared list, loaded once per page: their codes, and a code's Chinese name. */
import { useCallback, useEffect, useState } from "react";
import { request } from "./client.ts";
import type { ResultOf } from "./graphql.ts";
import { Domains } from "./operations/catalog.ts";
import { useAction } from "./use-async.ts";

export type Domain = ResultOf<typeof Domains>["domains"][number];

export function useDomains() {
  const [domains, setDomains] = useState<Domain[]>([]);
  const { run } = useAction();
  useEffect(() => void run(async () => setDomains((await request(Domains)).domains)), [run]);
  /** 应急管理 for EMERGENCY_MANAGEMENT; the code itself until the names have loaded (or for an unknown code) */
  const domainName = useCallback((code: string) => domains.find((d) => d.code === code)?.name ?? code, [domains]);
  return { domains, domainName };
}
