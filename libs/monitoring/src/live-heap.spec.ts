import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveHeapWatch } from './live-heap.js';

setFlagsFromString('--expose-gc');
const fullCollection = runInNewContext('gc') as () => void;
/** The observer is told of a collection on a later turn of the event loop. */
const reported = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('LiveHeapWatch', () => {
  const sut = new LiveHeapWatch();
  afterEach(() => sut.stop());

  it('knows nothing before a full collection', () => {
    expect(new LiveHeapWatch().liveBytes).toBeUndefined();
  });

  it('reads what stays reachable after a full collection, not the garbage before it', async () => {
    sut.start();
    fullCollection();
    await reported();
    const baseline = sut.liveBytes as number;
    expect(baseline).toBeGreaterThan(0);

    const kept = Array.from({ length: 200 }, () => Array.from({ length: 10_000 }, (_, i) => i + 0.5));
    for (let i = 0; i < 200; i += 1) Array.from({ length: 10_000 }, (_, j) => j + 0.5); // garbage of the same size
    fullCollection();
    await reported();
    const withKept = sut.liveBytes as number;
    // 200 arrays of 10,000 doubles: about 16 MB reachable; the garbage is gone.
    expect(withKept - baseline).toBeGreaterThan(12e6);
    expect(withKept - baseline).toBeLessThan(24e6);

    kept.length = 0;
    fullCollection();
    await reported();
    expect((sut.liveBytes as number) - baseline).toBeLessThan(4e6);
  });
});
