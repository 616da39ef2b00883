import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

/**
 * The API server the dev and preview servers forward /api to: the Fastify app on its default
 * port, or GLIA_API_URL (e.g. http://127.0.0.1:3999). In production the server serves dist/ itself.
 */
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, '.', '');
  const apiTarget = env.GLIA_API_URL || 'http://127.0.0.1:3000';
  const proxy = { '/api': { target: apiTarget, changeOrigin: false } };
  return {
    plugins: [react()],
    server: { port: 5173, strictPort: true, proxy },
    preview: { port: 4173, strictPort: true, proxy },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      chunkSizeWarningLimit: 1500,
    },
  };
});
