// npm start: the demo on http://127.0.0.1:8080 (PORT and HOST override); Ctrl+C stops it cleanly.
import { createDemoApp } from './app.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const app = await createDemoApp();
try {
  await app.listen({ port, host });
} catch (error) {
  console.error((error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `Port ${port} is in use: try PORT=8081 npm start` : error);
  process.exit(1);
}
const base = `http://${host}:${port}`;
console.log(`
ai-interview-exit demo is running:
  Landing page         ${base}/
  Candidate (mock AI)  ${base}/candidate?job=frontline   (job=frontline|manager|executive, lang=zh-CN|en)
  HR dashboard         ${base}/hr
  Side by side demo    ${base}/demo
  Storybook            ${base}/storybook/
  Protocol (OpenAPI)   ${base}/v1/openapi.json

Press Ctrl+C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
