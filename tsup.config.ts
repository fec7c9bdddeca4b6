import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    flexsearch: 'src/adapters/flexsearch.ts',
    minisearch: 'src/adapters/minisearch.ts',
    orama: 'src/adapters/orama.ts',
    node: 'src/node.ts',
  },
  // Shared chunks, so FahrasError is one class across entries (instanceof works in CJS too).
  splitting: true,
  external: [/^node:/],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
});
