// npm start: build everything, then serve it on http://127.0.0.1:8080 (PORT overrides).
// Until the demo lands this serves the built Storybook: the policy engine, live.
import { serveStatic } from './static-server.mjs';
import { bin, runOrExit } from './run.mjs';

const port = Number(process.env.PORT ?? 8080);
runOrExit(process.execPath, ['scripts/build.mjs']);
runOrExit(bin('storybook'), ['build', '--quiet', '-o', 'storybook-static'], { env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });

const { server, url } = await serveStatic('storybook-static', port).catch((error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: try PORT=8081 npm start` : error);
  process.exit(1);
});
console.log(`\nai-interview-exit is running:\n  Storybook  ${url}/\n\nPress Ctrl+C to stop.`);
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
