/** An enterprise in a drawer: its history (who changed which fields when). */
import { Drawer, Typography } from "antd";
import { useEffect, useState } from "react";
import { request } from "../../client.ts";
import type { ResultOf } from "../../graphql.ts";
import { EnterpriseDetail } from "../../operations/libraries.ts";
import { useAction } from "../../use-async.ts";
import { ChangeHistory } from "./change-history.tsx";

type Enterprise = NonNullable<ResultOf<typeof EnterpriseDetail>["enterprise"]>;

export function EnterpriseDrawer({ uscc, onClose }: { uscc: string | null; onClose: () => void }) {
  const [enterprise, setEnterprise] = useState<Enterprise | null>(null);
  const { run } = useAction();
  useEffect(() => {
    if (!uscc) return setEnterprise(null);
    void run(async () => setEnterprise((await request(EnterpriseDetail, { uscc })).enterprise ?? null));
  }, [run, uscc]);
  return (
    <Drawer open={uscc !== null} onClose={onClose} width={720} title={enterprise?.name ?? "企业"}>
      {enterprise && (
        <>
          <Typography.Paragraph>统一社会信用代码：{enterprise.uscc}</Typography.Paragraph>
          <Typography.Title level={5}>修改记录（{enterprise.history.totalCount}）</Typography.Title>
          <ChangeHistory changes={enterprise.history.edges.map((e) => e.node)} />
        </>
      )}
    </Drawer>
  );
}
