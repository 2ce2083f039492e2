/** 监督预警: warnings filtered by status and severity; acknowledge one. */
import { Button, Card, Select, Space, Table, Tag } from "antd";
import { useCallback, useEffect, useState } from "react";
import { request } from "../client.ts";
import type { ResultOf, VariablesOf } from "../graphql.ts";
import { AcknowledgeWarning, Warnings } from "../operations/warnings.ts";
import { useAction } from "../use-async.ts";

type Row = ResultOf<typeof Warnings>["warnings"]["edges"][number]["node"];
type Filters = VariablesOf<typeof Warnings>;

export function WarningsPage() {
  const [rows, setRows] = useState<Row[]>([]);
  const [filters, setFilters] = useState<Filters>({ status: "OPEN" });
  const { busy, run } = useAction();
  const load = useCallback(
    () => run(async () => setRows((await request(Warnings, filters)).warnings.edges.map((e) => e.node))),
    [run, filters],
  );
  useEffect(() => void load(), [load]);
  return (
    <Card
      title="监督预警"
      extra={
        <Space>
          <Select
            style={{ width: 120 }}
            allowClear
            placeholder="状态"
            value={filters.status}
            onChange={(status) => setFilters({ ...filters, status })}
            options={[
              { value: "OPEN", label: "待处理" },
              { value: "ACKNOWLEDGED", label: "已确认" },
              { value: "SUPERSEDED", label: "已被取代" },
            ]}
          />
          <Select
            style={{ width: 120 }}
            allowClear
            placeholder="严重程度"
            value={filters.severity}
            onChange={(severity) => setFilters({ ...filters, severity })}
            options={[
              { value: "HIGH", label: "高" },
              { value: "MEDIUM", label: "中" },
              { value: "LOW", label: "低" },
            ]}
          />
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="id"
        scroll={{ x: true }}
        dataSource={rows}
        columns={[
          { title: "时间", dataIndex: "createdAt" },
          { title: "类型", dataIndex: "kind" },
          {
            title: "严重程度",
            dataIndex: "severity",
            render: (s: string) => <Tag color={s === "HIGH" ? "red" : "orange"}>{s}</Tag>,
          },
          { title: "事项", dataIndex: "itemCode" },
          { title: "说明", dataIndex: "message" },
          {
            title: "操作",
            render: (_: unknown, w: Row) =>
              w.status === "OPEN" ? (
                <Button
                  size="small"
                  loading={busy}
                  onClick={() =>
                    run(async () => {
                      await request(AcknowledgeWarning, { id: w.id });
                      await load();
                    })
                  }
                >
                  确认
                </Button>
              ) : (
                w.status
              ),
          },
        ]}
      />
    </Card>
  );
}
