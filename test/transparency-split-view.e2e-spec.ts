import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORT_SHIFT, tempDataRoot, waitFor } from './support/processes.js';
import { parseCheckpoint, splitViewProxy, WitnessingFederation, type Country } from './support/transparency.js';

const OFFSET = 170 + PORT_SHIFT;

/**
 * KZ shows TR another log than it shows UZ: TR reaches KZ through a proxy that signs, with KZ's own log key, a
 * checkpoint of the same size over another root (an intruder holding the key can do no better). Neither witness can
 * tell from its own view; each finds out from the checkpoint the other cosigned, and KZ from what TR cosigned of it.
 */
describe('a split view of a log', () => {
  const federation = new WitnessingFederation(tempDataRoot('split-view'), OFFSET);
  let proxy: Awaited<ReturnType<typeof splitViewProxy>>;

  beforeAll(async () => {
    proxy = await splitViewProxy(
      4001 + OFFSET + 50,
      federation.port('KZ'),
      join(federation.dataRoot, 'KZ', 'keys.json'),
      'ots.federation/KZ',
    );
    await federation.up((node, partner) => (node === 'TR' && partner === 'KZ' ? proxy.url : federation.url(partner)));
  }, 120_000);
  afterAll(async () => {
    await federation.down();
    await proxy?.close();
  });

  it('is detected by both witnesses through each other’s cosignatures, and by the log itself', async () => {
    for (const [witness, other] of [
      ['TR', 'UZ'],
      ['UZ', 'TR'],
    ] as [Country, Country][]) {
      await waitFor(async () => (await federation.alarms(witness)).some((a) => a.country === 'KZ'), 30_000, 250);
      const [alarm] = (await federation.alarms(witness)).filter((a) => a.country === 'KZ');
      expect(alarm?.kind).toBe('SAME_SIZE_FORK');
      const evidence = JSON.parse(alarm?.evidence as string) as { witnessedNote: string; conflictingNote: string; conflictingVia: string };
      expect(evidence.conflictingVia).toBe(other);
      const [mine, theirs] = [parseCheckpoint(evidence.witnessedNote), parseCheckpoint(evidence.conflictingNote)];
      expect(mine.size).toBe(theirs.size);
      expect(mine.rootHash.equals(theirs.rootHash)).toBe(false);
      expect(theirs.lines.map((l) => l.name)).toContain(`ots.federation/${other}`);
    }
    await waitFor(async () => (await federation.alarms('KZ')).some((a) => a.kind === 'OWN_LOG_FORK'), 30_000, 250);
    const [own] = await federation.alarms('KZ');
    expect(JSON.parse(own?.evidence as string)).toMatchObject({ conflictingVia: 'TR' });
  });
});
