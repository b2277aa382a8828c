import type { DataCategory } from '@custody/domain';
import type { ParseContext } from '../builder.js';
import { lookupVendor } from '../catalogue/lookup.js';
import { categoriesFromText, mergeCategories } from '../data/categories.js';

/** Calls in page or tag script that send to a known tracker, by the global they use. */
export const TRACKER_CALLS: [RegExp, string][] = [
  [/\bgtag\s*\(|google-analytics\.com|googletagmanager\.com\/gtag|\bga\s*\(\s*['"](?:send|create)/, 'google-analytics.com'],
  [/\bfbq\s*\(|connect\.facebook\.net|facebook\.com\/tr/, 'connect.facebook.net'],
  [/\bttq\.|analytics\.tiktok\.com/, 'analytics.tiktok.com'],
  [/_linkedin_partner_id|snap\.licdn\.com|px\.ads\.linkedin\.com/, 'snap.licdn.com'],
  [/\bhj\s*\(|static\.hotjar\.com|_hjSettings/, 'hotjar.com'],
  [/clarity\.ms|\bclarity\s*\(/, 'clarity.ms'],
  [/\bmixpanel\.|cdn\.mxpnl\.com/, 'mixpanel.com'],
  [/analytics\.load\s*\(|cdn\.segment\.com/, 'segment.com'],
  [/\buetq\b|bat\.bing\.com/, 'bat.bing.com'],
  [/\btwq\s*\(|static\.ads-twitter\.com/, 'static.ads-twitter.com'],
  [/doubleclick\.net|googleadservices\.com|gtag\s*\(\s*['"]config['"]\s*,\s*['"]AW-/, 'doubleclick.net'],
  [/_hsq|js\.hs-scripts\.com/, 'hs-scripts.com'],
  [/\bheap\.(?:load|track)|heapanalytics\.com/, 'heapanalytics.com'],
  [/\bFS\.identify|fullstory\.com/, 'fullstory.com'],
  [/\bamplitude\.|cdn\.amplitude\.com/, 'amplitude.com'],
];

/** The page-side system tracking runs on: the practice's patient-facing site (or another host it controls). */
export function portalSystem(ctx: ParseContext, host?: string, evidence?: ReturnType<ParseContext['ev']>): string {
  if (!host) return ctx.system({ id: 'patient-portal', name: 'Patient-facing website / portal (practice-side)', role: 'practice', evidence: evidence ? [evidence] : undefined });
  const v = lookupVendor(host, ctx.vendors);
  return ctx.system({ id: `portal-${host.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`, name: `Patient-facing pages on ${host}${v ? ` (${v.name})` : ''}`, role: v?.role ?? 'practice', hosts: [host], evidence: evidence ? [evidence] : undefined });
}

/** A tracker system for a host or name in the catalogue (or an unknown tracker named by `label`). */
export function trackerSystem(ctx: ParseContext, hostOrName: string, evidence: ReturnType<ParseContext['ev']>): string {
  return ctx.endpointSystem(hostOrName.includes('.') && !hostOrName.includes('/') ? `https://${hostOrName}` : hostOrName, { role: 'analytics_tracker', evidence });
}

/** What a tag sends: always web identifiers, plus whatever its parameters name. */
export function trackedData(text: string): DataCategory[] {
  return mergeCategories(['web_identifiers'], categoriesFromText(text, []));
}

