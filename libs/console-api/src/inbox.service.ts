import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RECORD_PAGES, connectionFrom, pageRequest, type Connection, type ConnectionArgs, type PageLimits } from '@ots/graphql-api';
import { InboxMessageEntity } from '@ots/messaging';
import { keysetFind, keysetKey, type KeysetColumn } from '@ots/persistence';

/** The inbox as a connection: newest first, by receipt time then (sender, jti), which is unique. */
export const INBOX_PAGES: PageLimits = RECORD_PAGES;
const INBOX_KEY: KeysetColumn<InboxMessageEntity>[] = [{ property: 'receivedAt', date: true }, { property: 'iss' }, { property: 'jti' }];

/** The messages this node received and receipted, for the console's Messages page. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Received messages, newest first, one page (docs/api.md, "Paging"). */
  async page(args: ConnectionArgs): Promise<Connection<InboxMessageEntity>> {
    const request = pageRequest('inbox', args, INBOX_PAGES, INBOX_KEY.length);
    const rows = await keysetFind(this.dataSource.getRepository(InboxMessageEntity), {}, INBOX_KEY, request);
    return connectionFrom('inbox', request, rows, (row) => keysetKey(row, INBOX_KEY));
  }
}
