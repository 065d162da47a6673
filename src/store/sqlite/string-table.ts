// SQLite adapter: the strings edges share (file names, asserting document ids, extractor versions), each
// stored once and named by number. Numbers are cached both ways; strings are never deleted, so a cached
// entry stays true, except one made in a transaction that rolled back, which `rollback` forgets.
import type Database from 'better-sqlite3';
import { StoreError } from '../graph-store.ts';

export class StringTable {
  private readonly byValue = new Map<string, number>();
  private readonly byNumber = new Map<number, string>();
  /** Entries made since the transaction began. */
  private pending: string[] = [];
  private readonly find: Database.Statement<{ value: string }, number>;
  private readonly insert: Database.Statement<{ value: string }, number>;
  private readonly get: Database.Statement<{ s: number }, string>;

  constructor(db: Database.Database, sql: { all: string; find: string; insert: string; get: string }) {
    this.find = db.prepare<{ value: string }, number>(sql.find).pluck();
    this.insert = db.prepare<{ value: string }, number>(sql.insert).pluck();
    this.get = db.prepare<{ s: number }, string>(sql.get).pluck();
    for (const row of db.prepare(sql.all).iterate() as Iterable<{ s: number; value: string }>) {
      this.remember(row.value, row.s);
    }
  }

  private remember(value: string, s: number): void {
    this.byValue.set(value, s);
    this.byNumber.set(s, value);
  }

  /** The number of `value`, storing it if new (inside the caller's write transaction). */
  number(value: string): number {
    const known = this.byValue.get(value);
    if (known !== undefined) return known;
    const s = this.find.get({ value }) ?? this.insert.get({ value });
    if (s === undefined) throw new StoreError('INTERNAL', `cannot store the string ${JSON.stringify(value)}`);
    this.remember(value, s);
    this.pending.push(value);
    return s;
  }

  /** The string numbered `s`; one stored by another process since start is read from the database. */
  value(s: number): string {
    const known = this.byNumber.get(s);
    if (known !== undefined) return known;
    const value = this.get.get({ s });
    if (value === undefined)
      throw new StoreError('INTERNAL', `an edge names string ${s}, which is not stored`);
    this.remember(value, s);
    return value;
  }

  begin(): void {
    this.pending = [];
  }

  commit(): void {
    this.pending = [];
  }

  rollback(): void {
    for (const value of this.pending) {
      const s = this.byValue.get(value);
      this.byValue.delete(value);
      if (s !== undefined) this.byNumber.delete(s);
    }
    this.pending = [];
  }
}
