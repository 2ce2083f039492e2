/** 人员与企业库: officers and enterprises, searchable. */
import { Card, Input, Table, Tabs } from "antd";
import { useEffect, useState } from "react";
import { request } from "../client.ts";
import type { ResultOf } from "../graphql.ts";
import { Enterprises, Officers } from "../operations/libraries.ts";
import { useAction } from "../use-async.ts";

type Officer = ResultOf<typeof Officers>["officers"]["edges"][number]["node"];
type Enterprise = ResultOf<typeof Enterprises>["enterprises"]["edges"][number]["node"];

export function LibrariesPage() {
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [enterprises, setEnterprises] = useState<Enterprise[]>([]);
  const [name, setName] = useState("");
  const [search, setSearch] = useState("");
  const { run } = useAction();
  useEffect(
    () =>
      void run(async () =>
        setOfficers((await request(Officers, { name: name || undefined })).officers.edges.map((e) => e.node)),
      ),
    [run, name],
  );
  useEffect(
    () =>
      void run(async () =>
        setEnterprises(
          (await request(Enterprises, { search: search || undefined })).enterprises.edges.map((e) => e.node),
        ),
      ),
    [run, search],
  );
  return (
    <Card title="人员与企业库">
      <Tabs
        items={[
          {
            key: "officers",
            label: "执法人员",
            children: (
              <>
                <Input.Search
                  placeholder="姓名"
                  onSearch={setName}
                  allowClear
                  style={{ maxWidth: 320, marginBottom: 12 }}
                />
                <Table
                  size="small"
                  rowKey="certificateNumber"
                  scroll={{ x: true }}
                  dataSource={officers}
                  columns={[
                    { title: "执法证号", dataIndex: "certificateNumber" },
                    { title: "姓名", dataIndex: "name" },
                    { title: "所属", dataIndex: "homeJurisdiction" },
                    { title: "执法领域", dataIndex: "qualifiedDomains", render: (d: string[]) => d.join("、") },
                  ]}
                />
              </>
            ),
          },
          {
            key: "enterprises",
            label: "企业",
            children: (
              <>
                <Input.Search
                  placeholder="名称或信用代码"
                  onSearch={setSearch}
                  allowClear
                  style={{ maxWidth: 320, marginBottom: 12 }}
                />
                <Table
                  size="small"
                  rowKey="uscc"
                  scroll={{ x: true }}
                  dataSource={enterprises}
                  columns={[
                    { title: "统一社会信用代码", dataIndex: "uscc" },
                    { title: "名称", dataIndex: "name" },
                    { title: "园区", dataIndex: "park" },
                    { title: "镇街", dataIndex: "town" },
                    { title: "信用等级", dataIndex: "creditGrade" },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
