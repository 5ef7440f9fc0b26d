// Run a command from node_modules/.bin (or the PATH) and stop the caller on failure.
import { spawnSync } from 'node:child_process';

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function runOrExit(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) process.exit(status);
}

export const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
