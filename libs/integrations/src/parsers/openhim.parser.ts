import type { ParseResult } from '@custody/domain';
import type { ParseContext } from '../builder.js';
import { categoriesFromText } from '../data/categories.js';
import { joinPath, parseJsonWithLines } from '../safe/json.js';
import { slug } from '../safe/text.js';
import { findSelfName, readTree } from './tree-reader.js';

type R = Record<string, any>;

/**
 * OpenHIM: a config export (`Channels[].routes[]`: each route is an edge from the channel to its
 * upstream service) or a mediator config (read as a tree: endpoints, listeners and brokers).
 */
export function parseOpenHim(ctx: ParseContext): ParseResult {
  const { value, lines } = parseJsonWithLines(ctx.text);
  const root = value as R;
  const lineOf = (p: string, n?: string) => lines.get(p) ?? ctx.locate([n]);
  const channels = Array.isArray(root?.Channels) ? root.Channels : Array.isArray(root?.channels) ? root.channels : undefined;
  if (!channels) {
    readTree(ctx, root, { lineOf, selfName: findSelfName(root) });
    return ctx.result();
  }
  channels.forEach((ch: R, i: number) => {
    const cp = joinPath(joinPath('', 'Channels'), i);
    const name = String(ch?.name ?? `channel ${i + 1}`);
    const cev = ctx.ev(joinPath(cp, 'name'), lineOf(joinPath(cp, 'name')));
    const from = ctx.system({ id: `openhim-channel-${slug(name)}`, name: `OpenHIM channel '${name}' (${ch?.urlPattern ?? ''}, authType ${ch?.authType ?? 'unset'})`, role: 'other', settings: { authType: ch?.authType, urlPattern: ch?.urlPattern, allow: ch?.allow }, evidence: [cev] });
    if (ch?.authType === 'public') ctx.warn(`OpenHIM channel '${name}' is public: reachable without client authentication`);
    const routes = Array.isArray(ch?.routes) ? ch.routes : [];
    if (!routes.length) ctx.skip(`OpenHIM channel '${name}' has no routes`, cp);
    routes.forEach((r: R, j: number) => {
      const rp = joinPath(joinPath(cp, 'routes'), j);
      if (r?.status === 'disabled') return ctx.warn(`route ${j} of '${name}' is disabled: not a flow`);
      const endpoint = `${r?.host ?? '?'}:${r?.port ?? '?'}${r?.path ?? ''}`;
      const rev = ctx.ev(joinPath(rp, 'host'), lineOf(joinPath(rp, 'host')));
      const to = ctx.endpointSystem(`${r?.secured ? 'https' : 'http'}://${endpoint}`, { name: `${r?.name ? `${r.name} ` : ''}${endpoint}`, evidence: rev });
      ctx.flow({ from, to, data: categoriesFromText(`${name} ${ch?.urlPattern ?? ''} ${ch?.description ?? ''}`), transport: r?.secured ? 'https' : 'http', endpoint, evidence: [cev, rev] });
    });
  });
  for (const k of Object.keys(root)) if (!/^channels$/i.test(k) && Array.isArray(root[k]) && root[k].length) ctx.skip(`${k}: OpenHIM ${k.toLowerCase()} are not flows (credentials in them are redacted)`, k);
  return ctx.result();
}
