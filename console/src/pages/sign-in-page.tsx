/** 登录: development — the gateway signs a 管委会 token for this browser's key; production — the OIDC issuer. */
import { Alert, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { startOidcSignIn } from "../auth/oidc.ts";
import { type ConsoleSettings, developmentSignIn } from "../auth/session.ts";

export function SignInPage({ settings, onSignedIn }: { settings: ConsoleSettings; onSignedIn: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ maxWidth: 420, margin: "64px auto", padding: 16 }}>
      <Card title="高竹新区联合执法调度控制台 · 登录">
        {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
        {settings.signIn === "development" && (
          <Form
            layout="vertical"
            onFinish={(v: { name: string }) =>
              run(async () => {
                await developmentSignIn(v.name || "dev");
                onSignedIn();
              })
            }
          >
            <Alert
              type="warning"
              message="开发环境登录：网关直接签发管委会令牌（生产环境没有此入口）"
              style={{ marginBottom: 16 }}
            />
            <Form.Item label="您的名字（写入审计记录）" name="name" initialValue="dev">
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              以管委会身份登录
            </Button>
          </Form>
        )}
        {settings.signIn === "oidc" && settings.oidc && (
          <Button type="primary" loading={busy} block onClick={() => run(() => startOidcSignIn(settings.oidc!))}>
            通过统一身份认证登录
          </Button>
        )}
        {settings.signIn === "none" && (
          <Alert
            type="error"
            message="未配置登录方式：请设置 CONSOLE_OIDC_ISSUER 与 CONSOLE_OIDC_CLIENT_ID（见 docs/console.md）"
          />
        )}
      </Card>
    </div>
  );
}
