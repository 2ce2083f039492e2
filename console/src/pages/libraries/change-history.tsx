/** 修改记录: who (writer and subject) changed which fields of an officer or enterprise, and when. Newest first. */
import { Empty, Table, Tag } from "antd";
import { type FragmentOf, readFragment } from "../../graphql.ts";
import { ChangeFields } from "../../operations/libraries.ts";
import { FIELD_TEXT, JURISDICTION_TEXT, textOf, WRITE_OUTCOME_TEXT } from "./library-words.ts";

export function ChangeHistory({ changes }: { changes: readonly FragmentOf<typeof ChangeFields>[] }) {
  const rows = changes.map((change) => readFragment(ChangeFields, change));
  if (rows.length === 0) return <Empty description="暂无修改记录" />;
  return (
    <Table
      className="change-history"
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      dataSource={rows}
      columns={[
        { title: "时间", dataIndex: "at", render: (at: string) => new Date(at).toLocaleString("zh-CN") },
        {
          title: "修改方",
          key: "who",
          render: (_, row) => `${textOf(JURISDICTION_TEXT, row.writer)}${row.subject ? `（${row.subject}）` : ""}`,
        },
        { title: "版本", dataIndex: "version" },
        {
          title: "结果",
          dataIndex: "outcome",
          render: (outcome: string) => (
            <Tag color={outcome === "APPLIED" ? "green" : "default"}>{textOf(WRITE_OUTCOME_TEXT, outcome)}</Tag>
          ),
        },
        {
          title: "修改的字段",
          key: "changes",
          render: (_, row) =>
            row.changes.length === 0
              ? "（无字段变化）"
              : row.changes.map((c) => (
                  <div key={c.field}>
                    {textOf(FIELD_TEXT, c.field)}：{c.from ?? "（空）"} → {c.to ?? "（空）"}
                  </div>
                )),
        },
      ]}
    />
  );
}
