/**
 * One whitespace normalisation for every format, so evidence offsets mean the same thing whatever the
 * source: LF line ends, no tabs or exotic spaces, single spaces inside lines, no indentation, at most one
 * blank line between paragraphs. Invisible characters (zero-width, soft hyphen, BOM, C0 controls) go.
 */
export function normaliseWhitespace(input: string): string {
  const s = input
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad\u0000-\u0008\u000e-\u001f\u007f]/g, '')
    .replace(/[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u2028\u2029]/g, '\n');
  const lines = s.split('\n');
  const out: string[] = [];
  let blank = 0;
  for (const raw of lines) {
    const line = raw.replace(/ {2,}/g, ' ').trim();
    if (line === '') {
      blank++;
      continue;
    }
    if (out.length > 0) out.push(blank > 0 ? '\n\n' : '\n');
    out.push(line);
    blank = 0;
  }
  return out.join('');
}
