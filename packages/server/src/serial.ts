/**
 * One piece of work at a time, in the order given; a failure does not stop the ones after it.
 * `idle()` resolves once everything given so far has run.
 */
export function serialQueue(): { run<T>(work: () => Promise<T>): Promise<T>; idle(): Promise<void> } {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(work) {
      const next = queue.then(work, work);
      queue = next.catch(() => undefined);
      return next;
    },
    idle: () => queue.then(() => undefined),
  };
}
