/**
 * An enforcement item's 裁量基准 in a drawer: the benchmark in force today (its tiers with the fine in yuan, the
 * 四张清单 entries) and the legal bases with their articles. "依据原文未核实" marks a basis whose text is not known.
 */
import { Alert, Descriptions, Drawer, Empty, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { request } from "../client.ts";
import type { ResultOf } from "../graphql.ts";
import { ItemDetail } from "../operations/catalog.ts";
import { useAction } from "../use-async.ts";

type Item = NonNullable<ResultOf<typeof ItemDetail>["item"]>;

const ROLE_TEXT: Record<string, string> = {
  SETTING: "设定依据",
  IMPLEMENTING: "实施依据",
  DUTY: "违反的规定",
  PENALTY: "处罚依据",
};
const LENIENT_TEXT: Record<string, string> = {
  NO_PENALTY: "不予处罚",
  MITIGATED: "减轻处罚",
  LIGHTER: "从轻处罚",
  NO_COERCION: "免于行政强制",
};
const SOURCE_TEXT: Record<string, string> = { GZ: "高竹新区统一基准", CQ: "重庆基准", SC: "四川基准" };

export function ItemDetailDrawer({ code, onClose }: { code: string | null; onClose: () => void }) {
  const [item, setItem] = useState<Item | null>(null);
  const { run } = useAction();
  useEffect(() => {
    if (!code) return setItem(null);
    void run(async () => setItem((await request(ItemDetail, { code })).item ?? null));
  }, [run, code]);
  const benchmark = item?.benchmark;
  return (
    <Drawer open={code !== null} onClose={onClose} width={860} title={item ? `${item.code} ${item.name}` : "执法事项"}>
      {item && (
        <div className="item-detail">
          <Typography.Title level={5}>裁量基准</Typography.Title>
          {!benchmark ? (
            <Empty description="今日无生效的裁量基准" />
          ) : (
            <>
              <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
                <Descriptions.Item label="违法行为">{benchmark.violation}</Descriptions.Item>
                <Descriptions.Item label="来源与版本">
                  {SOURCE_TEXT[benchmark.source] ?? benchmark.source}，第 {benchmark.version} 版，
                  {benchmark.effectiveFrom} 起{benchmark.effectiveTo ? `至 ${benchmark.effectiveTo}` : ""}
                </Descriptions.Item>
                {benchmark.note && <Descriptions.Item label="说明">{benchmark.note}</Descriptions.Item>}
              </Descriptions>
              {benchmark.illustrative && (
                <Alert type="info" showIcon style={{ marginBottom: 12 }} message="示例基准：官方原文未公开，仅供演示" />
              )}
              <Table
                className="benchmark-tiers"
                size="small"
                rowKey="level"
                pagination={false}
                scroll={{ x: true }}
                dataSource={benchmark.tiers}
                columns={[
                  { title: "阶次", dataIndex: "level" },
                  { title: "名称", dataIndex: "name" },
                  { title: "适用情形", dataIndex: "conditionText" },
                  { title: "罚款", key: "fine", render: (_, tier) => tier.fine.summary },
                  {
                    title: "其他",
                    key: "other",
                    render: (_, tier) =>
                      [
                        tier.escalation && `加重：${tier.escalation.summary}`,
                        tier.responsiblePersonFine && `对责任人员：${tier.responsiblePersonFine.summary}`,
                        ...tier.otherMeasures,
                      ]
                        .filter(Boolean)
                        .map((line) => <div key={String(line)}>{line}</div>),
                  },
                ]}
              />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                四张清单
              </Typography.Title>
              {benchmark.lenientRules.length === 0 ? (
                <Empty description="本事项无从轻、减轻、不予处罚或免于强制的情形" />
              ) : (
                <ul className="lenient-rules">
                  {benchmark.lenientRules.map((rule) => (
                    <li key={`${rule.list}-${rule.description}`}>
                      <Tag>{LENIENT_TEXT[rule.list] ?? rule.list}</Tag>
                      {rule.description}
                      <Typography.Text type="secondary">（{rule.citation}）</Typography.Text>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            执法依据
          </Typography.Title>
          <Table
            className="legal-bases"
            size="small"
            rowKey={(basis) => `${basis.role}-${basis.citation}`}
            pagination={false}
            scroll={{ x: true }}
            dataSource={item.legalBases}
            columns={[
              { title: "类别", dataIndex: "role", render: (role: string) => ROLE_TEXT[role] ?? role },
              { title: "法律法规及条款", dataIndex: "citation" },
              {
                title: "内容",
                key: "summary",
                render: (_, basis) => basis.summary ?? (basis.verified ? "" : "依据原文未核实"),
              },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
