// Cooperative scheduling: long jobs run in slices so Claimlens never holds
// the page's main thread for more than a few milliseconds at a time.
interface SchedulerLike {
  yield?: () => Promise<void>;
}

export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A slice budget well under the 50 ms long-task threshold. */
export const SLICE_MS = 8;

/** Calls fn on each item, yielding whenever the slice budget is spent. Stops early on abort. */
export async function forEachSliced<T>(items: readonly T[], fn: (item: T, i: number) => void, signal?: AbortSignal): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    if (signal?.aborted) return;
    fn(items[i], i);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
}
