import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { GCProfiler } from 'node:v8';

/**
 * The V8 heap in use right after the last full (mark-compact) collection: what the process keeps alive. The heap
 * in use at any other moment also counts garbage not yet collected, so it rises and falls with the collector's
 * timing; this reading only moves when what is reachable does, which is what a leak shows in.
 *
 * The figure is the one V8 recorded as the collection ended (`GCProfiler`), not the heap when the `gc` observer's
 * callback runs: that is a later turn of the event loop, and a busy node allocates megabytes in between, which
 * made the reading jump from collection to collection on the busiest node of a soak. The observer only says when
 * a full collection has happened; the profiler is restarted then, so it holds the collections of one cycle at most.
 */
export class LiveHeapWatch {
  private latest?: number;
  private profiler?: GCProfiler;
  private readonly observer = new PerformanceObserver((list) => {
    if (list.getEntries().some(isFullCollection)) this.readProfile();
  });

  start(): void {
    this.profiler = new GCProfiler();
    this.profiler.start();
    this.observer.observe({ entryTypes: ['gc'] });
  }

  stop(): void {
    this.observer.disconnect();
    this.profiler?.stop();
    this.profiler = undefined;
  }

  /** Bytes live after the last full collection; undefined until the first one. */
  get liveBytes(): number | undefined {
    return this.latest;
  }

  private readProfile(): void {
    if (!this.profiler) return;
    const collections = this.profiler.stop()?.statistics ?? [];
    this.profiler.start();
    const lastFull = collections.findLast((collection) => collection.gcType === 'MarkSweepCompact');
    if (lastFull) this.latest = lastFull.afterGC.heapStatistics.usedHeapSize;
  }
}

/** A `gc` entry carries the collection's kind in `detail` (Node's perf_hooks). */
function isFullCollection(entry: PerformanceEntry): boolean {
  return (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
}
