import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The parser half of src/ingest is re-exported by the browser entry; only src/ingest/node may use Node.
const ingestDir = fileURLToPath(new URL('../../src/ingest/', import.meta.url));
const browserFiles = readdirSync(ingestDir).filter((f) => f.endsWith('.ts'));

describe('src/ingest outside node/ is browser-safe', () => {
  it('has files to check', () => {
    expect(browserFiles).toContain('article.ts');
  });

  it.each(browserFiles)('%s imports no node: module and nothing from ./node/', (file) => {
    const source = readFileSync(`${ingestDir}${file}`, 'utf8');
    expect(source).not.toMatch(/from\s+['"]node:|import\(\s*['"]node:|require\(/);
    expect(source).not.toMatch(/from\s+['"]\.\/node\//);
  });
});
