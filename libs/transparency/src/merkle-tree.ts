import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 6962 (Certificate Transparency), section 2.1, as RFC 9162 restates it: SHA-256, leaves
 * hashed with a 0x00 prefix and interior nodes with 0x01, so that a leaf can never pass for a node. Framework-free;
 * the log keeps leaf hashes in order and these functions derive roots and proofs from them.
 *
 * @example
 * const leaves = entries.map((bytes) => leafHash(bytes));
 * const proof = inclusionProof(leaves, 3, leaves.length);
 * verifyInclusion(3, leaves.length, leaves[3], proof, rootHash(leaves)); // true
 */
export type Hash = Buffer;

const sha256 = (...parts: Buffer[]): Hash => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export const leafHash = (leaf: Buffer): Hash => sha256(LEAF_PREFIX, leaf);
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(NODE_PREFIX, left, right);
export const EMPTY_ROOT: Hash = sha256();

/** The largest power of two smaller than `n` (n > 1): where RFC 6962 splits a tree of n leaves. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[start:end]) over leaf hashes, without recursion: a stack of complete subtrees, merged right to left. */
function subtreeRoot(leaves: readonly Hash[], start: number, end: number): Hash {
  if (end <= start) return EMPTY_ROOT;
  const stack: { size: number; hash: Hash }[] = [];
  for (let i = start; i < end; i += 1) {
    let top = { size: 1, hash: leaves[i] as Hash };
    while (stack.length > 0 && (stack[stack.length - 1] as { size: number }).size === top.size) {
      const left = stack.pop() as { size: number; hash: Hash };
      top = { size: left.size * 2, hash: nodeHash(left.hash, top.hash) };
    }
    stack.push(top);
  }
  let root = (stack.pop() as { hash: Hash }).hash;
  while (stack.length > 0) root = nodeHash((stack.pop() as { hash: Hash }).hash, root);
  return root;
}

/** The root hash of the first `size` leaves (all of them by default). */
export function rootHash(leaves: readonly Hash[], size = leaves.length): Hash {
  if (size > leaves.length) throw new RangeError(`tree of ${size} leaves from ${leaves.length}`);
  return subtreeRoot(leaves, 0, size);
}

/** PATH(m, D[0:size]): the audit path that proves leaf `index` is in the tree of `size` leaves. */
export function inclusionProof(leaves: readonly Hash[], index: number, size: number): Hash[] {
  if (!(index >= 0 && index < size && size <= leaves.length)) throw new RangeError(`no leaf ${index} in a tree of ${size}`);
  const path = (m: number, start: number, end: number): Hash[] => {
    const n = end - start;
    if (n === 1) return [];
    const k = split(n);
    return m < k
      ? [...path(m, start, start + k), subtreeRoot(leaves, start + k, end)]
      : [...path(m - k, start + k, end), subtreeRoot(leaves, start, start + k)];
  };
  return path(index, 0, size);
}

/** PROOF(from, D[0:to]): the hashes that prove the tree of `to` leaves extends the tree of `from` leaves. */
export function consistencyProof(leaves: readonly Hash[], from: number, to: number): Hash[] {
  if (!(from >= 0 && from <= to && to <= leaves.length)) throw new RangeError(`no consistency from ${from} to ${to}`);
  if (from === 0 || from === to) return [];
  const subproof = (m: number, start: number, end: number, whole: boolean): Hash[] => {
    const n = end - start;
    if (m === n) return whole ? [] : [subtreeRoot(leaves, start, end)];
    const k = split(n);
    return m <= k
      ? [...subproof(m, start, start + k, whole), subtreeRoot(leaves, start + k, end)]
      : [...subproof(m - k, start + k, end, false), subtreeRoot(leaves, start, start + k)];
  };
  return subproof(from, 0, to, true);
}

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/** RFC 9162 section 2.1.3.2: whether `proof` places `leaf` at `index` in the tree of `size` leaves with `root`. */
export function verifyInclusion(index: number, size: number, leaf: Hash, proof: readonly Hash[], root: Hash): boolean {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 section 2.1.4.2: whether `proof` shows that the tree (`to`, `toRoot`) extends (`from`, `fromRoot`). */
export function verifyConsistency(from: number, to: number, proof: readonly Hash[], fromRoot: Hash, toRoot: Hash): boolean {
  if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && from >= 0 && from <= to)) return false;
  if (from === to) return proof.length === 0 && fromRoot.equals(toRoot);
  if (from === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  // A tree whose size is a power of two is itself a node of the larger tree: its root starts the path.
  const path = isPowerOfTwo(from) ? [fromRoot, ...proof] : [...proof];
  let fn = from - 1;
  let sn = to - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0] as Hash;
  let sr = path[0] as Hash;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && fr.equals(fromRoot) && sr.equals(toRoot);
}

function isPowerOfTwo(n: number): boolean {
  let m = n;
  while (m > 1 && m % 2 === 0) m /= 2;
  return m === 1;
}
