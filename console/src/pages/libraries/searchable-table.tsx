/**
 * The libraries' one list: an optional search box and filters above a table that loads again whenever the text
 * or `load` changes (a caller's filters live in its `load`, memoised with them). A row opens by its button.
 */
import { Input, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { type ReactNode, useEffect, useState } from "react";
import { useAction } from "../../use-async.ts";

export interface Page<Row> {
  rows: Row[];
  total: number;
}

export interface SearchableTableProps<Row> {
  /** loads the rows for the search text ("" when empty) */
  load: (text: string) => Promise<Page<Row>>;
  columns: ColumnsType<Row>;
  rowKey: keyof Row & string;
  /** the search box's hint; no search box without it */
  placeholder?: string;
  /** further filters, beside the search box */
  filters?: ReactNode;
}

export function SearchableTable<Row extends object>({
  load,
  columns,
  rowKey,
  placeholder,
  filters,
}: SearchableTableProps<Row>) {
  const [text, setText] = useState("");
  const [page, setPage] = useState<Page<Row>>({ rows: [], total: 0 });
  const { busy, run } = useAction();
  useEffect(() => void run(async () => setPage(await load(text))), [run, load, text]);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {placeholder && <Input.Search placeholder={placeholder} onSearch={setText} allowClear style={{ width: 280 }} />}
        {filters}
        <Typography.Text type="secondary">共 {page.total} 条</Typography.Text>
      </Space>
      <Table<Row>
        size="small"
        rowKey={rowKey}
        loading={busy}
        scroll={{ x: true }}
        dataSource={page.rows}
        columns={columns}
      />
    </>
  );
}
