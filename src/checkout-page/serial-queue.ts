/**
 * Runs calls one after the other, in the order they were made, so a slow
 * answer to an earlier edit cannot land after (and overwrite) a newer one.
 * A failed call does not stop the ones behind it.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
