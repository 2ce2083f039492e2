/**
 * GraphiQL on an intranet: every asset from the gateway itself (no request leaves 127.0.0.1), the example
 * operations in the editor on a first visit, and a token saved by an earlier run replaced by this run's.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_MISSING, browserAvailable, expectNoBrowserProblems, useBrowser } from "../support/browser.ts";
import { type LiveGateway, startLiveGateway } from "../support/live-gateway.ts";

describe.skipIf(!browserAvailable)(
  browserAvailable ? "GraphiQL offline" : `GraphiQL offline: ${BROWSER_MISSING}`,
  () => {
    const browser = useBrowser();
    let live: LiveGateway;
    beforeAll(async () => {
      live = await startLiveGateway({ NODE_ENV: "development" }, { graphiqlToken: true });
    });
    afterAll(() => live?.dispose());

    it("shows the example operations and answers them, with no request leaving the machine", async () => {
      const page = await browser.current.newPage();
      await page.goto(`${live.url}/graphql`);
      await expect.poll(() => editorText(page), { timeout: 20_000 }).toContain("query Domains");
      expect(await editorText(page)).not.toContain("Welcome to");
      // run the first operation: the development token answers it
      await page.locator(".graphiql-execute-button").click();
      await page.getByRole("menuitem", { name: "Domains", exact: true }).click();
      await expect
        .poll(() => page.locator(".graphiql-response").innerText(), { timeout: 15_000 })
        .toContain("itemCount");
      expectNoBrowserProblems(browser.current);
    });

    it("replaces a token saved by an earlier run with this run's", async () => {
      const page = await browser.current.newPage();
      await page.goto(`${live.url}/graphiql/assets/graphiql.css`);
      await page.evaluate(() => {
        localStorage.setItem("graphiql:headers", '{ "Authorization": "Bearer stale.token.from-yesterday" }');
      });
      await page.goto(`${live.url}/graphql`);
      await expect.poll(() => editorText(page), { timeout: 20_000 }).toContain("query Domains");
      const saved = await page.evaluate(() => localStorage.getItem("graphiql:headers"));
      expect(saved).not.toContain("stale.token");
      expect(saved).toContain(live.graphiqlToken);
      expectNoBrowserProblems(browser.current);
    });
  },
);

/** what the query editor shows (monaco renders spaces as no-break spaces) */
const editorText = async (page: Page) =>
  (await page.locator(".graphiql-query-editor").innerText()).replace(/\u00a0/g, " ");
