import type { VendorEntry } from '../types.js';
import { hostOf, lookupVendor } from './lookup.js';
import { VENDORS } from './vendors.js';

/**
 * The indexed lookup must answer exactly as the plain scan over the catalogue it replaced (every alias
 * re-normalised per call). The scan is kept here as the oracle and both are asked the same generated inputs.
 */
function scanHost(host: string, list: readonly VendorEntry[]): VendorEntry | undefined {
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

function scanName(name: string, list: readonly VendorEntry[]): VendorEntry | undefined {
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

function oracle(hostOrName: string, extra: readonly VendorEntry[] = []) {
  const host = hostOf(hostOrName);
  const hit = (host && (scanHost(host, extra) ?? scanHost(host, VENDORS))) || scanName(hostOrName, extra) || scanName(hostOrName, VENDORS);
  return hit ? { name: hit.name, role: hit.role, ...(hit.kind ? { kind: hit.kind } : {}) } : undefined;
}

/** Deterministic inputs: every catalogue host and alias, decorated, plus noise words. */
function inputs(): string[] {
  let seed = 7;
  const rnd = (n: number) => Math.floor(((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296) * n);
  const words = ['the', 'api', 'Inc.', 'cloud', 'ai', 'health', 'x', 'co', 'and', '-', '.', 'svc'];
  const out: string[] = ['', ' ', '.', 'a.b', 'localhost', 'http://mysql/', 'HL7 PID segment'];
  for (const v of VENDORS) {
    for (const h of v.hosts ?? []) out.push(h, `api.${h}`, `https://x.${h}:443/p?q=1`, `not${h}`, h.toUpperCase(), `${h}.evil.test`);
    for (const a of [v.name, ...(v.aliases ?? [])]) {
      out.push(a, a.toUpperCase(), `${a}, Inc.`, `${words[rnd(words.length)]} ${a} ${words[rnd(words.length)]}`, a.replace(/ /g, '-'), `${a}x`);
    }
  }
  for (let i = 0; i < 300; i++) {
    const a = VENDORS[rnd(VENDORS.length)]!;
    const b = VENDORS[rnd(VENDORS.length)]!;
    out.push(`${a.aliases?.[0] ?? a.name} ${words[rnd(words.length)]} ${b.aliases?.[0] ?? b.name}`);
  }
  return out;
}

describe('lookupVendor index', () => {
  const all = inputs();

  it('answers every generated input as the plain catalogue scan does', () => {
    const differ = all.filter((s) => JSON.stringify(lookupVendor(s)) !== JSON.stringify(oracle(s)));
    expect(differ).toEqual([]);
    // The inputs exercise both outcomes, so agreement is not agreement on "nothing found".
    expect(all.filter((s) => oracle(s)).length).toBeGreaterThan(500);
    expect(all.filter((s) => !oracle(s)).length).toBeGreaterThan(10);
  });

  it('answers the same when asked again (memo) and with an extra list that overrides the catalogue', () => {
    const extra: VendorEntry[] = [
      { name: 'OpenAI Proxy', role: 'other', hosts: ['api.openai.com', 'proxy.local.test'], aliases: ['openai proxy'] },
      { name: 'Second', role: 'payer', hosts: ['api.openai.com'], aliases: ['openai'] },
    ];
    for (const s of all) {
      expect(lookupVendor(s, extra)).toEqual(oracle(s, extra));
      expect(lookupVendor(s)).toEqual(oracle(s));
    }
    expect(lookupVendor('https://api.openai.com/v1', extra)?.name).toBe('OpenAI Proxy');
  });

  it('sees entries added to an extra list after it was first used', () => {
    const extra: VendorEntry[] = [{ name: 'First Local', role: 'other', hosts: ['first.local.test'] }];
    expect(lookupVendor('second.local.test', extra)).toBeUndefined();
    extra.push({ name: 'Second Local', role: 'payer', hosts: ['second.local.test'] });
    expect(lookupVendor('second.local.test', extra)).toEqual({ name: 'Second Local', role: 'payer' });
  });

  it('hands out a fresh object per call', () => {
    const a = lookupVendor('Upheal')!;
    a.name = 'changed';
    expect(lookupVendor('Upheal')?.name).toBe('Upheal');
  });
});
