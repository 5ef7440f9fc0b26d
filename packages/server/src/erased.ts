import type { Database } from 'better-sqlite3';
import { hmacHex } from './crypto.js';

/**
 * Candidates who asked for erasure (R10), remembered by a keyed hash of their reference, never the
 * reference itself: `delete` replaces the reference in every row, yet an interview this server does
 * not know yet (a token the vendor signed) must still be recognised as theirs.
 * The level is the `interviews.anonymised` one: 1 after `anonymise`, 2 after `delete`.
 */
const refHash = (secret: string, candidateRef: string) => hmacHex(secret, 'erased-ref', candidateRef);

export function rememberErasure(db: Database, secret: string, candidateRef: string, scope: 'anonymise' | 'delete'): void {
  db.prepare('INSERT INTO erased_refs (ref_hash, level) VALUES (?, ?) ON CONFLICT (ref_hash) DO UPDATE SET level = MAX(level, excluded.level)')
    .run(refHash(secret, candidateRef), scope === 'delete' ? 2 : 1);
}

/** 0 if the candidate never asked for erasure, else the level they asked for. */
export function erasureLevel(db: Database, secret: string, candidateRef: string): number {
  const row = db.prepare('SELECT level FROM erased_refs WHERE ref_hash = ?').get(refHash(secret, candidateRef)) as { level: number } | undefined;
  return row?.level ?? 0;
}
