/** 人员与企业库: officers (dispatchability, history), enterprises (history), certificates about to expire. */
import { Card, Tabs } from "antd";
import { EnterprisesTab } from "./enterprises-tab.tsx";
import { ExpiringTab } from "./expiring-tab.tsx";
import { OfficersTab } from "./officers-tab.tsx";

export function LibrariesPage() {
  return (
    <Card title="人员与企业库">
      <Tabs
        items={[
          { key: "officers", label: "执法人员", children: <OfficersTab /> },
          { key: "enterprises", label: "企业", children: <EnterprisesTab /> },
          { key: "expiring", label: "执法证即将到期", children: <ExpiringTab /> },
        ]}
      />
    </Card>
  );
}
