/**
 * 监督指标: the period's supervision indicators as cards (status, target, previous period), the selected one's
 * monthly trend and breakdown as ECharts charts, the records behind it page by page, and both as CSV.
 */
import { Button, Card, Col, Empty, Input, Row, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { request } from "../client.ts";
import type { ResultOf } from "../graphql.ts";
import { IndicatorRecords, SupervisionIndicators, SupervisionTrend } from "../operations/supervision.ts";
import { buildCsv } from "../supervision/csv.ts";
import { downloadText } from "../supervision/download.ts";
import { EChart } from "../supervision/echart.tsx";
import { figure, STATUS_TEXT, targetText, thisYear } from "../supervision/indicator-text.ts";
import { useAction } from "../use-async.ts";

type Indicator = ResultOf<typeof SupervisionIndicators>["supervisionIndicators"][number];
type TrendPoint = ResultOf<typeof SupervisionTrend>["supervisionTrend"][number];
type RecordsPage = ResultOf<typeof IndicatorRecords>["supervisionIndicators"][number]["records"];
type Jurisdiction = "CQ" | "SC" | "GZ";

export function SupervisionPage() {
  const [[from, to], setPeriod] = useState(thisYear);
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction | undefined>(undefined);
  const [indicators, setIndicators] = useState<Indicator[] | null>(null);
  const [selected, setSelected] = useState<Indicator | null>(null);
  const { busy, run } = useAction();
  const scope = useMemo(() => ({ from, to, jurisdiction }), [from, to, jurisdiction]);

  useEffect(() => {
    void run(async () => {
      const answer = await request(SupervisionIndicators, scope);
      setIndicators(answer.supervisionIndicators);
      setSelected(null);
    });
  }, [run, scope]);

  const exportIndicators = () =>
    downloadText(
      `监督指标-${from}-${to}.csv`,
      buildCsv(
        ["代码", "名称", "值", "单位", "目标", "状态", "上期值"],
        (indicators ?? []).map((i) => [
          i.code,
          i.name,
          i.value,
          i.unit,
          targetText(i.target ?? null, i.unit),
          STATUS_TEXT[i.status]?.label ?? i.status,
          i.previous.value,
        ]),
      ),
    );

  return (
    <Space direction="vertical" style={{ width: "100%" }} size="middle">
      <Card
        title="监督指标"
        extra={
          <Space wrap>
            <Input type="date" aria-label="起始日期" value={from} onChange={(e) => setPeriod([e.target.value, to])} />
            <Input type="date" aria-label="截止日期" value={to} onChange={(e) => setPeriod([from, e.target.value])} />
            <Select
              style={{ width: 120 }}
              allowClear
              placeholder="全部辖区"
              value={jurisdiction}
              onChange={setJurisdiction}
              options={[
                { value: "CQ", label: "重庆" },
                { value: "SC", label: "四川" },
                { value: "GZ", label: "管委会" },
              ]}
            />
            <Button onClick={exportIndicators} disabled={!indicators?.length}>
              导出指标 CSV
            </Button>
          </Space>
        }
        loading={busy && indicators === null}
      >
        {indicators?.length === 0 ? <Empty description="该期间没有指标数据" /> : null}
        <Row gutter={[12, 12]}>
          {(indicators ?? []).map((i) => (
            <Col key={i.code} xs={24} sm={12} lg={8} xl={6}>
              <IndicatorCard indicator={i} active={selected?.code === i.code} onSelect={() => setSelected(i)} />
            </Col>
          ))}
        </Row>
      </Card>
      {selected ? <IndicatorDetail key={selected.code} indicator={selected} scope={scope} /> : null}
    </Space>
  );
}

function IndicatorCard({
  indicator: i,
  active,
  onSelect,
}: {
  indicator: Indicator;
  active: boolean;
  onSelect: () => void;
}) {
  const status = STATUS_TEXT[i.status] ?? { label: i.status, color: "default" };
  return (
    <Card
      size="small"
      hoverable
      data-testid={`indicator-${i.code}`}
      onClick={onSelect}
      style={active ? { borderColor: "#1677ff" } : undefined}
      title={
        <Tooltip title={i.definition}>
          <span>{i.name}</span>
        </Tooltip>
      }
      extra={<Tag color={status.color}>{status.label}</Tag>}
    >
      <Typography.Title level={4} style={{ margin: 0 }}>
        {figure(i.value)} <small>{i.unit}</small>
      </Typography.Title>
      <Typography.Text type="secondary">
        目标：{targetText(i.target ?? null, i.unit)}；上期：{figure(i.previous.value)}
        {i.p90 !== null && i.p90 !== undefined ? `；P90：${figure(i.p90)}` : ""}
      </Typography.Text>
    </Card>
  );
}

function IndicatorDetail({
  indicator,
  scope,
}: {
  indicator: Indicator;
  scope: { from: string; to: string; jurisdiction: Jurisdiction | undefined };
}) {
  const [trend, setTrend] = useState<TrendPoint[]>([]);
  const [records, setRecords] = useState<RecordsPage | null>(null);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const { busy, run } = useAction();
  const code = indicator.code;

  useEffect(() => {
    void run(async () => setTrend((await request(SupervisionTrend, { code, ...scope })).supervisionTrend));
  }, [run, code, scope]);

  const loadRecords = useCallback(
    (after: string | null) =>
      run(async () => {
        const answer = await request(IndicatorRecords, { code, ...scope, after });
        setRecords(answer.supervisionIndicators[0]?.records ?? null);
      }),
    [run, code, scope],
  );
  const after = cursors[cursors.length - 1] ?? null;
  useEffect(() => void loadRecords(after), [loadRecords, after]);

  const trendOption = useMemo(
    () => ({
      title: { text: `${indicator.name}（按月）`, textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: trend.map((p) => p.from.slice(0, 7)) },
      yAxis: { type: "value", name: indicator.unit },
      series: [{ type: "line", data: trend.map((p) => p.value), connectNulls: false }],
    }),
    [trend, indicator],
  );
  const breakdownOption = useMemo(
    () => ({
      title: { text: "构成", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" },
      grid: { containLabel: true },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: indicator.breakdown.map((s) => s.label) },
      series: [{ type: "bar", data: indicator.breakdown.map((s) => s.value) }],
    }),
    [indicator],
  );
  const rows = records?.edges.map((e) => e.node) ?? [];
  const exportRecords = () =>
    downloadText(
      `${indicator.name}-明细.csv`,
      buildCsv(
        ["来源", "类型", "事项", "统一社会信用代码", "发生时间", "结果"],
        rows.map((r) => [r.origin, r.kind, r.itemCode, r.enterpriseUscc, r.occurredAt, r.result]),
      ),
    );

  return (
    <Card
      title={`${indicator.name} — 趋势、构成与明细`}
      extra={<Typography.Text type="secondary">{indicator.definition}</Typography.Text>}
    >
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          {trend.length ? <EChart option={trendOption} testId="trend-chart" /> : <Empty description="暂无趋势数据" />}
        </Col>
        <Col xs={24} lg={12}>
          {indicator.breakdown.length ? (
            <EChart option={breakdownOption} testId="breakdown-chart" />
          ) : (
            <Empty description="该指标没有分项" />
          )}
        </Col>
      </Row>
      <Space style={{ margin: "12px 0" }}>
        <Button disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
          上一页
        </Button>
        <Button
          disabled={!records?.pageInfo.hasNextPage}
          onClick={() => setCursors([...cursors, records?.pageInfo.endCursor ?? null])}
        >
          下一页
        </Button>
        <Button onClick={exportRecords} disabled={!rows.length}>
          导出明细 CSV
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="id"
        loading={busy}
        scroll={{ x: true }}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: "该指标没有对应的执法记录（非记录类指标或本期无记录）" }}
        columns={[
          { title: "来源", dataIndex: "origin" },
          { title: "类型", dataIndex: "kind" },
          { title: "事项", dataIndex: "itemCode" },
          { title: "统一社会信用代码", dataIndex: "enterpriseUscc" },
          { title: "发生时间", dataIndex: "occurredAt" },
          { title: "结果", dataIndex: "result" },
        ]}
      />
    </Card>
  );
}
