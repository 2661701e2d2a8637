import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';

// Entries: the shell's CSS and JS plus one script per page in resources/js/pages/ (e.g. the
// dashboard's chart), which a page adds with <x-vite-assets :entries="[...]"> in its `head` stack.
const pages = readdirSync('resources/js/pages').filter((f) => f.endsWith('.js')).map((f) => `resources/js/pages/${f}`);

export default defineConfig({
  base: '/admin/build/',
  publicDir: false,
  build: {
    // `npm run build` writes public/build.next and swaps it in (scripts/swap-build.mjs)
    outDir: 'public/build',
    emptyOutDir: true,
    manifest: true,
    rollupOptions: { input: ['resources/css/app.css', 'resources/js/app.js', ...pages] },
  },
});
