/**
 * The signed-in session: a DPoP-bound 管委会 token in sessionStorage (gone when the tab closes), its key in
 * IndexedDB (./dpop.ts). Development: the gateway's sign-in page mints one (never in production). Production:
 * the committee's OpenID Connect issuer (./oidc.ts, docs/console.md).
 */
import { dpopKey } from "./dpop.ts";

const TOKEN = "gaozhu-console-token";

export interface ConsoleSettings {
  signIn: "development" | "oidc" | "none";
  oidc: { issuer: string; clientId: string; scope: string } | null;
}

export async function consoleSettings(): Promise<ConsoleSettings> {
  const response = await fetch("/console/config.json");
  return (await response.json()) as ConsoleSettings;
}

export const currentToken = (): string | null => sessionStorage.getItem(TOKEN);
export const saveToken = (token: string) => sessionStorage.setItem(TOKEN, token);
export const signOut = () => sessionStorage.removeItem(TOKEN);

/** development only: the gateway signs a gz token bound to this browser's key */
export async function developmentSignIn(name: string): Promise<void> {
  const { thumbprint } = await dpopKey();
  const response = await fetch("/console/sign-in/development", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jkt: thumbprint, name }),
  });
  if (!response.ok) throw new Error(`开发环境登录失败（${response.status}）`);
  const { token } = (await response.json()) as { token: string };
  saveToken(token);
}
