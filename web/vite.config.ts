import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The server serves dist/web with an SPA fallback at the same origin, so the app calls /api
// relatively; in development Vite proxies those calls to the server on port 3000.
export default defineConfig({
  root,
  plugins: [react()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // A feature is entered through its index.ts, which re-exports what other features use: the
    // features' own files have no side effects, so what a chunk does not use of an index is left
    // out of it (else the first page would download every re-exported component).
    rollupOptions: { treeshake: { moduleSideEffects: (id: string) => !/[\\/]web[\\/]src[\\/]features[\\/].*\.tsx?$/.test(id) } },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.APRES_API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
