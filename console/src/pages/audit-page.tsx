/** 审计: the trail and the hash-chain check (needs audit:read). */
import { Alert, Button, Card, Table } from "antd";
import { useEffect, useState } from "react";
import { request } from "../client.ts";
import type { ResultOf } from "../graphql.ts";
import { AuditTrail, VerifyAudit } from "../operations/audit.ts";
import { useAction } from "../use-async.ts";

type Entry = ResultOf<typeof AuditTrail>["auditTrail"]["edges"][number]["node"];
type Check = ResultOf<typeof VerifyAudit>["verifyAudit"];

export function AuditPage() {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [check, setCheck] = useState<Check | null>(null);
  const { busy, run } = useAction();
  useEffect(
    () => void run(async () => setEntries((await request(AuditTrail, {})).auditTrail.edges.map((e) => e.node))),
    [run],
  );
  return (
    <Card
      title="审计"
      extra={
        <Button loading={busy} onClick={() => run(async () => setCheck((await request(VerifyAudit)).verifyAudit))}>
          校验审计链
        </Button>
      }
    >
      {check && (
        <Alert
          style={{ marginBottom: 16 }}
          type={check.ok ? "success" : "error"}
          message={
            check.ok
              ? `审计链完整：已校验 ${check.checked} 条，链头 ${check.headSeq ?? "—"} ${check.headHash ?? ""}`
              : `审计链在第 ${check.firstBrokenSeq} 条处断开：${check.reason}`
          }
        />
      )}
      <Table
        size="small"
        rowKey="seq"
        scroll={{ x: true }}
        dataSource={entries}
        columns={[
          { title: "序号", dataIndex: "seq" },
          { title: "时间", dataIndex: "at" },
          { title: "调用方", dataIndex: "issuer" },
          { title: "类型", dataIndex: "operationType" },
          { title: "操作", dataIndex: "operationName" },
          { title: "结果", dataIndex: "outcome" },
          { title: "错误码", dataIndex: "errorCode" },
        ]}
      />
    </Card>
  );
}
