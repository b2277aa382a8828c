import type { ParseResult } from '@custody/domain';
import type { ParseContext } from '../builder.js';
import { hostOf } from '../catalogue/lookup.js';
import { joinPath, parseJsonWithLines } from '../safe/json.js';
import { portalSystem, trackedData, trackerSystem, TRACKER_CALLS } from './tracking.js';

type R = Record<string, any>;

/** GTM built-in tag types → the tracker host they send to. */
const TAG_TYPES: Record<string, string> = {
  gaawe: 'google-analytics.com', gaawc: 'google-analytics.com', googtag: 'google-analytics.com', ua: 'google-analytics.com',
  awct: 'doubleclick.net', sp: 'doubleclick.net', gclidw: 'doubleclick.net', flc: 'doubleclick.net', fls: 'doubleclick.net',
  hjtc: 'hotjar.com', bzi: 'snap.licdn.com', baut: 'bat.bing.com', twitter_website_tag: 'static.ads-twitter.com',
};

/** Flattens GTM `parameter[]` (key/value, list, map) into text for data-category reading. */
function paramText(params: unknown): string {
  return JSON.stringify(params ?? []);
}

/** Google Tag Manager container exports: each tag becomes a flow of web identifiers (and what it sends) to its tracker. */
export function parseGtm(ctx: ParseContext): ParseResult {
  const { value, lines } = parseJsonWithLines(ctx.text);
  const cv: R = (value as R).containerVersion ?? value;
  const triggers = new Map<string, R>();
  (cv.trigger ?? cv.triggers ?? []).forEach((t: R) => {
    if (t.triggerId) triggers.set(String(t.triggerId), t);
    if (t.name) triggers.set(String(t.name), t);
  });
  const tagsKey = cv.tag ? 'tag' : 'tags';
  const base = (value as R).containerVersion ? joinPath('containerVersion', tagsKey) : tagsKey;
  const tags: R[] = cv[tagsKey] ?? [];
  tags.forEach((tag, i) => {
    const p = joinPath(base, i);
    const e = ctx.ev(joinPath(p, 'name'), lines.get(joinPath(p, 'name')) ?? lines.get(p));
    if (tag.paused === true) return ctx.warn(`tag '${tag.name}' is paused: not a flow`);
    const type = String(tag.type ?? '');
    const text = paramText(tag.parameter);
    const dests = new Set<string>();
    if (TAG_TYPES[type]) dests.add(TAG_TYPES[type]);
    if (type === 'html' || !dests.size) for (const [re, host] of TRACKER_CALLS) if (re.test(text)) dests.add(host);
    for (const m of text.matchAll(/<script[^<>]+src=\\?"([^"\\]+)/g)) {
      const h = hostOf(m[1]);
      if (h) dests.add(h);
    }
    if (!dests.size) return ctx.skip(`tag '${tag.name}' (type ${type}) sends to no tracker Custody knows`, p);
    // Triggers limited to another host (a booking portal's confirmation page) move the source there.
    const trigRefs: R[] = [...(tag.firingTriggerId ?? []).map((id: string) => triggers.get(String(id))), ...(tag.trigger ?? []).map((t: R) => triggers.get(String(t.name)) ?? t)].filter(Boolean);
    const hosts = trigRefs.flatMap((t) => (t.filter ?? []).filter((f: R) => /hostname/i.test(JSON.stringify(f))).map((f: R) => String(f.parameter?.find((x: R) => x.key === 'value' || x.key === 'arg1')?.value ?? ''))).filter(Boolean);
    const sources = hosts.length ? hosts.map((h) => portalSystem(ctx, h, e)) : [portalSystem(ctx, undefined, e)];
    const data = trackedData(`${text} ${tag.name ?? ''} ${trigRefs.map((t) => t.name).join(' ')}`);
    for (const d of dests) {
      const to = trackerSystem(ctx, d, e);
      for (const from of sources) ctx.mergeFlow({ from, to, data, transport: 'https', purpose: 'tracking tag', evidence: [e] });
    }
  });
  // Cross-domain linking decorates links to other hosts with the visitor's identifiers.
  const linked = new Set<string>();
  const scan = (v: unknown, path: string) => {
    if (Array.isArray(v)) return v.forEach((x, i) => scan(x, joinPath(path, i)));
    if (!v || typeof v !== 'object') return;
    const o = v as R;
    if ((o.key === 'domains' || o.key === 'domainList') && Array.isArray(o.list)) {
      for (const d of o.list) if (typeof d === 'string' && !linked.has(d)) {
        linked.add(d);
        const e = ctx.ev(joinPath(path, 'list'), lines.get(joinPath(path, 'list')) ?? lines.get(path));
        ctx.flow({ from: portalSystem(ctx, undefined, e), to: portalSystem(ctx, d, e), data: ['web_identifiers'], transport: 'https', purpose: 'cross-domain link decoration', endpoint: d, evidence: [e] });
      }
    }
    for (const [k, x] of Object.entries(o)) if (x && typeof x === 'object') scan(x, joinPath(path, k));
  };
  scan(value, '');
  if (!tags.length) ctx.skip('container has no tags', base);
  return ctx.result();
}
