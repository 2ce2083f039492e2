/**
 * Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) for the browser tests, set up the
 * way the gateway's users are: on an intranet. Every request to a host other than 127.0.0.1/localhost is
 * aborted and counted as a failure, and so is every failed request and every console error or uncaught
 * script error: `browser.problems()` must stay empty. One browser per test file; pages are cheap.
 *
 * On a failed test `keepScreenshots` saves each open page under test-results/browser/ (git-ignored).
 * When chromium is not installed (`.ci/run` installs it from Debian) the tests are skipped with
 * `BROWSER_MISSING` as the reason.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const browserAvailable = existsSync(CHROMIUM_PATH);
export const BROWSER_MISSING = `${CHROMIUM_PATH} is missing: install Debian's chromium and fonts-noto-cjk (.ci/run does) to run the browser tests`;
export const SCREENSHOT_DIR = path.resolve("test-results/browser");

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface TestBrowser {
  /** a page in a fresh context (own storage), or one sized like a phone */
  newPage(options?: { phone?: boolean }): Promise<Page>;
  /** blocked, failed requests and console/script errors since launch (or the last `clearProblems`) */
  problems(): string[];
  clearProblems(): void;
  /** screenshots of every open page, named after the test */
  keepScreenshots(testName: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  // playwright gives every launch a fresh temporary --user-data-dir (removed on close): no state carries over
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  let problems: string[] = [];
  const contexts: BrowserContext[] = [];

  async function watch(context: BrowserContext) {
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === "data:" || url.protocol === "blob:" || LOCAL_HOSTS.has(url.hostname)) {
        return route.continue();
      }
      problems.push(`blocked request to another host: ${url.href}`);
      return route.abort("blockedbyclient");
    });
    context.on("requestfailed", (request) => {
      const failure = request.failure()?.errorText ?? "failed";
      // the browser cancelled it (the page navigated away, a stream closed): the server did not fail. Blocked
      // hosts are reported above; a server that drops a request shows as ERR_EMPTY_RESPONSE, ERR_CONNECTION_*
      if (failure === "net::ERR_ABORTED") return;
      problems.push(`request failed (${failure}): ${request.method()} ${request.url()}`);
    });
    context.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    context.on("weberror", (error) => problems.push(`script error: ${error.error().message}`));
  }

  return {
    async newPage(options = {}) {
      const context = await browser.newContext({
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
        ...(options.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
      });
      contexts.push(context);
      await watch(context);
      // fail within the test's time instead of waiting forever for an element that never comes
      context.setDefaultTimeout(10_000);
      return context.newPage();
    },
    problems: () => [...problems],
    clearProblems() {
      problems = [];
    },
    async keepScreenshots(testName) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const saved: string[] = [];
      const slug = testName.replace(/[^\w\u4e00-\u9fff-]+/g, "-").slice(0, 80);
      for (const [c, context] of contexts.entries()) {
        for (const [p, page] of context.pages().entries()) {
          const file = path.join(SCREENSHOT_DIR, `${slug}-${c}-${p}.png`);
          await page.screenshot({ path: file, fullPage: true }).catch(() => {});
          saved.push(file);
        }
      }
      return saved;
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * One browser for the calling test file: launched before its tests, closed after them; a screenshot of every
 * open page when a test fails; and each test fails when a request left the machine or failed, or a script
 * logged an error. Use with `describe.skipIf(!browserAvailable)`.
 */
export function useBrowser(): { readonly current: TestBrowser } {
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async (context) => {
    if (!browser) return;
    if (context.task.result?.state === "fail") {
      const files = await browser.keepScreenshots(context.task.name);
      console.error(`screenshots kept: ${files.join(", ")}`);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get current() {
      if (!browser) throw new Error("the browser is not launched yet");
      return browser;
    },
  };
}

/** Fails the test when the browser saw a blocked or failed request or a script error. */
export function expectNoBrowserProblems(browser: TestBrowser) {
  expect(browser.problems()).toEqual([]);
}
