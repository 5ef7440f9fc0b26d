// npm run build: every package's ESM and types, the self-contained bundles, and the JSON Schemas.
import { rmSync } from 'node:fs';
import { bin, runOrExit } from './run.mjs';

const packages = ['core', 'elements', 'server'];
for (const dir of [...packages.map((p) => `packages/${p}/dist`), 'dist']) rmSync(dir, { recursive: true, force: true });

runOrExit(bin('rollup'), ['-c', '--silent']);
for (const p of packages) runOrExit(bin('tsc'), ['-p', `packages/${p}/tsconfig.build.json`]);
runOrExit(process.execPath, ['scripts/write-json-schemas.mjs']);
// custom-elements.json from the JSDoc of the elements (cem writes next to the nearest package.json).
runOrExit(bin('cem'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--quiet'], { cwd: 'packages/elements' });
console.log('build: done');
