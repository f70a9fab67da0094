// Key custody (issue 14): the message benchmark with both nodes' keys in SoftHSM2 against the software key store,
// the same run, plus what one token operation costs beside its node:crypto equivalent.
import { execFileSync } from 'node:child_process';
import { diffieHellman, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pkcs11KeyBackend } from '../dist/libs/keys/src/pkcs11-key-backend.js';
import { messageExchange } from './flows.js';
import { median, tempDir } from './support.js';
import { record } from './results.js';

const SOFTHSM = '/usr/lib/softhsm/libsofthsm2.so';
const PIN = '246810';

/**
 * One SoftHSM2 configuration of the bench's own in a temporary directory, with a token per node (each country has
 * its own HSM in a deployment); returns the environment each node is started with.
 */
function softHsmTokens(countries) {
  const dir = tempDir('hsm');
  mkdirSync(join(dir, 'tokens'));
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  writeFileSync(join(dir, 'pin'), `${PIN}\n`, { mode: 0o600 });
  const env = {};
  for (const country of countries) {
    const label = `ots-bench-${country.toLowerCase()}`;
    execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', PIN, '--so-pin', '13579111'], {
      env: { ...process.env, SOFTHSM2_CONF: conf },
      stdio: 'ignore',
    });
    env[country] = {
      SOFTHSM2_CONF: conf,
      KEY_BACKEND: 'pkcs11',
      PKCS11_MODULE: SOFTHSM,
      PKCS11_TOKEN_LABEL: label,
      PKCS11_PIN_FILE: join(dir, 'pin'),
    };
  }
  return { conf, env };
}

/** Microseconds per call of `operation`, median of 3 rounds of `count` after a warm-up round. */
function microseconds(operation, count) {
  const rounds = [];
  for (let round = -1; round < 3; round += 1) {
    const started = performance.now();
    for (let i = 0; i < count; i += 1) operation();
    if (round >= 0) rounds.push((1e3 * (performance.now() - started)) / count);
  }
  return median(rounds);
}

/**
 * The node's own PKCS #11 backend (the class the node uses) against node:crypto, in this process while no node
 * runs: an Ed25519 signature over an envelope-sized input and an X25519 shared secret, the two operations a message
 * asks of the token.
 */
async function tokenCosts(conf) {
  process.env.SOFTHSM2_CONF = conf;
  const backend = Pkcs11KeyBackend.open({ module: SOFTHSM, tokenLabel: 'ots-bench-kz', pin: PIN });
  try {
    const input = randomBytes(600);
    const peer = generateKeyPairSync('x25519').publicKey;
    const peerRaw = Buffer.from(peer.export({ format: 'jwk' }).x, 'base64url');
    const sig = await backend.generate('sig');
    const enc = await backend.generate('enc');
    const tokenSigner = backend.signingKey({ kid: sig.kid, hsmId: sig.hsmId });
    const tokenAgreement = backend.agreementKey({ kid: enc.kid, hsmId: enc.hsmId });
    const softSigner = generateKeyPairSync('ed25519').privateKey;
    const softAgreement = generateKeyPairSync('x25519').privateKey;
    return {
      sign: { software: microseconds(() => sign(null, input, softSigner), 2000), token: microseconds(() => tokenSigner.sign(input), 2000) },
      derive: {
        software: microseconds(() => diffieHellman({ privateKey: softAgreement, publicKey: peer }), 2000),
        token: microseconds(() => tokenAgreement.deriveSharedSecret(peerRaw), 2000),
      },
    };
  } finally {
    backend.close();
  }
}

export async function hsmMessages() {
  const { conf, env } = softHsmTokens(['KZ', 'TR']);
  process.stdout.write('  software key store:\n');
  const software = await messageExchange({}, {});
  process.stdout.write('  both nodes in SoftHSM2:\n');
  const token = await messageExchange(env.KZ, env.TR);
  const costs = await tokenCosts(conf);
  const cpu = (run) => `KZ ${run.cpu.KZ.toFixed(2)} ms, TR ${run.cpu.TR.toFixed(2)} ms`;
  process.stdout.write(
    `  CPU per message: software ${cpu(software)}; SoftHSM2 ${cpu(token)}\n` +
      `  per operation, software / SoftHSM2: Ed25519 signature ${costs.sign.software.toFixed(0)} / ${costs.sign.token.toFixed(0)} us, ` +
      `X25519 shared secret ${costs.derive.software.toFixed(0)} / ${costs.derive.token.toFixed(0)} us\n`,
  );
  const exact = software.exact && token.exact;
  const ratio = token.rate / software.rate;
  record(
    "messages KZ <-> TR with both nodes' keys in SoftHSM2 against the software key store (messages/s)",
    token.rate,
    'msg/s',
    software.rate,
    'msg/s, keys in the software key store',
    ratio,
    `>= 0.5, ${exact ? 'none lost or doubled' : 'COUNTS DIFFER'}`,
    ratio >= 0.5 && exact,
  );
}
