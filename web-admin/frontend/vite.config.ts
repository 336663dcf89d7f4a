// Builds the console into the web-admin bundle's classes (web/), hashed assets under web/assets/, each text file
// also gzip-compressed beside it (name.gz) for the server to send to browsers that accept gzip.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const OUT_DIR = '../target/classes/web';
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

function precompress(): Plugin {
  return {
    name: 'deckhand-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
      for (const file of walk(OUT_DIR)) {
        if (COMPRESSIBLE.test(file)) {
          writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
        }
      }
    },
  };
}

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
  },
  plugins: [precompress()],
  server: {
    proxy: { '/api': process.env.DECKHAND_URL ?? 'http://localhost:8750' },
  },
});
