import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrate.js';

/**
 * Open (or create) the database file and migrate it. The file holds names and contacts: a
 * directory made here is its owner's only (0700), and so is a new file (0600); SQLite gives its
 * `-wal` and `-shm` the database file's mode.
 */
export function openDatabase(path: string): Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Created before SQLite opens it, which would make it 0644; an existing file keeps the mode its operator gave it.
    closeSync(openSync(path, 'a', 0o600));
  }
  const db = new BetterSqlite3(path);
  // WAL: readers (the HR report, the SSE stream) never wait for a writer.
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  // Anonymised data must leave the file, not linger in free pages (PIPL art. 47 / 73).
  db.pragma('secure_delete = ON');
  migrate(db);
  return db;
}

/**
 * Push the write-ahead log into the main file and empty it: after an anonymisation the old page
 * images in the WAL still hold the personal data until this runs.
 */
export function checkpoint(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
