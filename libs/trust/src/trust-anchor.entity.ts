import type { KeyRevocationReason } from '@ots/jws';
import { Column, Entity, OneToMany, PrimaryColumn, ManyToOne, JoinColumn } from 'typeorm';

export const ANCHOR_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];
/** `signer`: a partner signer key known only because an admin revoked it. */
export const KEY_SOURCES = ['pinned', 'continuity', 'signer'] as const;
export type KeySource = (typeof KEY_SOURCES)[number];
export const KEY_STATUSES = ['active', 'revoked'] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];
/** `compromised`: everything the key signed is invalid; `superseded`: what it signed before stays valid. */

/** A partner country this node's admin chose to trust (docs/protocol section 3). */
@Entity('trust_anchor')
export class TrustAnchorEntity {
  @PrimaryColumn({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 16 })
  status: AnchorStatus;

  @Column({ name: 'valid_from', type: Date })
  validFrom: Date;

  @Column({ name: 'valid_to', type: Date, nullable: true })
  validTo: Date | null;

  /** Service codes the partner's citizens may use through this node; null means all. */
  @Column({ name: 'services_allowed', type: 'simple-json', nullable: true })
  servicesAllowed: string[] | null;

  @Column({ name: 'base_url', type: 'varchar', length: 512 })
  baseUrl: string;

  @Column({ name: 'graphql_endpoint', type: 'varchar', length: 512 })
  graphqlEndpoint: string;

  @Column({ name: 'status_list_endpoint', type: 'varchar', length: 512 })
  statusListEndpoint: string;

  /** The last verified entity configuration, kept as received: the proof of what was accepted. */
  @Column({ name: 'entity_configuration', type: 'text' })
  entityConfiguration: string;

  @Column({ name: 'refreshed_at', type: Date })
  refreshedAt: Date;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt: Date;

  @OneToMany(() => TrustAnchorKeyEntity, (key) => key.anchor, { cascade: true, eager: true })
  keys: TrustAnchorKeyEntity[];
}

/** A partner root key: pinned by the admin's thumbprint, or accepted by key continuity. */
@Entity('trust_anchor_key')
export class TrustAnchorKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 2 })
  country: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  thumbprint: string;

  @Column({ type: 'simple-json' })
  jwk: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16 })
  source: KeySource;

  @Column({ type: 'varchar', length: 16 })
  status: KeyStatus;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revocation_reason', type: 'varchar', length: 16, nullable: true })
  revocationReason: KeyRevocationReason | null;

  @Column({ name: 'added_at', type: Date })
  addedAt: Date;

  @ManyToOne(() => TrustAnchorEntity, (anchor) => anchor.keys, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'country' })
  anchor: TrustAnchorEntity;
}
