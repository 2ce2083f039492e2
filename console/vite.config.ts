/**
 * The console's build: served by the gateway at /console/, every asset local (no CDN, no outside font).
 * Split so the first page loads less: each page is its own chunk (React.lazy in console-app.tsx), and the
 * libraries every page shares are long-lived vendor chunks — React, Ant Design — that a browser keeps cached
 * across console releases. Sizes in docs/console.md.
 */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const vendor = (packages: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${packages})[\\\\/]`);

export default defineConfig({
  root: import.meta.dirname,
  base: "/console/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Ant Design's vendor chunk is ~1,030 kB (docs/console.md): expected, and cached across releases
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "react-vendor", test: vendor("react|react-dom|react-router|scheduler"), priority: 2 },
            {
              name: "antd-vendor",
              test: vendor("antd|@ant-design|@rc-component|rc-[\\w-]+|dayjs|@babel"),
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { "/graphql": "http://127.0.0.1:4000", "/console/sign-in": "http://127.0.0.1:4000" } },
});
