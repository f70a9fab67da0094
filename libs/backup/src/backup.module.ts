import { Module } from '@nestjs/common';
import { BackupResolver } from './backup.resolver.js';

/** The node's side of backups: recording them in the audit log (the files are written by fedctl). */
@Module({ providers: [BackupResolver] })
export class BackupModule {}
