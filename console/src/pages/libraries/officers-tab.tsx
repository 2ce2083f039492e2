/** 执法人员: search by name; a row opens the officer (dispatchability, history). */
import { Button } from "antd";
import { useCallback, useState } from "react";
import { request } from "../../client.ts";
import type { ResultOf } from "../../graphql.ts";
import { Officers } from "../../operations/libraries.ts";
import { useDomains } from "../../use-domains.ts";
import { JURISDICTION_TEXT, OFFICER_STATUS_TEXT, textOf } from "./library-words.ts";
import { OfficerDrawer } from "./officer-drawer.tsx";
import { SearchableTable } from "./searchable-table.tsx";

type Officer = ResultOf<typeof Officers>["officers"]["edges"][number]["node"];

export function OfficersTab() {
  const [open, setOpen] = useState<string | null>(null);
  const { domainName } = useDomains();
  const load = useCallback(async (name: string) => {
    const { officers } = await request(Officers, { name: name || undefined });
    return { rows: officers.edges.map((e) => e.node), total: officers.totalCount };
  }, []);
  return (
    <>
      <SearchableTable<Officer>
        placeholder="姓名"
        load={load}
        rowKey="certificateNumber"
        columns={[
          { title: "执法证号", dataIndex: "certificateNumber" },
          { title: "姓名", dataIndex: "name" },
          { title: "所属", dataIndex: "homeJurisdiction", render: (j: string) => textOf(JURISDICTION_TEXT, j) },
          { title: "状态", dataIndex: "status", render: (s: string) => textOf(OFFICER_STATUS_TEXT, s) },
          { title: "执法证到期", dataIndex: "certificateValidTo" },
          { title: "执法领域", dataIndex: "qualifiedDomains", render: (d: string[]) => d.map(domainName).join("、") },
          {
            title: "",
            key: "open",
            render: (_, row) => (
              <Button size="small" onClick={() => setOpen(row.certificateNumber)}>
                派单资格与修改记录
              </Button>
            ),
          },
        ]}
      />
      <OfficerDrawer certificateNumber={open} onClose={() => setOpen(null)} />
    </>
  );
}
