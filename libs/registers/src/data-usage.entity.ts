import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { KeysetColumn } from '@ots/persistence';
import type { DataCategory, PurposeKind } from './purpose.js';

/** `read`: the node read the person's register data; `sent`: it sent data or documents about them to a partner. */
export const DATA_USAGE_KINDS = ['read', 'sent'] as const;
export type DataUsageKind = (typeof DATA_USAGE_KINDS)[number];

/** One use of a person's data, with the purpose it served (myDataUsage lists them to the person). */
@Entity('data_usage')
export class DataUsageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Whose data it was. */
  @Column({ type: 'varchar', length: 96 })
  subject: string;

  @Column({ type: 'varchar', length: 16 })
  kind: DataUsageKind;

  @Column({ name: 'purpose_kind', type: 'varchar', length: 16 })
  purposeKind: PurposeKind;

  /** The case id, `<partner>:<request id>` of a taxpayer check, or `<person>:<act>` of a consent. */
  @Column({ name: 'purpose_ref', type: 'varchar', length: 200 })
  purposeRef: string;

  /** The partner the use served (a read) or the data went to (sent). */
  @Column({ type: 'varchar', length: 2, nullable: true })
  partner: string | null;

  @Column({ type: 'simple-json' })
  categories: DataCategory[];

  /** The documents sent (doc_type values), none for a read. */
  @Column({ name: 'doc_types', type: 'simple-json' })
  docTypes: string[];

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;
}

export const DATA_USAGE_KEY: KeysetColumn<DataUsageEntity>[] = [{ property: 'createdAt', date: true }, { property: 'id' }];
