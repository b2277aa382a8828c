import type { SystemRole } from '@custody/domain';
import type { VendorEntry } from '../types.js';
import { VENDORS } from './vendors.js';

/** A catalogue hit. */
export interface VendorMatch {
  name: string;
  role: SystemRole;
  kind?: string;
}

/** Host name of a URL-ish string (`https://user@api.x.com:443/p` → `api.x.com`); undefined when none. */
export function hostOf(s: string): string | undefined {
  const t = s.trim();
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/\s]*@)?(\[[0-9a-f:]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?::\d+)?(?:[/?#]|$)/i.exec(t);
  if (!m) return undefined;
  const host = m[1].toLowerCase();
  // A bare word without a dot is only a host when it came with a scheme (e.g. http://mysql/).
  if (!host.includes('.') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return undefined;
  return host;
}

function byHost(host: string, list: readonly VendorEntry[]): VendorEntry | undefined {
  let best: VendorEntry | undefined;
  let bestLen = 0;
  for (const v of list) {
    for (const h of v.hosts ?? []) {
      if ((host === h || host.endsWith(`.${h}`)) && h.length > bestLen) {
        best = v;
        bestLen = h.length;
      }
    }
  }
  return best;
}

function byName(name: string, list: readonly VendorEntry[]): VendorEntry | undefined {
  const n = ` ${name.toLowerCase().replace(/[^a-z0-9.]+/g, ' ').trim()} `;
  let best: VendorEntry | undefined;
  let bestLen = 0;
  for (const v of list) {
    for (const a of [v.name.toLowerCase(), ...(v.aliases ?? [])]) {
      const needle = ` ${a.replace(/[^a-z0-9.]+/g, ' ').trim()} `;
      if (needle.trim().length >= 3 && n.includes(needle) && needle.length > bestLen) {
        best = v;
        bestLen = needle.length;
      }
    }
  }
  return best;
}

/**
 * Looks a host, URL or vendor name up in the known-vendor catalogue. `extra` entries (from config)
 * are consulted first, so a deployment can add or override vendors.
 *
 * @example lookupVendor('https://api.openai.com/v1/chat') // { name: 'OpenAI', role: 'llm_provider' }
 */
export function lookupVendor(hostOrName: string, extra: readonly VendorEntry[] = []): VendorMatch | undefined {
  if (!hostOrName || typeof hostOrName !== 'string') return undefined;
  const host = hostOf(hostOrName);
  const hit = (host && (byHost(host, extra) ?? byHost(host, VENDORS))) || byName(hostOrName, extra) || byName(hostOrName, VENDORS);
  return hit ? { name: hit.name, role: hit.role, ...(hit.kind ? { kind: hit.kind } : {}) } : undefined;
}
