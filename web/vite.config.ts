import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

/** The SPA: built into web/dist, which the Fastify server serves at `/` (src/server/web.ts). */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: true,
    manifest: true,
  },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:8080' } },
});
