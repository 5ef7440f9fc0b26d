// A table's data as text, cell by cell, without the buttons in the cells ("Mark reviewed"): what a
// CSV export should hold. Self-contained, so that Playwright can also run it inside a page.

/** The rows' cells as trimmed text, buttons left out. */
export function rowTexts(rows: Element[]): string[][] {
  return rows.map((row) =>
    [...row.children].map((cell) => {
      const copy = cell.cloneNode(true) as Element;
      copy.querySelectorAll('button').forEach((button) => button.remove());
      return copy.textContent!.trim();
    }),
  );
}
