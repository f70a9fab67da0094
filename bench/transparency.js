import { consistencyProof, leafHash, rootHash, verifyConsistency } from '../dist/libs/transparency/src/merkle-tree.js';
import { median } from './support.js';
import { record, RUNS } from './results.js';

/** Microseconds per verification of one consistency proof, over a stretch of repeats. */
function verifyMicros(from, to, proof, fromRoot, toRoot) {
  const repeats = 20_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < repeats; i += 1) if (!verifyConsistency(from, to, proof, fromRoot, toRoot)) throw new Error('proof refused');
  return Number(process.hrtime.bigint() - started) / 1000 / repeats;
}

// A witness checks each partner's new checkpoint against the last it saw: this is that check, from a log of one entry
// to a log of a million, against the same check from one entry to a thousand. Logarithmic: ~20 against ~10 hashes.
export async function transparencyProofs() {
  const leaves = Array.from({ length: 1_000_000 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
  const small = { to: 1000, proof: consistencyProof(leaves, 1, 1000), root: rootHash(leaves, 1000) };
  const large = { to: 1_000_000, proof: consistencyProof(leaves, 1, 1_000_000), root: rootHash(leaves) };
  const first = rootHash(leaves, 1);
  const times = { small: [], large: [] };
  for (let run = 0; run < RUNS; run += 1) {
    times.small.push(verifyMicros(1, small.to, small.proof, first, small.root));
    times.large.push(verifyMicros(1, large.to, large.proof, first, large.root));
  }
  const ratio = median(times.large) / median(times.small);
  record(
    `consistency proof 1 -> 1,000,000 verified (${large.proof.length} hashes) (us)`,
    median(times.large),
    'us',
    median(times.small),
    `us for 1 -> 1,000 (${small.proof.length} hashes)`,
    ratio,
    'logarithmic: < 2.5x the 1 -> 1,000 proof',
    ratio < 2.5,
  );
}
