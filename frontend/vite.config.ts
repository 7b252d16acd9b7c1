import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built assets are served by Django (whitenoise, STATICFILES_DIRS = [frontend/dist]) under /static/;
// Django serves dist/index.html for every non-/api/, non-/admin/ path.
export default defineConfig({
  base: '/static/',
  plugins: [react()],
  build: {
    outDir: 'dist',
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
