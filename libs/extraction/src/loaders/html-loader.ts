import { Parser } from 'htmlparser2';
import type { SectionSpan } from '../types.js';
import { TextBuilder } from './text-builder.js';

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'nav', 'footer', 'header', 'svg', 'iframe', 'object', 'canvas', 'button', 'select', 'form', 'head', 'title', 'meta', 'link']);
const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'main', 'aside', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'dd', 'dt', 'table', 'thead', 'tbody', 'tr', 'br', 'hr', 'address', 'figure', 'figcaption', 'body', 'html']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Cookie banners, navigation, menus and footers that sites mark with ids, classes, roles or labels.
const BOILERPLATE = /(?:^|[\s_-])(?:cookie|cookies|consent|gdpr|ccpa-banner|banner|navbar|nav|navigation|menu|breadcrumbs?|footer|site-header|skip-link|social|share-buttons|newsletter|modal|popup)(?:$|[\s_-])/i;
const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);

/**
 * HTML to text with htmlparser2: block elements become paragraphs, list items and table rows lines,
 * h1–h6 headings; script, style, nav, header, footer, forms and elements marked as cookie banners,
 * menus or footers (by id, class, role or aria-label) are dropped. Entities are decoded.
 */
export function loadHtml(source: string): { text: string; sections: SectionSpan[] } {
  const b = new TextBuilder();
  const stack: { tag: string; skip: boolean }[] = [];
  let skipDepth = 0;
  let buf = '';
  let cells: string[] | null = null;
  let kind: 'para' | 'heading' | 'item' = 'para';
  const flush = () => {
    const t = buf.replace(/\s+/g, ' ').trim();
    buf = '';
    if (!t) return;
    if (kind === 'heading') b.add(t, { heading: true });
    else if (kind === 'item') b.add(`- ${t}`, { separator: '\n' });
    else b.add(t);
    kind = 'para';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const marker = [attrs.id, attrs.class, attrs.role, attrs['aria-label']].filter(Boolean).join(' ');
        const skip = SKIP_TAGS.has(name) || (marker !== '' && BOILERPLATE.test(marker)) || /^(?:navigation|banner|contentinfo|dialog|alertdialog)$/.test(attrs.role ?? '') || 'hidden' in attrs || attrs['aria-hidden'] === 'true';
        if (!VOID_TAGS.has(name)) stack.push({ tag: name, skip });
        if (skip && !VOID_TAGS.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (HEADING_TAGS.has(name)) {
          flush();
          kind = 'heading';
        } else if (name === 'li') {
          flush();
          kind = 'item';
        } else if (name === 'tr') {
          flush();
          cells = [];
        } else if ((name === 'td' || name === 'th') && cells) {
          buf = '';
        } else if (BLOCK_TAGS.has(name)) flush();
      },
      ontext(data) {
        if (skipDepth === 0) buf += data;
      },
      onclosetag(name) {
        if (VOID_TAGS.has(name)) {
          if (name === 'br' && skipDepth === 0) buf += '\n';
          return;
        }
        // Pop to the matching open tag (tolerates unclosed children).
        let idx = stack.length - 1;
        while (idx >= 0 && stack[idx].tag !== name) idx--;
        if (idx < 0) return;
        while (stack.length > idx) {
          const top = stack.pop()!;
          if (top.skip) skipDepth--;
        }
        if (skipDepth > 0) return;
        if ((name === 'td' || name === 'th') && cells) {
          cells.push(buf.replace(/\s+/g, ' ').trim());
          buf = '';
        } else if (name === 'tr' && cells) {
          // Empty cells keep their place, so a column is the same column in every row (the header names it).
          const row = cells.some(Boolean) ? cells.join(' | ') : '';
          cells = null;
          if (row) b.add(row, { separator: '\n' });
        } else if (HEADING_TAGS.has(name) || name === 'li' || BLOCK_TAGS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(source);
  parser.end();
  flush();
  return b.build();
}
