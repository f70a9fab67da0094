import { Args, Field, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { AuditLogService } from '@ots/audit';
import { NodeConfig } from '@ots/config';
import { BadInputError } from '@ots/errors';
import { CurrentPrincipal, Roles, type Principal } from '@ots/identity';
import { backedUpEvent } from './backup-audit.js';

@InputType()
export class BackupRecordInput {
  @Field({ description: 'SHA-256 of the whole backup file, lower-case hex.' })
  sha256: string;

  @Field({ description: "Whether the file holds the node's key files (false with keys in a PKCS#11 token)." })
  keyMaterialIncluded: boolean;
}

/**
 * `fedctl backup` takes the snapshot on the node's machine (docs/decisions.md); the running node is the one writer
 * of its SQLite database, so it is the node that records the backup in its audit chain, naming the admin.
 */
@Resolver()
@Roles('admin')
export class BackupResolver {
  constructor(
    private readonly audit: AuditLogService,
    private readonly config: NodeConfig,
  ) {}

  @Mutation(() => Int, { description: 'Records a backup an admin has taken of this node in its audit log; returns the entry number.' })
  async recordBackup(@Args('input') input: BackupRecordInput, @CurrentPrincipal() principal: Principal): Promise<number> {
    if (!/^[0-9a-f]{64}$/.test(input.sha256)) throw new BadInputError('bad sha256', { detail: 'sha256: must be 64 lower-case hex digits' });
    const entry = await this.audit.record(
      backedUpEvent(principal.subject, input.sha256, input.keyMaterialIncluded, this.config.databaseUrl ? 'postgres' : 'sqlite'),
    );
    return entry.seq;
  }
}
