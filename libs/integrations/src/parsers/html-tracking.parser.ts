import type { ParseResult } from '@custody/domain';
import { Parser } from 'htmlparser2';
import type { ParseContext } from '../builder.js';
import { hostOf, lookupVendor } from '../catalogue/lookup.js';
import { categoriesFromText } from '../data/categories.js';
import { portalSystem, trackedData, trackerSystem, TRACKER_CALLS } from './tracking.js';

/**
 * Patient-portal HTML: third-party scripts, pixels and iframes from known trackers, and inline
 * tracker calls. Each tracker gets a flow of web identifiers, plus what the page's forms collect when
 * a tracker runs on a page that has them (pixels see form interactions and URLs).
 */
export function parseHtmlTracking(ctx: ParseContext): ParseResult {
  const found: { host: string; line: number; how: string }[] = [];
  const inline: { text: string; line: number }[] = [];
  const fields: string[] = [];
  let title = '';
  let inScript = false;
  let inTitle = false;
  let scriptText = '';
  let scriptLine = 1;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const line = ctx.lines.lineAt(parser.startIndex);
        const src = attrs.src ?? (name === 'link' ? undefined : attrs['data-src']);
        if (src && /^(?:https?:)?\/\//i.test(src)) {
          const host = hostOf(src.startsWith('//') ? `https:${src}` : src);
          const v = host ? lookupVendor(host, ctx.vendors) : undefined;
          if (host && v?.role === 'analytics_tracker') found.push({ host, line, how: `<${name} src>` });
          else if (host && v?.role === 'data_broker') found.push({ host, line, how: `<${name} src>` });
        }
        if (name === 'script') {
          inScript = true;
          scriptText = '';
          scriptLine = line;
        }
        if (name === 'title') inTitle = true;
        if (/^(?:input|select|textarea)$/.test(name)) fields.push(`${attrs.name ?? ''} ${attrs.id ?? ''} ${attrs.type ?? ''} ${attrs.autocomplete ?? ''}`);
      },
      ontext(t) {
        if (inScript) scriptText += t;
        if (inTitle) title += t;
      },
      onclosetag(name) {
        if (name === 'script') {
          inScript = false;
          if (scriptText.trim()) inline.push({ text: scriptText, line: scriptLine });
        }
        if (name === 'title') inTitle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(ctx.text);
  parser.end();
  for (const s of inline) {
    for (const [re, host] of TRACKER_CALLS) {
      const m = re.exec(s.text);
      if (m) found.push({ host, line: s.line + (s.text.slice(0, m.index).match(/\n/g)?.length ?? 0), how: 'inline script' });
    }
  }
  const pageData = categoriesFromText(`${title} ${fields.join(' ')}`, []);
  const portal = portalSystem(ctx, undefined, ctx.ev('html', 1));
  for (const f of found) {
    const e = ctx.ev(`html(${f.how})`, f.line);
    const to = trackerSystem(ctx, f.host, e);
    const sent = inline.filter((s) => TRACKER_CALLS.some(([re, h]) => h === f.host && re.test(s.text))).map((s) => s.text).join(' ');
    ctx.mergeFlow({ from: portal, to, data: [...trackedData(sent), ...pageData], transport: 'https', purpose: 'tracking on patient-facing page', evidence: [e] });
  }
  if (!found.length) ctx.skip('no tracking technology found on this page', 'html');
  return ctx.result();
}
