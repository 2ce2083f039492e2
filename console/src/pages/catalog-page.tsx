/** 事项与基准: domains and their items, searchable by name or any of the three codes; an item opens its benchmark. */
import { Button, Card, Input, Select, Space, Table } from "antd";
import { useEffect, useState } from "react";
import { request } from "../client.ts";
import type { ResultOf } from "../graphql.ts";
import { Items } from "../operations/catalog.ts";
import { useAction } from "../use-async.ts";
import { useDomains } from "../use-domains.ts";
import { ItemDetailDrawer } from "./item-detail-drawer.tsx";

type Item = ResultOf<typeof Items>["items"]["edges"][number]["node"];

export function CatalogPage() {
  const { domains } = useDomains();
  const [domain, setDomain] = useState<string | undefined>();
  const [search, setSearch] = useState<string>("");
  const [items, setItems] = useState<Item[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const { run } = useAction();
  useEffect(
    () =>
      void run(async () =>
        setItems((await request(Items, { domain, search: search || undefined })).items.edges.map((e) => e.node)),
      ),
    [run, domain, search],
  );
  return (
    <Card
      title="事项与基准"
      extra={
        <Space wrap>
          <Select
            style={{ width: 200 }}
            allowClear
            placeholder="执法领域"
            onChange={setDomain}
            options={domains.map((d) => ({ value: d.code, label: `${d.name}（${d.itemCount}）` }))}
          />
          <Input.Search placeholder="名称或编码（GZ / 渝 / 川）" onSearch={setSearch} allowClear />
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="code"
        scroll={{ x: true }}
        dataSource={items}
        columns={[
          { title: "统一编码", dataIndex: "code" },
          { title: "重庆编码", dataIndex: "cqCode" },
          { title: "四川编码", dataIndex: "scCode" },
          { title: "名称", dataIndex: "name" },
          { title: "类别", dataIndex: "kind" },
          {
            title: "",
            key: "open",
            render: (_, item) => (
              <Button size="small" onClick={() => setOpen(item.code)}>
                裁量基准
              </Button>
            ),
          },
        ]}
      />
      <ItemDetailDrawer code={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
