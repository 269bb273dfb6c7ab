/**
 * Group commit for the flash-sale hot path. Under a crowd, most of the cost of a reservation is not the work in
 * the database but the round trip and the commit around it (two socket writes and a WAL flush per click). The
 * batcher sends a click at once when a connection is free; clicks that arrive while `maxInFlight` batches are
 * already running wait for the next free slot and go together, up to `maxBatch` in one call. A lone click is never
 * delayed; a crowd shares round trips and commits.
 */
export interface BatcherOptions<I, O> {
  run: (items: I[]) => Promise<O[]>;
  maxBatch: number;
  maxInFlight: number;
}

export interface Batcher<I, O> {
  submit(item: I): Promise<O>;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export function createBatcher<I, O>({ run, maxBatch, maxInFlight }: BatcherOptions<I, O>): Batcher<I, O> {
  const waiting: Pending<I, O>[] = [];
  let inFlight = 0;

  function pump() {
    while (inFlight < maxInFlight && waiting.length > 0) {
      const batch = waiting.splice(0, maxBatch);
      inFlight += 1;
      run(batch.map((p) => p.item))
        .then((results) => {
          if (results.length !== batch.length) {
            throw new Error(`batch answered ${results.length} results for ${batch.length} items`);
          }
          for (const [i, p] of batch.entries()) p.resolve(results[i] as O);
        })
        .catch((error: unknown) => {
          for (const p of batch) p.reject(error);
        })
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    }
  }

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        pump();
      });
    },
  };
}
