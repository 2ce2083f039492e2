/**
 * 调度台: a plan form that explains each setting and previews per stratum how many enterprises it selects and
 * why, then commit (hashes shown), reveal, dispatch all, the tasks changing live, each 执法码 as a QR code.
 */
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Space, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { request, subscribe } from "../client.ts";
import type { ResultOf, VariablesOf } from "../graphql.ts";
import {
  CancelTask,
  CommitDraw,
  CreatePlan,
  DispatchDraw,
  DrawTasks,
  PlanPreview,
  RevealDraw,
  RevokeCode,
  TaskChanges,
} from "../operations/dispatch.ts";
import { useAction } from "../use-async.ts";
import { TaskQrCode } from "./task-qr-code.tsx";

type PlanInput = VariablesOf<typeof CreatePlan>["input"];
type Preview = ResultOf<typeof PlanPreview>["inspectionPlanPreview"];
type Committed = ResultOf<typeof CommitDraw>["commitDraw"]["draw"];
type Revealed = ResultOf<typeof RevealDraw>["revealDraw"]["draw"];
type Task = ResultOf<typeof DrawTasks>["tasks"]["edges"][number]["node"];

const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const STATE_TEXT: Record<string, { text: string; color: string }> = {
  PLANNED: { text: "待派发", color: "default" },
  DISPATCHED: { text: "已派发", color: "blue" },
  IN_PROGRESS: { text: "检查中", color: "orange" },
  DONE: { text: "已完成", color: "green" },
  CANCELLED: { text: "已取消", color: "red" },
};
const EXCLUSION_TEXT: Record<string, string> = { RECENTLY_INSPECTED: "近期已检查", YEARLY_CAP_REACHED: "已达年度上限" };
const RULE_TEXT: Record<string, string> = {
  ALL_ELIGIBLE: "全部抽取（比例结果不少于可抽数）",
  EXACT: "按比例向上取整",
  MINIMUM_ONE: "每层至少 1 家",
  NONE_ELIGIBLE: "无可抽企业",
};

interface FormValues {
  name: string;
  itemCodes: string;
  percent: number;
  excludeInspectedWithinDays: number;
  teamSize: number;
  yearlyCap: number;
  visitFrom: string;
  visitTo: string;
}

const planInput = (v: FormValues): PlanInput => ({
  name: v.name,
  itemCodes: v.itemCodes
    .split(/[\s,，、]+/)
    .map((c) => c.trim())
    .filter(Boolean),
  baseRatioPpm: Math.round(v.percent * 10_000),
  excludeInspectedWithinDays: v.excludeInspectedWithinDays,
  teamSize: v.teamSize,
  yearlyCap: v.yearlyCap,
  visitFrom: v.visitFrom,
  visitTo: v.visitTo,
});

export function DispatchPage() {
  const [form] = Form.useForm<FormValues>();
  const { busy, run } = useAction();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [committed, setCommitted] = useState<Committed | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [tasks, setTasks] = useState<Task[]>([]);
  const [dispatchReport, setDispatchReport] = useState<string | null>(null);
  const drawId = committed?.id ?? null;

  const loadTasks = useCallback(async () => {
    if (!drawId) return;
    const data = await request(DrawTasks, { drawId });
    setTasks(data.tasks.edges.map((e) => e.node));
  }, [drawId]);

  // live: a change of a task (kind dispatch.task, the committee's own) reloads the draw's tasks, at most once a second
  useEffect(() => {
    if (!revealed) return;
    const controller = new AbortController();
    let pending: ReturnType<typeof setTimeout> | undefined;
    const reloadSoon = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        void loadTasks();
      }, 1000);
    };
    subscribe(TaskChanges, {}, reloadSoon, controller.signal).catch(() => {});
    return () => {
      controller.abort();
      clearTimeout(pending);
    };
  }, [revealed, loadTasks]);

  const today = beijingToday();
  return (
    <Space direction="vertical" style={{ width: "100%" }} size="large">
      <Card title="1. 抽查计划">
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            name: "安全生产双随机联合抽查",
            itemCodes: "GZ-017",
            percent: 1,
            excludeInspectedWithinDays: 30,
            teamSize: 2,
            yearlyCap: 2,
            visitFrom: today,
            visitTo: today,
          }}
        >
          <Form.Item label="计划名称" name="name" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            label="检查事项编码"
            name="itemCodes"
            extra="统一事项编码（GZ-…），多个用逗号分隔；同一次检查中一并检查，执法人员须具备全部事项所属领域的资格。"
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item
              label="基准抽查比例（%）"
              name="percent"
              extra="每层按比例抽取、向上取整；每个有可抽企业的层至少抽 1 家。"
            >
              <InputNumber min={0.0001} max={100} step={0.5} />
            </Form.Item>
            <Form.Item
              label="近期检查排除（天）"
              name="excludeInspectedWithinDays"
              extra="此天数内已被检查的企业不参加抽取（两省记录与联合任务都算）。"
            >
              <InputNumber min={0} max={365} />
            </Form.Item>
            <Form.Item label="每组人数" name="teamSize" extra="每组至少一名重庆、一名四川执法人员。">
              <InputNumber min={2} max={5} />
            </Form.Item>
            <Form.Item label="年度检查上限" name="yearlyCap" extra="同一企业一年内最多被检查的次数。">
              <InputNumber min={1} max={12} />
            </Form.Item>
            <Form.Item label="检查开始日" name="visitFrom" rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item label="检查结束日" name="visitTo" rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
          </Space>
          <Space>
            <Button
              loading={busy}
              onClick={() =>
                run(async () => {
                  const values = await form.validateFields();
                  const data = await request(PlanPreview, { input: { plan: planInput(values) } });
                  setPreview(data.inspectionPlanPreview);
                })
              }
            >
              预览抽取结果
            </Button>
            <Button
              type="primary"
              loading={busy}
              disabled={!preview || committed !== null}
              onClick={() =>
                run(async () => {
                  const values = await form.validateFields();
                  const plan = await request(CreatePlan, { input: planInput(values) });
                  const draw = await request(CommitDraw, { planId: plan.createInspectionPlan.plan.id });
                  setCommitted(draw.commitDraw.draw);
                })
              }
            >
              创建计划并承诺抽取
            </Button>
          </Space>
        </Form>
      </Card>

      {preview && <PreviewCard preview={preview} />}

      {committed && (
        <Card title="3. 承诺与揭晓">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="种子哈希">
              <Typography.Text code copyable>
                {committed.seedHash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="候选名单哈希">
              <Typography.Text code copyable>
                {committed.candidateListHash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="候选企业">{committed.candidateCount} 家</Descriptions.Item>
            <Descriptions.Item label="公示页">
              <a href={`/draws/${encodeURIComponent(committed.id)}`} target="_blank" rel="noreferrer">
                /draws/{committed.id}
              </a>
            </Descriptions.Item>
            {revealed && (
              <Descriptions.Item label="种子">
                <Typography.Text code>{revealed.seed}</Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space style={{ marginTop: 16 }}>
            <Button
              type="primary"
              loading={busy}
              disabled={revealed !== null}
              onClick={() =>
                run(async () => {
                  const data = await request(RevealDraw, { drawId: committed.id });
                  setRevealed(data.revealDraw.draw);
                  await loadTasks();
                })
              }
            >
              揭晓抽取结果
            </Button>
            <Button
              type="primary"
              loading={busy}
              disabled={!revealed}
              onClick={() =>
                run(async () => {
                  const data = await request(DispatchDraw, { input: { drawId: committed.id } });
                  const { dispatched, refused, results } = data.dispatchTasks;
                  const reasons = results.filter((r) => !r.ok).map((r) => r.message ?? r.code);
                  setDispatchReport(
                    `已派发 ${dispatched} 项，未派发 ${refused} 项${reasons.length ? `：${[...new Set(reasons)].join("；")}` : ""}`,
                  );
                  await loadTasks();
                })
              }
            >
              全部派发
            </Button>
          </Space>
          {dispatchReport && <Alert style={{ marginTop: 16 }} type="info" message={dispatchReport} />}
        </Card>
      )}

      {revealed && <TasksCard tasks={tasks} reload={loadTasks} />}
    </Space>
  );
}

function PreviewCard({ preview }: { preview: Preview }) {
  return (
    <Card title="2. 预览（未写入任何数据）">
      <Alert
        type="info"
        style={{ marginBottom: 16 }}
        message={`抽取日 ${preview.drawDay}：候选 ${preview.candidateCount} 家，可抽 ${preview.eligibleCount} 家，将抽取 ${preview.selectedCount} 家（按比例精确值 ${preview.exactTotal}；每层至少 1 家，故可能多于比例）。`}
      />
      {preview.exclusions.length > 0 && (
        <Alert
          type="warning"
          style={{ marginBottom: 16 }}
          message={`排除：${preview.exclusions.map((e) => `${EXCLUSION_TEXT[e.reason] ?? e.reason} ${e.count} 家`).join("，")}`}
        />
      )}
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: true }}
        dataSource={preview.strata}
        columns={[
          { title: "行业", dataIndex: "industry" },
          { title: "风险等级", dataIndex: "riskClass" },
          { title: "可抽", dataIndex: "population" },
          { title: "排除", dataIndex: "excluded" },
          { title: "系数（‰）", dataIndex: "factorPermille" },
          { title: "精确值", dataIndex: "exactCount" },
          { title: "抽取", dataIndex: "count" },
          { title: "依据", dataIndex: "rule", render: (rule: string) => RULE_TEXT[rule] ?? rule },
        ]}
      />
      {preview.excludedCandidates.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="uscc"
          pagination={{ pageSize: 10 }}
          dataSource={preview.excludedCandidates}
          columns={[
            { title: "被排除企业", dataIndex: "name" },
            { title: "原因", dataIndex: "reason", render: (r: string) => EXCLUSION_TEXT[r] ?? r },
            { title: "最近检查日", dataIndex: "lastInspectedOn" },
            { title: "本年检查次数", dataIndex: "visitsThisYear" },
          ]}
        />
      )}
    </Card>
  );
}

function TasksCard({ tasks, reload }: { tasks: Task[]; reload: () => Promise<void> }) {
  const { busy, run } = useAction();
  return (
    <Card title={`4. 任务（${tasks.length}）— 实时更新`}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        dataSource={tasks}
        columns={[
          { title: "企业", dataIndex: "enterpriseName" },
          {
            title: "状态",
            dataIndex: "state",
            render: (state: string) => (
              <Tag color={STATE_TEXT[state]?.color} data-state={state}>
                {STATE_TEXT[state]?.text ?? state}
              </Tag>
            ),
          },
          {
            title: "执法人员",
            render: (_: unknown, t: Task) =>
              t.officers.length > 0
                ? t.officers.map((o) => o.certificateNumber).join("、")
                : `未能组队：${t.teamProblems.map((p) => p.message).join("；")}`,
          },
          {
            title: "结果",
            render: (_: unknown, t: Task) => t.results.map((r) => `${r.itemCode} ${r.result}`).join("；"),
          },
          {
            title: "执法码",
            render: (_: unknown, t: Task) =>
              t.inspectionCode && !t.codeRevoked ? (
                <TaskQrCode code={t.inspectionCode} />
              ) : t.codeRevoked ? (
                "已撤销"
              ) : (
                ""
              ),
          },
          {
            title: "操作",
            render: (_: unknown, t: Task) => (
              <Space>
                <Button
                  size="small"
                  disabled={busy || t.state !== "PLANNED" || t.officers.length === 0}
                  onClick={() =>
                    run(async () => {
                      const data = await request(DispatchDraw, { input: { taskIds: [t.id] } });
                      const refusal = data.dispatchTasks.results.find((r) => !r.ok);
                      if (refusal) throw new Error(refusal.message ?? refusal.code);
                      await reload();
                    })
                  }
                >
                  派发
                </Button>
                <Button
                  size="small"
                  disabled={busy || t.state === "DONE" || t.state === "CANCELLED"}
                  onClick={() =>
                    run(async () => {
                      await request(CancelTask, { id: t.id, reason: "管委会取消" });
                      await reload();
                    })
                  }
                >
                  取消
                </Button>
                <Button
                  size="small"
                  disabled={busy || !t.inspectionCode || t.codeRevoked}
                  onClick={() =>
                    run(async () => {
                      await request(RevokeCode, { taskId: t.id, reason: "管委会撤销" });
                      await reload();
                    })
                  }
                >
                  撤销执法码
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
