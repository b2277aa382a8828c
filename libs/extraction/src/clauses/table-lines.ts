import type { Sentence } from '../text/sentences.js';

/**
 * Whether a sentence opens a line of a table although it holds no cell bar: the row's first cell is made of whole
 * sentences ("Notify the Sender … for all Users. Email shipments to. | Name | …"), so the splitter ends the first of
 * them before the first bar. The line is the table's next row all the same; without this the table would end there and
 * its later rows lose their header ("Who do we share personal data with?") and the context it gives.
 */
export function opensTableLine(text: string, s: Sentence): boolean {
  const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
  if (text.slice(lineStart, s.start).trim() !== '') return false;
  let lineEnd = text.indexOf('\n', s.end);
  if (lineEnd < 0) lineEnd = text.length;
  return lineEnd > s.end && text.slice(s.end, lineEnd).includes(' | ');
}
