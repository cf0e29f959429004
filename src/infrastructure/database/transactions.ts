import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { driverError } from './driver-error.js';

declare const inTransaction: unique symbol;
/** An EntityManager that is inside a transaction. Repository writes require one, so a write outside a transaction does not compile. */
export type Tx = EntityManager & { readonly [inTransaction]: true };

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one READ COMMITTED transaction (the connections' default, see data-source-options), retrying it
   * on serialization failures and deadlocks.
   */
  async run<T>(work: (tx: Tx) => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) => work(manager as Tx));
      } catch (error) {
        const { code } = driverError(error);
        if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw error;
      }
    }
  }
}
