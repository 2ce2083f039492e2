/** The console's frame: sign-in first, then the pages in the committee's order of work. */
import { Button, Layout, Menu, Result, Spin } from "antd";
import { lazy, Suspense, useEffect, useState } from "react";
import { Navigate, Route, Routes, useLocation, useNavigate } from "react-router";
import { finishOidcSignIn } from "./auth/oidc.ts";
import { type ConsoleSettings, consoleSettings, currentToken, signOut } from "./auth/session.ts";
import { SignInPage } from "./pages/sign-in-page.tsx";

// each page its own chunk: the first page loads without the others' code (vite.config.ts)
const DispatchPage = lazy(() => import("./pages/dispatch-page.tsx").then((m) => ({ default: m.DispatchPage })));
const SyncPage = lazy(() => import("./pages/sync-page.tsx").then((m) => ({ default: m.SyncPage })));
const WarningsPage = lazy(() => import("./pages/warnings-page.tsx").then((m) => ({ default: m.WarningsPage })));
const SupervisionPage = lazy(() =>
  import("./pages/supervision-page.tsx").then((m) => ({ default: m.SupervisionPage })),
);
const CatalogPage = lazy(() => import("./pages/catalog-page.tsx").then((m) => ({ default: m.CatalogPage })));
const LibrariesPage = lazy(() => import("./pages/libraries/index.tsx").then((m) => ({ default: m.LibrariesPage })));
const AuditPage = lazy(() => import("./pages/audit-page.tsx").then((m) => ({ default: m.AuditPage })));

const PAGES = [
  { path: "/dispatch", label: "调度台", element: <DispatchPage /> },
  { path: "/sync", label: "同步状态", element: <SyncPage /> },
  { path: "/warnings", label: "监督预警", element: <WarningsPage /> },
  { path: "/supervision", label: "监督指标", element: <SupervisionPage /> },
  { path: "/catalog", label: "事项与基准", element: <CatalogPage /> },
  { path: "/libraries", label: "人员与企业库", element: <LibrariesPage /> },
  { path: "/audit", label: "审计", element: <AuditPage /> },
];

export function ConsoleApp() {
  const [settings, setSettings] = useState<ConsoleSettings | null>(null);
  const [signedIn, setSignedIn] = useState(currentToken() !== null);
  const [problem, setProblem] = useState<string | null>(null);
  const location = useLocation();
  const navigate = useNavigate();

  useEffect(() => {
    consoleSettings()
      .then(async (loaded) => {
        setSettings(loaded);
        if (window.location.pathname === "/console/callback" && loaded.oidc) {
          await finishOidcSignIn(loaded.oidc);
          setSignedIn(true);
          navigate("/dispatch", { replace: true });
        }
      })
      .catch((error: unknown) => setProblem(String(error)));
  }, [navigate]);

  if (problem) return <Result status="error" title="控制台无法启动" subTitle={problem} />;
  if (!settings) return <Spin style={{ margin: 48 }} />;
  if (!signedIn) return <SignInPage settings={settings} onSignedIn={() => setSignedIn(true)} />;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header style={{ display: "flex", alignItems: "center", gap: 16 }}>
        <div style={{ color: "#fff", whiteSpace: "nowrap" }}>高竹新区联合执法调度</div>
        <Menu
          theme="dark"
          mode="horizontal"
          style={{ flex: 1, minWidth: 0 }}
          selectedKeys={[location.pathname]}
          items={PAGES.map((p) => ({ key: p.path, label: p.label }))}
          onClick={({ key }) => navigate(key)}
        />
        <Button
          onClick={() => {
            signOut();
            setSignedIn(false);
          }}
        >
          退出
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <Suspense fallback={<Spin style={{ margin: 48 }} />}>
          <Routes>
            {PAGES.map((p) => (
              <Route key={p.path} path={p.path} element={p.element} />
            ))}
            <Route path="*" element={<Navigate to="/dispatch" replace />} />
          </Routes>
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
