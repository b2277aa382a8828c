import { TextBuilder } from './text-builder.js';
import type { SectionSpan } from '../types.js';

/**
 * Markdown to plain text: headings (ATX and setext) become heading blocks, list items keep a "- " or
 * "1. " marker on their own line, emphasis/code/link/image markup and HTML tags go, table rows become
 * "cell | cell" lines (separator rows dropped), backslash escapes are resolved.
 */
export function loadMarkdown(source: string): { text: string; sections: SectionSpan[] } {
  const b = new TextBuilder();
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let inFence = false;
  let paraIsItem = false;
  let lastWasItem = false;
  // Consecutive list items stay on adjacent lines; anything else is a paragraph of its own.
  const flush = () => {
    if (para.length > 0) {
      b.add(para.join('\n'), { separator: paraIsItem && lastWasItem ? '\n' : '\n\n' });
      lastWasItem = paraIsItem;
    }
    para = [];
    paraIsItem = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (/^\s*(?:```|~~~)/.test(raw)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      para.push(raw);
      continue;
    }
    const next = lines[i + 1] ?? '';
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (atx) {
      flush();
      lastWasItem = false;
      b.add(inline(atx[2]), { heading: true });
      continue;
    }
    if (raw.trim() && /^\s{0,3}(?:=+|-+)\s*$/.test(next) && !/^\s*[-*+]\s/.test(raw) && para.length === 0) {
      b.add(inline(raw), { heading: true });
      i++;
      continue;
    }
    if (/^\s*(?:[-*_]\s*){3,}$/.test(raw) || /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(raw)) {
      flush();
      continue;
    }
    if (!raw.trim()) {
      flush();
      if (!/^\s*(?:[-*+]|\d{1,3}[.)])\s/.test(next)) lastWasItem = false;
      continue;
    }
    const bullet = /^\s*(?:[-*+]|(\d{1,3})[.)])\s+(.*)$/.exec(raw);
    if (bullet) {
      flush();
      para.push((bullet[1] ? `${bullet[1]}. ` : '- ') + inline(bullet[2]));
      paraIsItem = true;
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(raw)) {
      flush();
      const cells = raw.trim().replace(/^\||\|$/g, '').split('|').map((c) => inline(c.trim()));
      b.add(cells.join(' | '), { separator: '\n' });
      continue;
    }
    para.push(inline(raw.replace(/^\s*>\s?/, '')));
  }
  flush();
  return b.build();
}

/** Strips inline markup from one line. */
function inline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_]*?\S)[*_](?![\w*])/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~"'])/g, '$1')
    .replace(/[ \t]{2,}$/, '');
}
