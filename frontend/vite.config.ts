/// <reference types="vitest/config" />
// Builds the web UI into the Django app that serves it (stockvis/web/static/ui), so `make run`
// needs no Node.js; the dev server proxies the API and WebSockets to a running `stockvis serve`.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const backend = process.env.STOCKVIS_BACKEND ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  base: "/static/ui/",
  build: {
    outDir: process.env.UI_OUT_DIR ?? "../stockvis/web/static/ui",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: {
      "/api": backend,
      "/ws": { target: backend, ws: true },
      "/healthz": backend,
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    css: false,
  },
});
