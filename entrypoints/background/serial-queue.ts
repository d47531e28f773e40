/**
 * A queue that runs one piece of work at a time, in the order asked: in the background, events
 * arrive together (install, startup, a capture) and two overlapping read-modify-writes of the
 * same state would lose one of them. A failure is handed to its caller and does not stop the next.
 */
export function serialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
}
