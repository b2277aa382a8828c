import { loadMarkdown } from './markdown-loader.js';

// A table whose one cell holds `lines` lines joined by `<br>` (a provider list laid out in one cell), every fifth a
// sentence of its own so both ways a break is read (kept as a space, or ending a sentence) are taken.
const cellTable = (lines: number): string => {
  const cell: string[] = [];
  for (let k = 0; k < lines; k++) cell.push(k % 5 === 4 ? `Provider ${k} hosts the [service](https://example.com/${k}) for our customers` : `Provider ${k}`);
  return ['| Category | Recipients |', '| --- | --- |', `| Identifiers | ${cell.join('<br>')} |`, ''].join('\n');
};

/**
 * Characters the loader copies or searches through while it loads `md`: every string `slice` result and every string
 * `search` runs over. Copying the rest of a cell at each break (the quadratic way) counts the cell's length per break.
 */
function stepsOf(md: string): number {
  let steps = 0;
  const slice = String.prototype.slice;
  const search = String.prototype.search;
  String.prototype.slice = function (this: string, start?: number, end?: number) {
    const out = slice.call(this, start, end);
    steps += out.length;
    return out;
  };
  String.prototype.search = function (this: string, re: RegExp | string) {
    steps += this.length;
    return search.call(this, re as RegExp);
  } as typeof search;
  try {
    loadMarkdown(md);
  } finally {
    String.prototype.slice = slice;
    String.prototype.search = search;
  }
  return steps;
}

describe('a table cell with many line breaks (<br>)', () => {
  it('is read in steps that grow with its length, not with its length times its breaks', () => {
    const small = cellTable(1_000);
    const large = cellTable(4_000);
    const a = stepsOf(small);
    const b = stepsOf(large);
    // Linear work quadruples with four times the lines; copying the cell's rest per break grows sixteen-fold.
    expect(b / a).toBeLessThan(6);
    expect(b).toBeLessThan(40 * large.length);
  });

  it('reads each line once and keeps what the breaks mean: a sentence line ends the one before, a name does not', () => {
    const { text, links } = loadMarkdown(cellTable(10));
    expect(text).toBe(
      'Category | Recipients\nIdentifiers | Provider 0Provider 1Provider 2Provider 3. Provider 4 hosts the service for our customersProvider 5Provider 6Provider 7Provider 8. Provider 9 hosts the service for our customers',
    );
    // Each link text is noted as often, and in the order, as when each line was read twice (the provider reader
    // filters the list per cell, so a change there would change what it reads).
    expect(links).toEqual([[99, 106], [99, 106], [187, 194], [99, 106], [187, 194]]);
    expect(links.map(([a, z]) => text.slice(a, z))).toEqual(['service', 'service', 'service', 'service', 'service']);
  });
});
