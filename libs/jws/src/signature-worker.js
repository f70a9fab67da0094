// @ts-check
// One of SignaturePool's workers: imports each key once, checks a chunk of signatures, answers with one byte per
// job (1 valid, 0 invalid, 2 could not be checked). Plain JavaScript: a worker thread cannot load TypeScript.
import { createPublicKey } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { signatureVerifies } from './signature-check.js';

/** @type {Map<string, import('node:crypto').KeyObject>} */
const keys = new Map();

/**
 * @param {{ compacts: string[], algs: string[], keyIds: string[], newKeys: Record<string, import('node:crypto').JsonWebKey> }} chunk
 */
function checkChunk({ compacts, algs, keyIds, newKeys }) {
  for (const [keyId, jwk] of Object.entries(newKeys)) {
    try {
      keys.set(keyId, createPublicKey({ key: jwk, format: 'jwk' }));
    } catch {
      keys.delete(keyId);
    }
  }
  const outcomes = new Uint8Array(compacts.length);
  for (let i = 0; i < compacts.length; i += 1) {
    const key = keys.get(/** @type {string} */ (keyIds[i]));
    try {
      outcomes[i] = key ? (signatureVerifies(/** @type {string} */ (compacts[i]), /** @type {string} */ (algs[i]), key) ? 1 : 0) : 2;
    } catch {
      outcomes[i] = 2;
    }
  }
  parentPort?.postMessage(outcomes, [outcomes.buffer]);
}

parentPort?.on('message', checkChunk);
