import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import type { Connection } from '../../common/pagination.js';
import { Transactions, type Tx } from '../../infrastructure/database/transactions.js';
import {
  effectivePreferences,
  type NotificationChannel,
  type NotificationType,
  type PreferenceRow,
} from './notification-types.js';
import { NotificationsRepository, type StoredNotification } from './notifications.repository.js';

const encode = (id: string) => Buffer.from(`n:${id}`).toString('base64url');
function decode(cursor: string | null | undefined): string | null {
  if (!cursor) return null;
  const match = /^n:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw DomainError.field('after', 'El cursor no es válido.');
  return match[1];
}

/** The viewer's in-app notifications and preferences (RULES §8). */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Newest first; keyset cursors, so new notifications arriving meanwhile never shift a page. */
  async list(
    userId: string,
    args: { first: number; after?: string | null; unreadOnly: boolean },
  ): Promise<Connection<StoredNotification>> {
    const beforeId = decode(args.after);
    const [rows, totalCount] = await Promise.all([
      this.repository.page(userId, { unreadOnly: args.unreadOnly, beforeId, limit: args.first + 1 }),
      this.repository.count(userId, args.unreadOnly),
    ]);
    const nodes = rows.slice(0, args.first);
    const edges = nodes.map((node) => ({ cursor: encode(node.id), node }));
    return {
      edges,
      nodes,
      pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount,
    };
  }

  unreadCount(userId: string): Promise<number> {
    return this.repository.count(userId, true);
  }

  /** Ids of other people's notifications are ignored: the count says how many of the viewer's changed. */
  markRead(userId: string, ids: string[] | null | undefined): Promise<number> {
    const valid = ids?.filter((id) => /^\d{1,19}$/.test(id)) ?? null;
    if (valid && !valid.length) return Promise.resolve(0);
    return this.transactions.run((tx) => this.repository.markRead(tx, userId, valid, this.clock.now()));
  }

  async preferences(userId: string): Promise<PreferenceRow[]> {
    return effectivePreferences(await this.repository.preferences(userId));
  }

  async setPreference(
    userId: string,
    type: NotificationType,
    channel: NotificationChannel,
    enabled: boolean,
  ): Promise<PreferenceRow> {
    const pref = { type, channel, enabled };
    await this.transactions.run((tx) => this.repository.setPreference(tx, userId, pref, this.clock.now()));
    return pref;
  }

  /** The unsubscribe link: that type's e-mails off, nothing else. False when the account no longer exists. */
  async unsubscribe(userId: string, type: NotificationType): Promise<boolean> {
    if (!(await this.repository.userExists(userId))) return false;
    await this.setPreference(userId, type, 'EMAIL', false);
    return true;
  }

  /** Account deletion: forgets the person's preferences, notifications and e-mail deliveries. */
  forgetRecipient(tx: Tx, userId: string): Promise<void> {
    return this.repository.deleteAllOfRecipient(tx, userId);
  }
}
