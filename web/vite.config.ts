// The web UI's build: React, output in web/dist, the graph and map views split into chunks loaded on demand.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 700 },
  // `vite --config web/vite.config.ts` for UI work against a running `npm start`.
  server: { proxy: { '/api': 'http://127.0.0.1:4173' } },
});
