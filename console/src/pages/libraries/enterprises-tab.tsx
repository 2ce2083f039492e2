/** 企业: search by name or USCC; a row opens the enterprise's history. */
import { Button } from "antd";
import { useCallback, useState } from "react";
import { request } from "../../client.ts";
import type { ResultOf } from "../../graphql.ts";
import { Enterprises } from "../../operations/libraries.ts";
import { EnterpriseDrawer } from "./enterprise-drawer.tsx";
import { SearchableTable } from "./searchable-table.tsx";

type Enterprise = ResultOf<typeof Enterprises>["enterprises"]["edges"][number]["node"];

export function EnterprisesTab() {
  const [open, setOpen] = useState<string | null>(null);
  const load = useCallback(async (search: string) => {
    const { enterprises } = await request(Enterprises, { search: search || undefined });
    return { rows: enterprises.edges.map((e) => e.node), total: enterprises.totalCount };
  }, []);
  return (
    <>
      <SearchableTable<Enterprise>
        placeholder="名称或信用代码"
        load={load}
        rowKey="uscc"
        columns={[
          { title: "统一社会信用代码", dataIndex: "uscc" },
          { title: "名称", dataIndex: "name" },
          { title: "园区", dataIndex: "park" },
          { title: "镇街", dataIndex: "town" },
          { title: "信用等级", dataIndex: "creditGrade" },
          {
            title: "",
            key: "open",
            render: (_, row) => (
              <Button size="small" onClick={() => setOpen(row.uscc)}>
                修改记录
              </Button>
            ),
          },
        ]}
      />
      <EnterpriseDrawer uscc={open} onClose={() => setOpen(null)} />
    </>
  );
}
