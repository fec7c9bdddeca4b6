#!/usr/bin/env node
/**
 * `npm run demo:web`: builds the demo page (examples/web) with esbuild into a temporary folder and
 * serves it on localhost with node:http (no dependency). Prints the URL.
 *
 *   node scripts/serve.mjs [--port 4173] [--host 127.0.0.1]     (--port 0: a free port)
 *
 * Also a module: the browser tests import `buildDemo` and `serveDirectory`.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const web = join(root, 'examples/web');

/** Files of examples/web copied as they are. */
const STATIC_FILES = ['index.html', 'worker.html', 'style.css'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.bin': 'application/octet-stream',
  '.fahras': 'application/octet-stream',
};

/**
 * Saves the index of the sample with examples/web/save-sample.ts (bundled for Node and imported
 * from memory, so no build of the package is needed).
 * @param {unknown[]} articles
 * @returns {Promise<Uint8Array>}
 */
async function saveSample(articles) {
  const bundled = await build({
    entryPoints: [join(web, 'save-sample.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'error',
  });
  const code = bundled.outputFiles[0]?.text ?? '';
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return module.saveSample(articles);
}

/**
 * Builds the demo pages into `outDir` (a new temporary folder when omitted): index.html with
 * app.js (the search page, fahras bundled from src/ as ESM), worker.html with worker-page.js and
 * worker.js (the index in a Web Worker), style.css, sample-articles.json, and sample.fahras (the
 * sample's index saved with `index.export()`, which the worker loads).
 * @param {string} [outDir]
 * @returns {Promise<string>} the folder
 */
export async function buildDemo(outDir = mkdtempSync(join(tmpdir(), 'fahras-web-'))) {
  await build({
    entryPoints: {
      app: join(web, 'app.ts'),
      'worker-page': join(web, 'worker-page.ts'),
      worker: join(web, 'worker.ts'),
    },
    outdir: outDir,
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  });
  for (const file of STATIC_FILES) copyFileSync(join(web, file), join(outDir, file));
  const sample = join(root, 'data/sample-articles.json');
  copyFileSync(sample, join(outDir, 'sample-articles.json'));
  writeFileSync(join(outDir, 'sample.fahras'), await saveSample(JSON.parse(readFileSync(sample, 'utf8'))));
  return outDir;
}

/**
 * Serves the files of `dir` (GET and HEAD; `/` is index.html) on `host`:`port`.
 * @param {string} dir
 * @param {{ host?: string, port?: number }} [options] host default 127.0.0.1; port default 0 (a free port)
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveDirectory(dir, { host = '127.0.0.1', port = 0 } = {}) {
  const base = resolve(dir);
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = resolve(base, `.${pathname}`);
    if (!file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    let body;
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      body = readFileSync(file);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': body.byteLength,
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      resolvePromise({
        url: `http://${host}:${actual}/`,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

/** The value after `--name` on the command line, or `fallback`. */
function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(option('port', '4173'));
  const host = option('host', '127.0.0.1');
  const dir = await buildDemo();
  const { url, close } = await serveDirectory(dir, { host, port });
  console.log(`fahras demo page: ${url}  (the index in a Web Worker: ${url}worker.html)`);
  console.log(`built into ${dir}; Ctrl+C to stop`);
  const stop = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
