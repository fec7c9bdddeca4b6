import { defineConfig } from 'tsup';

export default defineConfig([
  {
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
    // Keep the CLI's files: the two configs build concurrently.
    clean: ['!cli.js', '!cli.js.map'],
    treeshake: true,
    target: 'es2022',
    platform: 'neutral',
  },
  // The `fahras` command line: one self-contained ESM file for Node with a shebang (the package's
  // bin). A separate config, so the banner goes on this entry only.
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    external: [/^node:/],
    sourcemap: true,
    dts: false,
    splitting: false,
    clean: false,
  },
]);
