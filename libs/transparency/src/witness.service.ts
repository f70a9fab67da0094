import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JWK } from 'jose';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { NodeConfig } from '@ots/config';
import { partnerExchange, publicKeyObject, transparencyOrigin, verifySignerCertificate, unverifiedPayload } from '@ots/jws';
import type { EntityConfigurationPayload } from '@ots/jws';
import { KeyStore } from '@ots/keys';
import { verifyConsistency, type Hash } from './merkle-tree.js';
import { cosignatureLine, cosignedAt, noteKeyId, openCheckpoint, type NoteSignature } from './signed-note.js';
import { TransparencyAlarmService } from './transparency-alarm.service.js';
import { TransparencyLogService } from './transparency-log.service.js';
import { ReceivedCosignatureEntity, WitnessedCheckpointEntity, type AlarmKind } from './transparency.entities.js';

/** A partner whose log this node witnesses: where it answers, and the `log` key its root certified. */
export interface PartnerLog {
  country: string;
  baseUrl: string;
  logKey: JWK;
}

const MAX_ANSWER_BYTES = 256 * 1024;
const ED25519_COSIGNATURE = 0x04;

const witnessedAnswer = z.object({
  witness: z.string(),
  checkpoints: z.array(z.object({ log: z.string().regex(/^[A-Z]{2}$/), note: z.string().max(8192) })).max(64),
});
const proofAnswer = z.object({ proof: z.array(z.string().max(64)).max(128) });

/**
 * The partner's `log` key, if its entity configuration (already verified and stored by the trust store) carries a
 * `log` certificate signed by one of the partner's trusted roots. Undefined for a partner without a log (v1 nodes).
 */
export async function partnerLogKey(
  entityConfiguration: string,
  roots: ReadonlyMap<string, JWK>,
  country: string,
): Promise<JWK | undefined> {
  const payload = unverifiedPayload<EntityConfigurationPayload>(entityConfiguration);
  const certificate = payload.metadata?.ots_node?.transparency?.log_certificates?.[0];
  if (!certificate) return undefined;
  try {
    const { payload: certified } = await verifySignerCertificate(certificate, roots, country, Math.floor(Date.now() / 1000));
    return certified.use.includes('log') ? certified.jwk : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Witnessing (docs/transparency.md): on the trust-refresh timer this node checks each partner's checkpoint against the
 * last one it cosigned (same size: same root; larger: a consistency proof), cosigns it, and publishes the cosigned
 * checkpoints at `/transparency/witnessed`. It then gathers what every partner published there: cosignatures of its
 * own log (served under its checkpoint) and other witnesses' views of the logs it witnesses too, which must agree with
 * its own. Any disagreement raises an alarm; nothing here throws at the timer.
 */
@Injectable()
export class WitnessService {
  private readonly logger = new Logger(WitnessService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KeyStore) private readonly keys: KeyStore,
    private readonly config: NodeConfig,
    private readonly log: TransparencyLogService,
    private readonly alarms: TransparencyAlarmService,
  ) {}

  async witnessAll(partners: readonly PartnerLog[]): Promise<void> {
    for (const partner of partners) {
      await this.witness(partner).catch((err: Error) => this.logger.warn(`witnessing ${partner.country} failed: ${err.message}`));
    }
    for (const partner of partners) {
      await this.gather(partner, partners).catch((err: Error) =>
        this.logger.warn(`gathering from ${partner.country} failed: ${err.message}`),
      );
    }
  }

  /** What `/transparency/witnessed` serves: the newest checkpoint of each partner, with this node's cosignature. */
  async witnessed(): Promise<{ witness: string; checkpoints: { log: string; note: string }[] }> {
    const rows = await this.dataSource.getRepository(WitnessedCheckpointEntity).find({ order: { country: 'ASC' } });
    return { witness: this.config.countryCode, checkpoints: rows.map((r) => ({ log: r.country, note: r.note })) };
  }

  private async witness(partner: PartnerLog): Promise<void> {
    const note = (await this.get(partner, '/transparency/checkpoint')).toString('utf8');
    const checkpoint = openCheckpoint(note, transparencyOrigin(partner.country), publicKeyObject(partner.logKey));
    if (!checkpoint) {
      this.logger.warn(`checkpoint of ${partner.country} does not verify with its certified log key`);
      return;
    }
    if (await this.alarms.hasOpenAlarm(partner.country)) return;
    const repository = this.dataSource.getRepository(WitnessedCheckpointEntity);
    const last = await repository.findOne({ where: { country: partner.country } });
    if (last) {
      const agrees = await this.agrees(
        partner,
        { size: last.size, rootHash: Buffer.from(last.rootHash, 'base64'), note: last.note },
        checkpoint,
        note,
      );
      if (!agrees || checkpoint.size <= last.size) return;
    }
    const own = checkpoint.signatures.filter((s) => s.name === checkpoint.origin);
    const logKey = this.keys.currentLogKey();
    const me = transparencyOrigin(this.config.countryCode);
    const cosignature = cosignatureLine(
      checkpoint.body,
      me,
      logKey.privateJwk,
      publicKeyObject(logKey.publicJwk),
      Math.floor(Date.now() / 1000),
    );
    await repository.save({
      country: partner.country,
      size: checkpoint.size,
      rootHash: checkpoint.rootHash.toString('base64'),
      note: `${checkpoint.body}\n${own.map(signatureLine).join('')}${cosignature}`,
      cosignedAt: new Date(),
    });
  }

  /**
   * Whether two checkpoints of one partner's log can both be true: equal roots at one size, or a consistency proof
   * from the smaller to the larger that the partner itself serves. When not, an alarm is raised with both.
   */
  private async agrees(
    partner: PartnerLog,
    known: { size: number; rootHash: Hash; note: string },
    seen: { size: number; rootHash: Hash },
    seenNote: string,
    seenVia = partner.country,
  ): Promise<boolean> {
    let kind: AlarmKind | undefined;
    if (known.size === seen.size) {
      if (!known.rootHash.equals(seen.rootHash)) kind = 'same-size-fork';
    } else {
      const [small, large] = known.size < seen.size ? [known, seen] : [seen, known];
      const proof = await this.consistencyProof(partner, small.size, large.size);
      if (!proof || !verifyConsistency(small.size, large.size, proof, small.rootHash, large.rootHash)) kind = 'inconsistent';
    }
    if (!kind) return true;
    await this.alarms.raise(partner.country, kind, {
      witnessedNote: known.note,
      conflictingNote: seenNote,
      conflictingVia: seenVia,
    });
    return false;
  }

  /** The partner's proof; an empty one when the partner refuses to give it (a shrunk log cannot prove its old size). */
  private async consistencyProof(partner: PartnerLog, from: number, to: number): Promise<Hash[] | undefined> {
    const answer = await partnerExchange(`${partner.baseUrl}/transparency/proof/consistency?from=${from}&to=${to}`, {
      signal: AbortSignal.timeout(this.config.partnerTimeoutMs * 2),
      maxBytes: MAX_ANSWER_BYTES,
    });
    if (answer.status === 400) return [];
    if (answer.status !== 200) throw new Error(`consistency proof: HTTP ${answer.status}`);
    const parsed = proofAnswer.safeParse(JSON.parse(answer.body.toString('utf8')));
    return parsed.success ? parsed.data.proof.map((h) => Buffer.from(h, 'base64')) : undefined;
  }

  /** Reads `from`'s published cosignatures: of this node's log (kept), and of the logs both witness (compared). */
  private async gather(from: PartnerLog, partners: readonly PartnerLog[]): Promise<void> {
    const parsed = witnessedAnswer.safeParse(JSON.parse((await this.get(from, '/transparency/witnessed')).toString('utf8')));
    if (!parsed.success) return;
    const witnessName = transparencyOrigin(from.country);
    const witnessKey = publicKeyObject(from.logKey);
    for (const { log, note } of parsed.data.checkpoints) {
      const subject = log === this.config.countryCode ? undefined : partners.find((p) => p.country === log);
      if (log !== this.config.countryCode && !subject) continue;
      const logKey = subject ? subject.logKey : this.keys.currentLogKey().publicJwk;
      const checkpoint = openCheckpoint(note, transparencyOrigin(log), publicKeyObject(logKey));
      const cosigned = checkpoint && cosignedAt(checkpoint.body, checkpoint.signatures, witnessName, witnessKey);
      if (!checkpoint || cosigned === undefined) continue;
      if (!subject) {
        await this.ownCosignature(from, checkpoint, note);
        continue;
      }
      if (await this.alarms.hasOpenAlarm(log)) continue;
      // An admin who cleared an alarm about this log has judged what was cosigned before; only newer views count.
      const cleared = await this.alarms.lastClearedAt(log);
      if (cleared && cosigned * 1000 < cleared.getTime()) continue;
      const mine = await this.dataSource.getRepository(WitnessedCheckpointEntity).findOne({ where: { country: log } });
      if (!mine) continue;
      await this.agrees(
        subject,
        { size: mine.size, rootHash: Buffer.from(mine.rootHash, 'base64'), note: mine.note },
        checkpoint,
        note,
        from.country,
      );
    }
  }

  /** A partner cosigned this node's log: kept if it is a tree this node really had, an alarm if it is not. */
  private async ownCosignature(
    from: PartnerLog,
    checkpoint: { size: number; rootHash: Hash; body: string; signatures: NoteSignature[] },
    note: string,
  ): Promise<void> {
    const witness = from.country;
    const { size } = await this.log.tree();
    if (checkpoint.size > size || !this.log.rootAt(checkpoint.size).equals(checkpoint.rootHash)) {
      await this.alarms.raise(this.config.countryCode, 'own-log-fork', { conflictingNote: note, conflictingVia: witness });
      return;
    }
    const keyId = noteKeyId(transparencyOrigin(witness), ED25519_COSIGNATURE, publicKeyObject(from.logKey));
    const line = checkpoint.signatures.find((s) => s.name === transparencyOrigin(witness) && s.keyId.equals(keyId));
    if (!line) return;
    await this.dataSource.getRepository(ReceivedCosignatureEntity).save({
      witness,
      size: checkpoint.size,
      rootHash: checkpoint.rootHash.toString('base64'),
      line: signatureLine(line),
      receivedAt: new Date(),
    });
  }

  private async get(partner: PartnerLog, path: string): Promise<Buffer> {
    const answer = await partnerExchange(`${partner.baseUrl}${path}`, {
      signal: AbortSignal.timeout(this.config.partnerTimeoutMs * 2),
      maxBytes: MAX_ANSWER_BYTES,
    });
    if (answer.status !== 200) throw new Error(`${path}: HTTP ${answer.status}`);
    return answer.body;
  }
}

const signatureLine = (s: NoteSignature): string => `\u2014 ${s.name} ${Buffer.concat([s.keyId, s.signature]).toString('base64')}\n`;
