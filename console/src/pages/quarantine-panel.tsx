/**
 * 隔离区: each province's refused records with the reason, run again (重新入库) one by one or all selected,
 * after the cause was fixed at the gateway (e.g. the catalog gained the item). Each record's outcome is shown
 * as it comes; a corrected record needs its province (replayQuarantined), which the console cannot do: a row the
 * gateway cannot run again as sent (`retryable` false: a misshapen entry, an adapter's own payload) says so instead.
 */
import { Alert, Button, Card, Progress, Segmented, Space, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { request } from "../client.ts";
import { errorText } from "../error-text.ts";
import type { ResultOf } from "../graphql.ts";
import { Quarantine, RetryQuarantined } from "../operations/sync.ts";
import { useAction } from "../use-async.ts";
import { codeText, ORIGIN_TEXT, outcomeText } from "./quarantine-codes.ts";

type Row = ResultOf<typeof Quarantine>["quarantine"]["edges"][number]["node"];
type Origin = "ALL" | "CQ" | "SC";
interface Outcome {
  state: "running" | "done" | "refused" | "failed";
  text: string;
}
const OUTCOME_COLOUR = { running: "blue", done: "green", refused: "orange", failed: "red" } as const;

export function QuarantinePanel() {
  const [origin, setOrigin] = useState<Origin>("ALL");
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [progress, setProgress] = useState<{ done: number; of: number } | null>(null);
  const { busy, run } = useAction();

  const load = useCallback(
    () =>
      run(async () => {
        const { quarantine } = await request(Quarantine, { origin: origin === "ALL" ? undefined : origin });
        setRows(quarantine.edges.map((e) => e.node));
        setTotal(quarantine.totalCount);
        setSelected([]);
        setOutcomes({});
      }),
    [run, origin],
  );
  useEffect(() => void load(), [load]);

  const retry = async (ids: readonly string[]) => {
    setProgress({ done: 0, of: ids.length });
    for (const [index, id] of ids.entries()) {
      setOutcomes((o) => ({ ...o, [id]: { state: "running", text: "正在重新入库…" } }));
      let outcome: Outcome;
      try {
        const { retryQuarantined } = await request(RetryQuarantined, { id });
        const { outcome: written, code } = retryQuarantined.result;
        outcome = { state: written === "REFUSED" ? "refused" : "done", text: outcomeText(written, code) };
      } catch (error) {
        outcome = { state: "failed", text: errorText(error) };
      }
      setOutcomes((o) => ({ ...o, [id]: outcome }));
      setProgress({ done: index + 1, of: ids.length });
    }
    setSelected([]);
  };

  const retrying = progress !== null && progress.done < progress.of;
  return (
    <Card
      title={`隔离区（待处理 ${total} 条）`}
      style={{ marginTop: 16 }}
      extra={
        <Space wrap>
          <Segmented<Origin>
            value={origin}
            onChange={setOrigin}
            options={[
              { value: "ALL", label: "全部" },
              { value: "CQ", label: "重庆" },
              { value: "SC", label: "四川" },
            ]}
          />
          <Button loading={busy} disabled={retrying} onClick={() => void load()}>
            刷新隔离区
          </Button>
          <Button type="primary" disabled={selected.length === 0 || retrying} onClick={() => void retry(selected)}>
            重新入库所选（{selected.length}）
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="原因在网关侧消除后（如目录已补充该事项），可将记录按省份原样重新入库；需要更正内容的记录请由来源省份更正后重放。"
      />
      {progress && (
        <div className="retry-progress" style={{ marginBottom: 12 }}>
          <Typography.Text>
            已处理 {progress.done} / {progress.of} 条
          </Typography.Text>
          <Progress percent={Math.round((progress.done / progress.of) * 100)} size="small" />
        </div>
      )}
      <Table
        size="small"
        rowKey="id"
        scroll={{ x: true }}
        dataSource={rows}
        locale={{ emptyText: "隔离区为空" }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          // a row only its province can correct is not run again from here
          getCheckboxProps: (row) => ({ disabled: !row.retryable || outcomes[row.id]?.state === "done" }),
        }}
        columns={[
          { title: "来源", dataIndex: "origin", render: (o: string) => ORIGIN_TEXT[o] ?? o },
          { title: "来源编号", dataIndex: "originId" },
          { title: "版本", dataIndex: "version" },
          { title: "适配器", dataIndex: "source" },
          {
            title: "隔离原因",
            key: "reason",
            render: (_: unknown, row: Row) => (
              <>
                <div>{codeText(row.code)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.reason}
                </Typography.Text>
              </>
            ),
          },
          { title: "被拒次数", dataIndex: "attempts" },
          { title: "首次隔离", dataIndex: "createdAt", render: (at: string) => new Date(at).toLocaleString("zh-CN") },
          {
            title: "处理结果",
            key: "outcome",
            render: (_: unknown, row: Row) => {
              const outcome = outcomes[row.id];
              if (!row.retryable && !outcome) {
                return (
                  <Tag className="needs-province" color="default">
                    需来源省份更正后重放
                  </Tag>
                );
              }
              return outcome ? (
                <Tag className="retry-outcome" color={OUTCOME_COLOUR[outcome.state]} data-outcome={outcome.state}>
                  {outcome.text}
                </Tag>
              ) : (
                <Button size="small" disabled={retrying} onClick={() => void retry([row.id])}>
                  重新入库
                </Button>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
