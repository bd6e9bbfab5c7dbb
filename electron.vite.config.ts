import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

/**
 * One build for every host. The main-process build has three entries so the same engine runs in
 * Electron (index.js) and under plain Node (cli.js), with the delivery worker as its own file.
 * Runtime dependencies (better-sqlite3, undici, fastify, pino) stay external: electron-vite
 * externalizes exactly `dependencies`.
 */
export default defineConfig({
  main: {
    build: {
      target: 'node20',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts'),
          'delivery-worker': resolve(__dirname, 'src/core/delivery/worker-entry.ts'),
          'search-worker': resolve(__dirname, 'src/core/search/search-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // The same bundle is served over HTTP by `serve`: keep it small.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
})
