import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import vectors from './vectors/rfc6962.json' with { type: 'json' };
import { consistencyProof, EMPTY_ROOT, inclusionProof, leafHash, rootHash, verifyConsistency, verifyInclusion } from './merkle-tree.js';

const hex = (h: string): Buffer => Buffer.from(h, 'hex');
const leaves = vectors.leaves.map((l) => leafHash(hex(l)));

// An independent reading of RFC 6962 section 2.1, written straight from its recursive definitions, to check the
// product's iterative code against: MTH, PATH and SUBPROOF as the RFC states them, over leaf hashes.
const H = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
const mth = (d: Buffer[]): Buffer =>
  d.length === 0 ? H() : d.length === 1 ? d[0]! : H(Buffer.of(1), mth(d.slice(0, k(d.length))), mth(d.slice(k(d.length))));
const refPath = (m: number, d: Buffer[]): Buffer[] =>
  d.length <= 1
    ? []
    : m < k(d.length)
      ? [...refPath(m, d.slice(0, k(d.length))), mth(d.slice(k(d.length)))]
      : [...refPath(m - k(d.length), d.slice(k(d.length))), mth(d.slice(0, k(d.length)))];
const refSubproof = (m: number, d: Buffer[], b: boolean): Buffer[] =>
  m === d.length
    ? b
      ? []
      : [mth(d)]
    : m <= k(d.length)
      ? [...refSubproof(m, d.slice(0, k(d.length)), b), mth(d.slice(k(d.length)))]
      : [...refSubproof(m - k(d.length), d.slice(k(d.length)), false), mth(d.slice(0, k(d.length)))];

const flipBit = (proof: Buffer[], i: number) => proof.map((p, j) => (j === i ? Buffer.from(p.map((b, at) => (at === 0 ? b ^ 8 : b))) : p));

describe('RFC 6962 Merkle tree', () => {
  it('hashes the published vectors to their published roots', () => {
    expect(rootHash([])).toEqual(hex(vectors.emptyRoot));
    expect(EMPTY_ROOT).toEqual(hex(vectors.emptyRoot));
    vectors.roots.forEach((root, i) => expect(rootHash(leaves, i + 1).toString('hex')).toBe(root));
  });

  it('produces and verifies the published inclusion proofs, and refuses each corruption of them', () => {
    for (const { index, size, proof } of vectors.inclusion) {
      const root = hex(vectors.roots[size - 1]!);
      expect(inclusionProof(leaves, index, size).map((h) => h.toString('hex'))).toEqual(proof);
      const path = proof.map(hex);
      expect(verifyInclusion(index, size, leaves[index]!, path, root)).toBe(true);
      expect(verifyInclusion(index + 1, size, leaves[index]!, path, root)).toBe(false);
      expect(verifyInclusion(index, size * 2, leaves[index]!, path, root)).toBe(false);
      expect(verifyInclusion(index, size, leafHash(Buffer.from('WrongLeaf')), path, root)).toBe(false);
      expect(verifyInclusion(index, size, leaves[index]!, [...path, root], root)).toBe(false);
      expect(verifyInclusion(index, size, leaves[index]!, path.slice(0, -1), root)).toBe(false);
      path.forEach((_, i) => expect(verifyInclusion(index, size, leaves[index]!, flipBit(path, i), root)).toBe(false));
    }
  });

  it('produces and verifies the published consistency proofs, and refuses each corruption of them', () => {
    for (const { from, to, proof } of vectors.consistency) {
      const [fromRoot, toRoot] = [hex(vectors.roots[from - 1]!), hex(vectors.roots[to - 1]!)];
      expect(consistencyProof(leaves, from, to).map((h) => h.toString('hex'))).toEqual(proof);
      const path = proof.map(hex);
      expect(verifyConsistency(from, to, path, fromRoot, toRoot)).toBe(true);
      expect(verifyConsistency(from, to, path, toRoot, fromRoot)).toBe(false);
      expect(verifyConsistency(from + 1, to, path, fromRoot, toRoot)).toBe(false);
      expect(verifyConsistency(from, to * 2, path, fromRoot, toRoot)).toBe(false);
      expect(verifyConsistency(from, to, [], fromRoot, toRoot)).toBe(false);
      expect(verifyConsistency(from, to, [...path, toRoot], fromRoot, toRoot)).toBe(false);
      expect(verifyConsistency(from, to, path.slice(0, -1), fromRoot, toRoot)).toBe(false);
      path.forEach((_, i) => expect(verifyConsistency(from, to, flipBit(path, i), fromRoot, toRoot)).toBe(false));
    }
    expect(verifyConsistency(0, 5, [], EMPTY_ROOT, rootHash(leaves, 5))).toBe(true);
    expect(verifyConsistency(4, 4, [], rootHash(leaves, 4), rootHash(leaves, 4))).toBe(true);
    expect(verifyConsistency(5, 4, [], rootHash(leaves, 5), rootHash(leaves, 4))).toBe(false);
  });

  it('agrees with the RFC definitions read independently, for every index and size up to 40', () => {
    const many = Array.from({ length: 40 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
    for (let size = 1; size <= many.length; size += 1) {
      const root = rootHash(many, size);
      expect(root).toEqual(mth(many.slice(0, size)));
      for (let index = 0; index < size; index += 1) {
        const proof = inclusionProof(many, index, size);
        expect(proof).toEqual(refPath(index, many.slice(0, size)));
        expect(verifyInclusion(index, size, many[index]!, proof, root)).toBe(true);
      }
      for (let from = 1; from < size; from += 1) {
        const proof = consistencyProof(many, from, size);
        expect(proof).toEqual(refSubproof(from, many.slice(0, size), true));
        expect(verifyConsistency(from, size, proof, rootHash(many, from), root)).toBe(true);
        expect(verifyConsistency(from, size, proof, rootHash(many, from), rootHash(many, size - 1))).toBe(false);
      }
    }
  });
});
