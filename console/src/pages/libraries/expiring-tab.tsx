/** 执法证即将到期: officers whose certificate ends within N days (the API's expiringCertificates), soonest first. */
import { Button, InputNumber, Space } from "antd";
import { useCallback, useState } from "react";
import { request } from "../../client.ts";
import type { ResultOf } from "../../graphql.ts";
import { ExpiringCertificates } from "../../operations/libraries.ts";
import { JURISDICTION_TEXT, OFFICER_STATUS_TEXT, textOf } from "./library-words.ts";
import { OfficerDrawer } from "./officer-drawer.tsx";
import { SearchableTable } from "./searchable-table.tsx";

type Officer = ResultOf<typeof ExpiringCertificates>["expiringCertificates"]["edges"][number]["node"];

/** the API's bound (schema/libraries/dispatch-status.ts) */
const MAX_DAYS = 366;

export function ExpiringTab() {
  const [days, setDays] = useState(30);
  const [open, setOpen] = useState<string | null>(null);
  const load = useCallback(async () => {
    const { expiringCertificates } = await request(ExpiringCertificates, { withinDays: days });
    return { rows: expiringCertificates.edges.map((e) => e.node), total: expiringCertificates.totalCount };
  }, [days]);
  return (
    <>
      <SearchableTable<Officer>
        load={load}
        rowKey="certificateNumber"
        filters={
          <Space>
            <span>执法证在</span>
            <InputNumber
              aria-label="到期天数"
              min={0}
              max={MAX_DAYS}
              value={days}
              onChange={(value) => setDays(value ?? 30)}
            />
            <span>天内到期</span>
          </Space>
        }
        columns={[
          { title: "执法证号", dataIndex: "certificateNumber" },
          { title: "姓名", dataIndex: "name" },
          { title: "所属", dataIndex: "homeJurisdiction", render: (j: string) => textOf(JURISDICTION_TEXT, j) },
          { title: "状态", dataIndex: "status", render: (s: string) => textOf(OFFICER_STATUS_TEXT, s) },
          { title: "到期日", dataIndex: "certificateValidTo" },
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
