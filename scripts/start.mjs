// npm start: build everything, then run the demo (the reference server on SQLite, the candidate
// and HR pages, Storybook) on http://127.0.0.1:8080 (PORT overrides).
import { spawn } from 'node:child_process';
import { bin, runOrExit } from './run.mjs';

runOrExit(process.execPath, ['scripts/build.mjs']);
runOrExit(bin('storybook'), ['build', '--quiet', '-o', 'storybook-static'], { env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });

const demo = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'examples/demo/start.ts'], { stdio: 'inherit' });
// Ctrl+C reaches both processes; the demo closes the server and the database, then this exits.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => demo.kill(signal));
demo.on('exit', (code) => process.exit(code ?? 0));
