/**
 * The widget ships as a small first script and later parts (the one-time code step, the help
 * offer, the resume prompt, the tooltip's positioning). The first script holds everything
 * an exit cannot do without; the later parts are fetched once the page is idle after the button
 * shows, or at once when a step needs them, so that a candidate who goes offline afterwards still
 * has every step. When they cannot be fetched, each step that needs them has a way to finish.
 */
let parts: Promise<boolean> | undefined;

/** Fetch and register the later parts, once: resolves `false` when they could not be fetched (it tries again next time). */
export function loadLaterParts(): Promise<boolean> {
  // The tooltip imports Floating UI itself when it first shows; fetching it now keeps it offline too.
  return (parts ??= Promise.all([import('../define/later.js'), import('./position.js')]).then(
    () => true,
    () => {
      parts = undefined;
      return false;
    },
  ));
}

/**
 * Run `callback` once the next frame has painted (a frame, then a task) and the page has nothing
 * else to do, so that nothing it does delays what the candidate sees first. A hidden page paints
 * no frames: then two seconds at the latest.
 */
export function whenIdle(callback: () => void): void {
  let ran = false;
  const run = () => {
    if (ran) return;
    ran = true;
    callback();
  };
  const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 200));
  requestAnimationFrame(() => setTimeout(idle));
  setTimeout(run, 2000);
}

/** Fetch the later parts when the page has nothing else to do. */
export function prefetchLaterParts(): void {
  if (!parts) whenIdle(() => void loadLaterParts());
}
