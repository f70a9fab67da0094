import type { JWK } from 'jose';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { publicKeyObject } from './key-objects.js';
import { signatureVerifies } from './signature-check.js';

const WORKER_FILE = new URL('./signature-worker.js', import.meta.url);

/** One signature to check: the compact JWS (its signing input and signature), under the key named `keyId`. */
export interface SignatureJob {
  compact: string;
  alg: 'EdDSA' | 'ES256';
  keyId: string;
  jwk: { kty?: string; crv?: string; x?: string; y?: string };
}

export type SignatureOutcome = 'valid' | 'invalid' | 'error';

interface Waiting {
  resolve: (outcome: SignatureOutcome) => void;
}

interface Lane {
  worker: Worker;
  /** Keys this worker has imported already: a job carries its JWK only the first time. */
  knownKeys: Set<string>;
  /** Batches sent, answered in order. */
  batches: Waiting[][];
}

/** Long enough that steady traffic, however light, keeps its workers: starting one costs a thread and an isolate. */
const IDLE_MS = 5 * 60_000;
/** Up to this many signatures in a turn are checked on the event loop: a thread hop costs more than the check. */
const INLINE_MAX = 2;

/** Jobs per message to a worker: small enough that workers start while the event loop still queues, large enough
 * that messaging costs little per signature. */
const CHUNK = 64;

/** What a worker gets: parallel arrays (cheaper to copy between threads than objects) and the keys it lacks. */
interface Chunk {
  compacts: string[];
  algs: string[];
  keyIds: string[];
  newKeys: Record<string, SignatureJob['jwk']>;
}

/** The same check as a worker's, on the calling thread, with the key imported once (key-objects.ts). */
export function checkSignatureHere(job: SignatureJob): SignatureOutcome {
  try {
    return signatureVerifies(job.compact, job.alg, publicKeyObject(job.jwk as JWK)) ? 'valid' : 'invalid';
  } catch {
    return 'error';
  }
}

/**
 * Checks signatures on worker threads, one per core. Signatures asked for
 * in the same turn of the event loop (a batch of documents, concurrent
 * messages) go to the workers as a few batches: one message per batch
 * instead of one thread-pool round trip per signature, which is what held
 * the libuv pool back (docs/benchmarks.md). One or two signatures in a
 * turn (a message arriving) are checked on the event loop. Workers start on
 * first use and stop after five minutes without work, so an idle node does
 * not carry them.
 */
export class SignaturePool {
  private lanes: Lane[] = [];
  private queued: { job: SignatureJob; waiting: Waiting }[] = [];
  private flushScheduled = false;
  private idleTimer?: NodeJS.Timeout;

  constructor(private readonly size = availableParallelism()) {}

  check(job: SignatureJob): Promise<SignatureOutcome> {
    return new Promise((resolve) => {
      this.queued.push({ job, waiting: { resolve } });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** The worker threads running now, by thread id: none until a batch needs them, none again after `close`. */
  get workerThreadIds(): number[] {
    return this.lanes.map((lane) => lane.worker.threadId);
  }

  /** Stops the workers now (they also stop by themselves when idle). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const lanes = this.lanes;
    this.lanes = [];
    await Promise.all(lanes.map((lane) => lane.worker.terminate()));
  }

  private flush(): void {
    this.flushScheduled = false;
    const queued = this.queued;
    this.queued = [];
    if (queued.length <= INLINE_MAX) {
      for (const { job, waiting } of queued) waiting.resolve(checkSignatureHere(job));
      return;
    }
    // Workers start on first use, and a lost one is replaced by the next batch.
    while (this.lanes.length < this.size) this.lanes.push(this.startLane());
    for (let start = 0; start < queued.length; start += CHUNK) {
      const part = queued.slice(start, start + CHUNK);
      const lane = this.lanes.reduce((least, candidate) => (candidate.batches.length < least.batches.length ? candidate : least));
      const chunk: Chunk = { compacts: [], algs: [], keyIds: [], newKeys: {} };
      for (const { job } of part) {
        chunk.compacts.push(job.compact);
        chunk.algs.push(job.alg);
        chunk.keyIds.push(job.keyId);
        if (!lane.knownKeys.has(job.keyId)) {
          lane.knownKeys.add(job.keyId);
          chunk.newKeys[job.keyId] = job.jwk;
        }
      }
      // Referenced while it owes answers, so a CLI awaiting a verdict is not left by an empty event loop.
      if (lane.batches.length === 0) lane.worker.ref();
      lane.batches.push(part.map(({ waiting }) => waiting));
      lane.worker.postMessage(chunk);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.closeIfIdle(), IDLE_MS).unref();
  }

  private startLane(): Lane {
    const worker = new Worker(WORKER_FILE);
    worker.unref();
    const lane: Lane = { worker, knownKeys: new Set(), batches: [] };
    worker.on('message', (outcomes: Uint8Array) => {
      const batch = lane.batches.shift() ?? [];
      if (lane.batches.length === 0) worker.unref();
      batch.forEach((waiting, i) => waiting.resolve(outcomes[i] === 1 ? 'valid' : outcomes[i] === 0 ? 'invalid' : 'error'));
    });
    // A worker that dies takes no signature with it: what it held is answered "could not check".
    const lost = () => {
      for (const batch of lane.batches.splice(0)) for (const waiting of batch) waiting.resolve('error');
      this.lanes = this.lanes.filter((l) => l !== lane);
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    return lane;
  }

  private async closeIfIdle(): Promise<void> {
    if (this.lanes.some((lane) => lane.batches.length > 0)) {
      this.idleTimer = setTimeout(() => void this.closeIfIdle(), IDLE_MS).unref();
      return;
    }
    await this.close();
  }
}
