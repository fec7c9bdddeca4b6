/**
 * The main entry (src/index.ts) is browser-safe: bundled for the browser with esbuild, as a page
 * would bundle it, it reaches no `node:` module and no Node global (Buffer, process, require), and
 * a page that only indexes and searches does not pull in the ingest parser, adapters or CLI.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'fahras-browser-entry-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Bundles `source` (an entry module's text) for the browser; node: imports are kept external so they show up in the metafile. */
async function bundle(name: string, source: string): Promise<{ code: string; metafile: Metafile }> {
  const entry = join(work, `${name}.ts`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    external: ['node:*'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { code, metafile: result.metafile };
}

/** Every import of a bundled module, with the importing file relative to the repo. */
function imports(metafile: Metafile): { from: string; path: string }[] {
  return Object.entries(metafile.inputs).flatMap(([file, input]) =>
    input.imports.map((i) => ({ from: relative(root, resolve(root, file)), path: i.path })),
  );
}

/** Repo files reached by the bundle (tree-shaken ones included). */
function repoInputs(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs)
    .map((p) => relative(root, resolve(root, p)))
    .filter((p) => !p.startsWith('..'));
}

/** Repo files that contribute code to the bundle (after tree-shaking). */
function bundledInputs(metafile: Metafile): string[] {
  return Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([p]) => relative(root, resolve(root, p)))
      .filter((p) => !p.startsWith('..')),
  );
}

function nodeImports(metafile: Metafile): { from: string; path: string }[] {
  return imports(metafile).filter((i) => i.path.startsWith('node:'));
}

const mainEntry = JSON.stringify(join(root, 'src/index.ts'));

describe('the main entry in a browser bundle', () => {
  it('imports no node: module, directly or through any module it reaches', async () => {
    // `export *` keeps every module of the entry reachable (nothing is tree-shaken away).
    const { metafile } = await bundle('everything', `export * from ${mainEntry};\n`);
    expect(repoInputs(metafile)).toContain('src/engine.ts');
    expect(nodeImports(metafile)).toEqual([]);
  });

  it('(control) the check does see a node: import reached through a re-export', async () => {
    writeFileSync(join(work, 'uses-fs.ts'), `import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n`);
    const { metafile } = await bundle('control', `export * from ${mainEntry};\nexport * from './uses-fs.js';\n`);
    expect(nodeImports(metafile).map((i) => i.path)).toEqual(['node:fs']);
  });

  it('uses no Node global (Buffer, process, require, __dirname)', async () => {
    const { code } = await bundle('globals', `export * from ${mainEntry};\n`);
    expect(code.length).toBeGreaterThan(10_000);
    expect(code).not.toMatch(/\bBuffer\s*[.(]|\bprocess\s*\.|\brequire\s*\(|__dirname|__filename/);
  });

  it('a page that indexes and searches bundles no ingest parser, adapter, CLI or node entry', async () => {
    const page = [
      `import { createIndex, articlePreset } from ${mainEntry};`,
      `const index = createIndex({ ...articlePreset, store: ['title'] });`,
      `index.add({ id: 'a', title: 'الحكومة', category: 'سياسة', body: 'أعلن' });`,
      `console.log(index.search('الحكومه'));`,
    ].join('\n');
    const { metafile } = await bundle('page', page);
    const inputs = bundledInputs(metafile);
    expect(inputs).toContain('src/engine.ts');
    expect(inputs.filter((p) => /^src\/(ingest|adapters|cli)\/|^src\/node\.ts$/.test(p))).toEqual([]);
  });
});
