import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceDefinition, ServiceText } from './catalog.schema.js';

/** An admin's change to one service, laid over the federation-config catalog. */
@Entity('registry_service')
export class RegistryServiceEntity {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  code: string;

  @Column({ type: 'simple-json' })
  definition: ServiceDefinition;

  @Column({ type: 'simple-json' })
  texts: Record<string, ServiceText>;

  @Column({ type: 'boolean' })
  retired: boolean;

  @Column({ name: 'updated_by', type: 'varchar', length: 128 })
  updatedBy: string;

  @Column({ name: 'updated_at', type: Date })
  updatedAt: Date;
}
