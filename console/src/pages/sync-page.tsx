/** 同步状态: each province's adapter — lag, backlog, last error, quarantine — and the quarantine's records, run again. */
import { Button, Card, Table, Tag } from "antd";
import { useCallback, useEffect, useState } from "react";
import { request } from "../client.ts";
import type { ResultOf } from "../graphql.ts";
import { SyncStatus } from "../operations/sync.ts";
import { useAction } from "../use-async.ts";
import { ORIGIN_TEXT } from "./quarantine-codes.ts";
import { QuarantinePanel } from "./quarantine-panel.tsx";

const STATE_TEXT: Record<string, string> = { CAUGHT_UP: "已同步", LAGGING: "滞后", STALE: "失联" };
const STATE_COLOUR: Record<string, string> = { CAUGHT_UP: "green", LAGGING: "orange", STALE: "red" };

type Row = ResultOf<typeof SyncStatus>["syncStatus"][number];

export function SyncPage() {
  const [rows, setRows] = useState<Row[]>([]);
  const { busy, run } = useAction();
  const load = useCallback(() => run(async () => setRows((await request(SyncStatus)).syncStatus)), [run]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 10_000);
    return () => clearInterval(timer);
  }, [load]);
  return (
    <>
      <Card
        title="同步状态"
        extra={
          <Button loading={busy} onClick={() => void load()}>
            刷新
          </Button>
        }
      >
        <Table
          size="small"
          rowKey="adapter"
          pagination={false}
          scroll={{ x: true }}
          dataSource={rows}
          columns={[
            { title: "适配器", dataIndex: "adapter" },
            { title: "省份", dataIndex: "jurisdiction", render: (j: string) => ORIGIN_TEXT[j] ?? j },
            {
              title: "状态",
              dataIndex: "state",
              render: (s: string) => <Tag color={STATE_COLOUR[s]}>{STATE_TEXT[s] ?? s}</Tag>,
            },
            { title: "滞后（秒）", dataIndex: "lagSeconds" },
            { title: "积压（条）", dataIndex: "lagRecords" },
            { title: "隔离", dataIndex: "quarantined" },
            { title: "最近错误", dataIndex: "lastError" },
            { title: "最近上报", dataIndex: "lastSeenAt" },
          ]}
        />
      </Card>
      <QuarantinePanel />
    </>
  );
}
