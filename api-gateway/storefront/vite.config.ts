import { defineConfig } from 'vite';

// Static build for nginx: hashed file names under /assets/ (cached for a year), index.html revalidated.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: 'assets',
    sourcemap: false,
  },
});
