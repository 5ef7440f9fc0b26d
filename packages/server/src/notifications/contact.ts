/** The contact columns of an interview row. */
export interface ContactRow {
  email: string | null;
  phone: string | null;
  anonymised: number;
}

/** Where a message to the candidate goes: their email, else their phone; nowhere once their data is anonymised. */
export function candidateContact(row: ContactRow | undefined): { channel: 'email' | 'sms'; to: string } | null {
  if (!row || row.anonymised > 0) return null;
  if (row.email) return { channel: 'email', to: row.email };
  return row.phone ? { channel: 'sms', to: row.phone } : null;
}
