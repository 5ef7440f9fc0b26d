// Two kinds of output: per-package ESM for npm (dependencies left as imports, readable), and
// self-contained minified bundles in dist/ for a <script type="module"> and for the size budget.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

const extensions = ['.ts', '.mjs', '.js'];
// Bundles read our packages' sources (the "source" condition): one tree-shaking pass over
// everything, rather than over another build's output.
const plugins = (conditions = []) => [
  nodeResolve({ extensions, browser: true, exportConditions: conditions }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json' }),
];

// zod's sources carry annotations and import cycles that rollup reports but handles well.
function onwarn(warning, warn) {
  if (warning.code === 'INVALID_ANNOTATION' || warning.code === 'CIRCULAR_DEPENDENCY') return;
  warn(warning);
}

function packageBuild(dir, input, external) {
  return {
    input,
    external: (id) => id.startsWith('node:') || external.some((dep) => id === dep || id.startsWith(`${dep}/`) || (dep.endsWith('/') && id.startsWith(dep))),
    plugins: plugins(),
    onwarn,
    output: { dir: `packages/${dir}/dist`, format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
  };
}

/**
 * A minified bundle in dist/: `name.min.js`, everything inlined, or with `parts` a first script
 * `name.min.js` that fetches its later parts (its dynamic imports) from `name-parts/`.
 */
function bundle(name, input, { parts = false } = {}) {
  return {
    input,
    // Lit's html`` and css`` strings are minified too: terser leaves template literals alone.
    // ASCII only: Chinese text survives a CDN that serves the script without charset=utf-8.
    plugins: [...plugins(['source']), minifyTemplateLiterals(), terser({ ecma: 2022, module: true, format: { comments: false, ascii_only: true } })],
    onwarn,
    // The parts import what they share from the first script itself (no extra file to fetch first).
    preserveEntrySignatures: parts ? 'allow-extension' : 'exports-only',
    output: parts
      ? { dir: 'dist', entryFileNames: `${name}.min.js`, chunkFileNames: `${name}-parts/[name]-[hash].js`, format: 'es', sourcemap: true }
      : { file: `dist/${name}.min.js`, format: 'es', sourcemap: true, inlineDynamicImports: true },
  };
}

const coreEntries = ['index', 'i18n/index', 'i18n/steps', 'memory', 'presets', 'insights/index', 'intent/index', 'delivery', 'lint'];

export default [
  packageBuild(
    'core',
    Object.fromEntries(coreEntries.map((entry) => [entry.replace('/index', ''), `packages/core/src/${entry}.ts`])),
    ['zod'],
  ),
  packageBuild(
    'elements',
    { index: 'packages/elements/src/index.ts', 'define/index': 'packages/elements/src/define/index.ts', 'define/report': 'packages/elements/src/define/report.ts' },
    ['@ai-interview-exit/core', 'lit', '@lit/', '@floating-ui/dom', 'zod'],
  ),
  packageBuild(
    'server',
    { index: 'packages/server/src/index.ts', cli: 'packages/server/src/cli.ts' },
    ['@ai-interview-exit/core', 'fastify', '@fastify/', 'better-sqlite3', 'zod'],
  ),
  bundle('core', 'packages/core/src/index.ts'),
  bundle('core-i18n', 'packages/core/src/i18n/index.ts'),
  // The candidate widget: a small first script and the later parts it fetches when the page is
  // idle; and the same in one self-contained file, for vendors who want one file.
  bundle('widget', 'packages/elements/src/bundles/widget.ts', { parts: true }),
  bundle('widget-all', 'packages/elements/src/bundles/widget.ts'),
  // The HR report, everything inlined.
  bundle('report', 'packages/elements/src/bundles/report.ts'),
];
