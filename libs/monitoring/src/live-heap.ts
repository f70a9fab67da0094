import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

/**
 * The V8 heap in use right after the last full (mark-compact) collection: what the process keeps alive. The heap
 * in use at any other moment also counts garbage not yet collected, so it rises and falls with the collector's
 * timing; this reading only moves when what is reachable does, which is what a leak shows in. Read when V8 reports
 * the collection, a moment after it ended, so it includes what was allocated in between (little).
 */
export class LiveHeapWatch {
  private latest?: number;
  private readonly observer = new PerformanceObserver((list) => {
    if (list.getEntries().some(isFullCollection)) this.latest = getHeapStatistics().used_heap_size;
  });

  start(): void {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  stop(): void {
    this.observer.disconnect();
  }

  /** Bytes live after the last full collection; undefined until the first one. */
  get liveBytes(): number | undefined {
    return this.latest;
  }
}

/** A `gc` entry carries the collection's kind in `detail` (Node's perf_hooks). */
function isFullCollection(entry: PerformanceEntry): boolean {
  return (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
}
