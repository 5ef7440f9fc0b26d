import type { Database } from 'better-sqlite3';
import { migrations } from './migrations.js';

/**
 * Bring the database up to the newest migration. Each migration runs in its own transaction with
 * its version row, so a crash half-way leaves the file at the last complete version, and a second
 * start finds nothing to do.
 */
export function migrate(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  // Every version not yet applied, not only those above the newest: migrations written side by side
  // (5, 6 and 7 on separate branches) may reach a file out of order, and none may be skipped.
  const applied = new Set((db.prepare('SELECT version FROM migrations').all() as { version: number }[]).map((row) => row.version));
  const record = db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }
}
