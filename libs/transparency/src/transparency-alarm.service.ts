import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { AuditLogService } from '@ots/audit';
import { RECORD_PAGES, connectionFrom, pageRequest, type Connection, type ConnectionArgs } from '@ots/graphql-api';
import type { Principal } from '@ots/identity';
import { keysetFind, keysetKey } from '@ots/persistence';
import { ALARM_KEY, TransparencyAlarmEntity, WitnessedCheckpointEntity, type AlarmKind } from './transparency.entities.js';
import { TransparencyAlarmNotFoundError } from './transparency.errors.js';

/** What monitoring reads: how many alarms are open, and about whose logs. */
export interface TransparencyAlarmState {
  open: number;
  countries: string[];
  /** Open alarms per country whose log forked. */
  byCountry: Record<string, number>;
}

/**
 * Fork alarms (docs/transparency.md). Raising one writes the alarm and its audit entry in one transaction; while a
 * country has an open alarm its log is not witnessed further and trust accepts no new root key from it. Only an
 * admin clears an alarm, and that is audited too.
 */
@Injectable()
export class TransparencyAlarmService {
  private readonly logger = new Logger(TransparencyAlarmService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  /** Raises an alarm about `country`'s log, unless one is open already (the first evidence is what an admin needs). */
  async raise(country: string, kind: AlarmKind, evidence: Record<string, unknown>): Promise<TransparencyAlarmEntity> {
    const alarm = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(TransparencyAlarmEntity);
      const open = await repository.findOne({ where: { country, clearedAt: IsNull() } });
      if (open) return undefined;
      const created = repository.create({
        id: randomUUID(),
        country,
        kind,
        evidence: JSON.stringify(evidence),
        raisedAt: new Date(),
        clearedAt: null,
        clearedBy: null,
        clearNote: null,
      });
      await repository.insert(created);
      await this.audit.append(manager, {
        actor: 'system:transparency',
        action: 'transparency.alarm',
        subject: country,
        details: { kind, ...evidence },
      });
      return created;
    });
    if (alarm) {
      this.logger.error(
        `\n${'!'.repeat(72)}\n  TRANSPARENCY ALARM (${kind}): the key log of ${country} forked or was rewritten.\n` +
          `  New root keys from ${country} are refused until an admin clears alarm ${alarm.id}\n  (docs/transparency.md).\n${'!'.repeat(72)}`,
      );
    }
    return alarm ?? ((await this.openFor(country)) as TransparencyAlarmEntity);
  }

  async hasOpenAlarm(country: string): Promise<boolean> {
    return (await this.openFor(country)) !== undefined;
  }

  /** When an admin last cleared an alarm about `country`'s log: evidence cosigned before then was judged already. */
  async lastClearedAt(country: string): Promise<Date | undefined> {
    const [last] = await this.dataSource
      .getRepository(TransparencyAlarmEntity)
      .find({ where: { country, clearedAt: Not(IsNull()) }, order: { clearedAt: 'DESC' }, take: 1 });
    return last?.clearedAt ?? undefined;
  }

  /** Alarms newest first, one page: the open ones, or every one ever raised. */
  async list(includeCleared: boolean, paging: ConnectionArgs): Promise<Connection<TransparencyAlarmEntity>> {
    const request = pageRequest('alarm', paging, RECORD_PAGES, ALARM_KEY.length);
    const where = includeCleared ? {} : { clearedAt: IsNull() };
    const rows = await keysetFind(this.dataSource.getRepository(TransparencyAlarmEntity), where, ALARM_KEY, request);
    return connectionFrom('alarm', request, rows, (row) => keysetKey(row, ALARM_KEY));
  }

  /**
   * The one method monitoring needs: a metric (`ots_transparency_alarms_open`) and a doctor check read it.
   *
   * @example
   * const { open, countries } = await alarms.state(); // { open: 1, countries: ['TR'], byCountry: { TR: 1 } }
   */
  async state(): Promise<TransparencyAlarmState> {
    const open = await this.dataSource.getRepository(TransparencyAlarmEntity).find({ where: { clearedAt: IsNull() } });
    const byCountry: Record<string, number> = {};
    for (const alarm of open) byCountry[alarm.country] = (byCountry[alarm.country] ?? 0) + 1;
    return { open: open.length, countries: Object.keys(byCountry).sort(), byCountry };
  }

  /**
   * An admin has looked into the alarm and acted (see docs/transparency.md): it is closed, audited, and what this node
   * remembered of that log is forgotten, so the next refresh starts witnessing it afresh from what it then serves.
   */
  async clear(id: string, note: string, principal: Principal): Promise<TransparencyAlarmEntity> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(TransparencyAlarmEntity);
      const alarm = typeof id === 'string' && id.length <= 36 ? await repository.findOne({ where: { id, clearedAt: IsNull() } }) : null;
      if (!alarm) throw new TransparencyAlarmNotFoundError(`no open transparency alarm ${id}`, { id: String(id).slice(0, 36) });
      alarm.clearedAt = new Date();
      alarm.clearedBy = principal.subject.slice(0, 128);
      alarm.clearNote = note.slice(0, 500);
      await repository.save(alarm);
      await manager.getRepository(WitnessedCheckpointEntity).delete({ country: alarm.country });
      await this.audit.append(manager, {
        actor: principal.subject,
        action: 'transparency.alarm-cleared',
        subject: alarm.country,
        details: { id, kind: alarm.kind, note: alarm.clearNote },
      });
      return alarm;
    });
  }

  private async openFor(country: string): Promise<TransparencyAlarmEntity | undefined> {
    return (await this.dataSource.getRepository(TransparencyAlarmEntity).findOne({ where: { country, clearedAt: IsNull() } })) ?? undefined;
  }
}
