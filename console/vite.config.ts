/** The console's build: served by the gateway at /console/, every asset local (no CDN, no outside font). */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  base: "/console/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: { proxy: { "/graphql": "http://127.0.0.1:4000", "/console/sign-in": "http://127.0.0.1:4000" } },
});
