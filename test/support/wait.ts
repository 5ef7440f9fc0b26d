// Waiting in tests, with no side effects on import (element suites, core suites and the report share it).

/** Let pending microtasks, timers and renders run. */
export async function settle(rounds = 1): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Wait until `check` holds (or fail after `ms`, naming `what`). */
export async function until(check: () => unknown, what = 'condition', ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await settle();
}
