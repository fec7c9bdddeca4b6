/**
 * Each adapter entry bundles to the analysis chain plus a few lines: no fahras index, no peer
 * engine (the adapters import engine types only). Bundled with esbuild, as an application would.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const esbuild = join(root, 'node_modules/.bin/esbuild');
const work = mkdtempSync(join(tmpdir(), 'fahras-adapter-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Loose ceiling (bytes, minified) on an adapter bundle: the analysis chain is most of it. */
const MAX_BUNDLE_BYTES = 64 * 1024;

interface Metafile {
  inputs: Record<string, unknown>;
}

const adapters = [
  { entry: 'flexsearch', symbol: 'fahrasEncoder' },
  { entry: 'minisearch', symbol: 'fahrasMiniSearch' },
  { entry: 'orama', symbol: 'fahrasTokenizer' },
] as const;

describe('adapter bundles', () => {
  for (const { entry, symbol } of adapters) {
    it(`fahras/${entry} bundles only src/adapters, src/analysis and src/errors.ts, under ${MAX_BUNDLE_BYTES} bytes`, () => {
      const app = join(work, `${entry}-app.ts`);
      const out = join(work, `${entry}.js`);
      const meta = join(work, `${entry}.meta.json`);
      const source = join(root, 'src/adapters', `${entry}.ts`);
      writeFileSync(app, `import { ${symbol} } from ${JSON.stringify(source)};\nconsole.log(${symbol}());\n`);
      execFileSync(esbuild, [app, '--bundle', '--minify', '--format=esm', '--platform=neutral',
        `--outfile=${out}`, `--metafile=${meta}`, '--log-level=error'], { cwd: root });

      const inputs = Object.keys((JSON.parse(readFileSync(meta, 'utf8')) as Metafile).inputs)
        .map((p) => relative(root, resolve(root, p)))
        .filter((p) => !p.startsWith('..'));
      expect(inputs.length).toBeGreaterThan(1);
      for (const input of inputs) expect(input).toMatch(/^src\/((adapters|analysis)\/|errors\.ts$)/);

      const code = readFileSync(out, 'utf8');
      expect(code).not.toContain('createIndex');
      expect(code).not.toMatch(/flexsearch|minisearch|@orama/i);
      expect(Buffer.byteLength(code)).toBeLessThan(MAX_BUNDLE_BYTES);
    });
  }
});
