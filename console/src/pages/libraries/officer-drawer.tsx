/** An officer in a drawer: can they be dispatched on a day for some domains, and if not why; their history. */
import { Alert, DatePicker, Descriptions, Drawer, Select, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { request } from "../../client.ts";
import type { ResultOf } from "../../graphql.ts";
import { OfficerDetail } from "../../operations/libraries.ts";
import { useAction } from "../../use-async.ts";
import { useDomains } from "../../use-domains.ts";
import { ChangeHistory } from "./change-history.tsx";
import { NOT_DISPATCHABLE_TEXT, OFFICER_STATUS_TEXT, textOf } from "./library-words.ts";

type Officer = NonNullable<ResultOf<typeof OfficerDetail>["officer"]>;

export function OfficerDrawer({
  certificateNumber,
  onClose,
}: {
  certificateNumber: string | null;
  onClose: () => void;
}) {
  const [officer, setOfficer] = useState<Officer | null>(null);
  const { domains, domainName } = useDomains();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [needed, setNeeded] = useState<string[]>([]);
  const { run } = useAction();
  useEffect(() => {
    if (!certificateNumber) return setOfficer(null);
    void run(async () => {
      const variables = { certificateNumber, asOf: asOf?.format("YYYY-MM-DD"), domains: needed };
      setOfficer((await request(OfficerDetail, variables)).officer ?? null);
    });
  }, [run, certificateNumber, asOf, needed]);
  const verdict = officer?.dispatchability;
  return (
    <Drawer open={certificateNumber !== null} onClose={onClose} width={720} title={officer?.name ?? "执法人员"}>
      {officer && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="执法证号">{officer.certificateNumber}</Descriptions.Item>
            <Descriptions.Item label="状态">{textOf(OFFICER_STATUS_TEXT, officer.status)}</Descriptions.Item>
            <Descriptions.Item label="执法证有效期">
              {officer.certificateValidFrom ?? "未知"} 至 {officer.certificateValidTo ?? "未知"}
            </Descriptions.Item>
            <Descriptions.Item label="执法领域">
              {officer.qualifiedDomains.map(domainName).join("、")}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>能否派单</Typography.Title>
          <Space wrap style={{ marginBottom: 12 }}>
            <DatePicker placeholder="派单日期（默认今天）" value={asOf} onChange={setAsOf} />
            <Select
              mode="multiple"
              allowClear
              style={{ minWidth: 240 }}
              placeholder="任务所需执法领域"
              value={needed}
              onChange={setNeeded}
              options={domains.map((d) => ({ value: d.code, label: d.name }))}
            />
          </Space>
          {verdict && (
            <Alert
              className="dispatchability"
              type={verdict.dispatchable ? "success" : "warning"}
              message={verdict.dispatchable ? "可以派单" : "不能派单"}
              description={
                verdict.dispatchable ? undefined : (
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {verdict.reasonCodes.map((code, i) => (
                      <li key={code}>
                        {textOf(NOT_DISPATCHABLE_TEXT, code)}
                        <Typography.Text type="secondary">（{verdict.reasons[i]}）</Typography.Text>
                      </li>
                    ))}
                  </ul>
                )
              }
              style={{ marginBottom: 16 }}
            />
          )}
          <Typography.Title level={5}>修改记录（{officer.history.totalCount}）</Typography.Title>
          <ChangeHistory changes={officer.history.edges.map((e) => e.node)} />
        </>
      )}
    </Drawer>
  );
}
