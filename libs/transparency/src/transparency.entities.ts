import type { KeysetColumn } from '@ots/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One leaf of this node's log: the exact bytes that are hashed (a compact JWS over canonical JSON). Never updated. */
@Entity('transparency_entry')
export class TransparencyEntryEntity {
  @PrimaryColumn({ type: 'integer' })
  idx: number;

  @Column({ type: 'varchar', length: 40 })
  event: string;

  /** The key thumbprint or partner country the entry is about, so the log can tell what it already records. */
  @Column({ type: 'varchar', length: 64 })
  subject: string;

  @Column({ type: 'text' })
  leaf: string;

  /** Hex SHA-256 of 0x00 || leaf (RFC 6962 leaf hash). */
  @Column({ name: 'leaf_hash', type: 'varchar', length: 64 })
  leafHash: string;

  @Column({ type: Date })
  at: Date;
}

/** The last checkpoint of a partner's log that this node verified and cosigned: what the next one must extend. */
@Entity('transparency_witnessed')
export class WitnessedCheckpointEntity {
  @PrimaryColumn({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'integer' })
  size: number;

  /** Base64, as in the checkpoint. */
  @Column({ name: 'root_hash', type: 'varchar', length: 44 })
  rootHash: string;

  /** The partner's signed checkpoint with this node's cosignature line added: what `/transparency/witnessed` serves. */
  @Column({ type: 'text' })
  note: string;

  @Column({ name: 'cosigned_at', type: Date })
  cosignedAt: Date;
}

/** The newest cosignature a partner made of this node's own log, gathered from the partner's `/transparency/witnessed`. */
@Entity('transparency_cosignature')
export class ReceivedCosignatureEntity {
  @PrimaryColumn({ type: 'varchar', length: 2 })
  witness: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ name: 'root_hash', type: 'varchar', length: 44 })
  rootHash: string;

  /** The signature line, as it goes under the checkpoint. */
  @Column({ type: 'text' })
  line: string;

  @Column({ name: 'received_at', type: Date })
  receivedAt: Date;
}

export const ALARM_KINDS = ['inconsistent', 'same-size-fork', 'own-log-fork'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

/** A fork or rewrite of a log seen by this node; open until an admin clears it. */
@Entity('transparency_alarm')
export class TransparencyAlarmEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Whose log forked: a partner, or this node itself (`own-log-fork`). */
  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 32 })
  kind: AlarmKind;

  /** JSON: the two checkpoints that disagree and who showed each. */
  @Column({ type: 'text' })
  evidence: string;

  @Column({ name: 'raised_at', type: Date })
  raisedAt: Date;

  @Column({ name: 'cleared_at', type: Date, nullable: true })
  clearedAt: Date | null;

  @Column({ name: 'cleared_by', type: 'varchar', length: 128, nullable: true })
  clearedBy: string | null;

  @Column({ name: 'clear_note', type: 'varchar', length: 500, nullable: true })
  clearNote: string | null;
}

export const ALARM_KEY: KeysetColumn<TransparencyAlarmEntity>[] = [{ property: 'raisedAt', date: true }, { property: 'id' }];
