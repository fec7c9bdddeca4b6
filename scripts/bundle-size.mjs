#!/usr/bin/env node
/**
 * `npm run size`: the browser bundle budget.
 *
 * Bundles a small page that creates an index, adds documents and searches (importing the package
 * source, src/index.ts) with esbuild `--bundle --minify --format=esm`, gzips it at level 9 and
 * prints the size. Exits 1 when the gzipped size is above the budget, 12 KB (12,288 bytes), and
 * then lists the modules that take the space: bytes of minified output per input (esbuild
 * metafile), and each module's code gzipped on its own (an estimate of its share of the gzip size;
 * the column sums to more than the bundle, since gzip shares context across modules).
 *
 * Options: `--top N` lists the N biggest inputs (default 12; always listed when over budget),
 * `--verbose` lists them when under budget too.
 */
import { gzipSync, constants } from 'node:zlib';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

/** The budget in bytes, gzip -9 of the minified ESM bundle. */
const BUDGET = 12 * 1024;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 12;
const verbose = args.includes('--verbose');

/**
 * The page: what an application that only indexes and searches imports and calls. Its documents
 * and query come from outside (as they would from a fetch), so they do not count.
 */
const page = `
import { articlePreset, createIndex } from ${JSON.stringify(resolve(root, 'src/index.ts'))};
const index = createIndex({ ...articlePreset, store: ['title', 'category'] });
index.addAll(globalThis.articles ?? []);
for (const hit of index.search(globalThis.query ?? '', { limit: 10 })) console.log(hit.id, hit.score, hit.doc.title);
`;

const result = await build({
  stdin: { contents: page, loader: 'ts', resolveDir: root, sourcefile: 'size-page.ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  metafile: true,
  logLevel: 'error',
});

const output = result.outputFiles[0];
if (output === undefined) throw new Error('esbuild produced no output');
const minified = output.contents.byteLength;
const gzipped = gzipSync(output.contents, { level: constants.Z_BEST_COMPRESSION }).byteLength;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const over = gzipped > BUDGET;
console.log(`fahras browser bundle (create an index, add documents, search): ${minified} bytes minified, ` +
  `${gzipped} bytes gzip -9 (${kb(gzipped)}); budget ${BUDGET} bytes (${kb(BUDGET)}): ${over ? 'OVER BUDGET' : 'ok'}`);

/**
 * Each module's code in the bundle, minified and gzipped on its own: the same bundle without
 * whitespace minification keeps esbuild's `// path` comment before each module's code.
 */
async function gzipAlone() {
  const annotated = await build({
    stdin: { contents: page, loader: 'ts', resolveDir: root, sourcefile: 'size-page.ts' },
    bundle: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  });
  const parts = (annotated.outputFiles[0]?.text ?? '').split(/^\/\/ (\S+)$/m);
  const sizes = new Map();
  for (let i = 1; i < parts.length; i += 2) {
    const { code } = await transform(parts[i + 1] ?? '', { minify: true, loader: 'js' });
    sizes.set(relative(root, resolve(root, parts[i] ?? '')), gzipSync(code, { level: constants.Z_BEST_COMPRESSION }).byteLength);
  }
  return sizes;
}

if (over || verbose) {
  const alone = await gzipAlone();
  const inputs = Object.values(result.metafile.outputs)
    .flatMap((o) => Object.entries(o.inputs))
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path, input]) => ({ path: relative(root, resolve(root, path)), bytes: input.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  console.log(`\nbiggest inputs (${inputs.length} modules in all): minified bytes, share of the bundle, gzip -9 of the module alone`);
  for (const { path, bytes } of inputs.slice(0, top)) {
    const gz = alone.get(path);
    console.log(`  ${String(bytes).padStart(6)}  ${((100 * bytes) / minified).toFixed(1).padStart(5)}%  ${String(gz ?? '?').padStart(6)}  ${path}`);
  }
  const byDir = new Map();
  for (const { path, bytes } of inputs) {
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : path;
    const sum = byDir.get(dir) ?? { bytes: 0, gz: 0 };
    byDir.set(dir, { bytes: sum.bytes + bytes, gz: sum.gz + (alone.get(path) ?? 0) });
  }
  console.log('\nby folder: minified bytes, share, sum of gzip -9 alone');
  for (const [dir, { bytes, gz }] of [...byDir].sort((a, b) => b[1].bytes - a[1].bytes))
    console.log(`  ${String(bytes).padStart(6)}  ${((100 * bytes) / minified).toFixed(1).padStart(5)}%  ${String(gz).padStart(6)}  ${dir}`);
}
if (over) {
  console.error(`\nnpm run size: the bundle is ${gzipped - BUDGET} bytes over the ${BUDGET}-byte budget`);
  process.exit(1);
}
