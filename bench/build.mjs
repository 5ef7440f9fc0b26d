// Builds, in one run, the widget exactly as the shipped bundle is built (its entry in
// rollup.config.mjs: dist/widget.min.js and its later parts in dist/widget-parts/) and the floor
// with the same plugins (so both are minified alike) into bench/dist/, then weighs them.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import configs from '../rollup.config.mjs';

const widgetConfig = configs.find((config) => config.output?.entryFileNames === 'widget.min.js');
if (!widgetConfig) throw new Error('rollup.config.mjs has no build writing widget.min.js');

async function build({ output, ...input }) {
  const bundle = await rollup(input);
  try {
    await bundle.write(output);
  } finally {
    await bundle.close();
  }
}

const weigh = (files) => {
  const codes = files.map((file) => readFileSync(file));
  const sum = (sizes) => sizes.reduce((a, b) => a + b, 0);
  return { minBytes: sum(codes.map((code) => code.length)), gzipBytes: sum(codes.map((code) => gzipSync(code, { level: 9 }).length)) };
};

/** Builds both subjects; returns, for each, the directory to serve, its script, and its bytes. */
export async function buildSubjects() {
  const widgetParts = join(widgetConfig.output.dir, 'widget-parts');
  rmSync(widgetParts, { recursive: true, force: true });
  rmSync('bench/dist', { recursive: true, force: true });
  await build(widgetConfig);
  await build({ ...widgetConfig, input: 'bench/floor.ts', output: { file: 'bench/dist/floor.min.js', format: 'es' } });

  const parts = readdirSync(widgetParts)
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(widgetParts, file));
  const widgetScript = join(widgetConfig.output.dir, 'widget.min.js');
  const floorScript = 'bench/dist/floor.min.js';
  return {
    widget: { dir: widgetConfig.output.dir, script: 'widget.min.js', firstScript: weigh([widgetScript]), withParts: weigh([widgetScript, ...parts]) },
    floor: { dir: 'bench/dist', script: 'floor.min.js', firstScript: weigh([floorScript]), withParts: weigh([floorScript]) },
  };
}
