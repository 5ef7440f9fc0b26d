/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so that spreadsheets read Chinese right), safe however
 * a spreadsheet splits it: Excel splits on `;` in many locales, other tools on tab or `|`, and a
 * line break starts a row anywhere. So every piece that one of those separators could cut off
 * (and each cell's start) is defused with an apostrophe before a formula trigger (=, +, -, @, tab,
 * CR), even behind spaces or quotes; and every cell holding a separator or a quote is quoted.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => {
    const safe = value.replace(/(?<=^|[,;\t|\r\n])([ "]*)(?=[=+\-@\t\r])/g, "$1'");
    return /[",;\t|\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The inverse, for tests and imports: cells of each line (the BOM and apostrophe guards kept as they are). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i += 1) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && input[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), (i += 1);
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}
