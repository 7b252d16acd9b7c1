import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Built assets are served by Django (whitenoise, STATICFILES_DIRS = [FRONTEND_DIST]) under /static/;
// Django serves index.html for every non-/api/, non-/admin/ path. FRONTEND_DIST (default dist)
// lets a check build and serve a copy of its own (scripts/lighthouse.sh).
const outDir = resolve(process.env.FRONTEND_DIST ?? 'dist');

// Writes name.gz and name.br beside every text asset, so that whitenoise serves them to browsers
// that accept them (`make run` and production alike; collectstatic keeps them). Files that do
// not shrink by a tenth are left alone.
function precompress(): Plugin {
  const text = /\.(js|mjs|css|html|svg|json|txt)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    name: 'innovasjonstorget:precompress',
    apply: 'build',
    closeBundle() {
      for (const path of walk(outDir).filter((p) => text.test(p))) {
        const raw = readFileSync(path);
        if (raw.length < 1024) continue;
        const gz = gzipSync(raw, { level: 9 });
        const br = brotliCompressSync(raw, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        if (gz.length < raw.length * 0.9) writeFileSync(`${path}.gz`, gz);
        if (br.length < raw.length * 0.9) writeFileSync(`${path}.br`, br);
      }
    },
  };
}

// index.html paints its frame and loading state with the stylesheet alone: the app's scripts
// are fetched at low priority, after the stylesheet, instead of competing with it.
function scriptsAfterStylesheet(): Plugin {
  return {
    name: 'innovasjonstorget:scripts-after-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/<script type="module" crossorigin /g, '<script type="module" fetchpriority="low" crossorigin ')
          .replace(/<link rel="modulepreload" crossorigin /g, '<link rel="modulepreload" fetchpriority="low" crossorigin '),
    },
  };
}

export default defineConfig({
  base: '/static/',
  plugins: [react(), scriptsAfterStylesheet(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
    manifest: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8000',
      '/admin': 'http://127.0.0.1:8000',
    },
  },
});
