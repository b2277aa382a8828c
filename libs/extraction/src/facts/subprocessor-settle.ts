import type { Fact } from '@custody/domain';
import type { FactContext } from './fact-context.js';
import { found, silent, withReview } from './fact-context.js';
import { core, aliasesAmong, isShortFormOf, legalName } from './subprocessor-names.js';
import { anonymousOnly, PROVIDED_BY } from './subprocessor-patterns.js';
import type { NameCollector, RejectedName } from './subprocessor-candidates.js';
import { entitiesInParentheses, spelledAcronyms } from './subprocessor-identity.js';

/**
 * The names kept, settled across the document: each written with its legal name, the vendor's own left out, a brand and
 * its legal name or alias kept once, the product kept over the company behind it, names said to get only anonymous data
 * set aside.
 */
export function settleNames(ctx: FactContext, { names, rejected, owners, productReadings, vendorKeys, self }: NameCollector): Fact<'subprocessors_named'> {
  if (names.size === 0) return withReview(silent('subprocessors_named'), reviewOrder(rejected, []));
  const list = [...names.values()].map((n) => ({ ...n, name: legalName(ctx.text, n.name) })).filter((n) => !vendorKeys.has(core(n.name)) && !self().has(n.name));
  // A brand and its legal name both found: keep one.
  const seen = new Set<string>();
  const deduped = list.filter((n) => {
    const k = core(n.name);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).filter((n, _i, all) => !all.some((o) => o !== n && isShortFormOf(n.name, o.name)));
  const aliases = aliasesAmong(ctx.text, deduped.map((n) => n.name));
  // One party in two forms the document itself ties together: an acronym and the name it spells, legal entities given in
  // a parenthesis after the name (subprocessor-identity.ts).
  const keptNames = deduped.map((n) => n.name);
  const spelled = spelledAcronyms(keptNames, rejected, ctx.text);
  const entities = entitiesInParentheses(ctx.text, keptNames);
  const oneParty = deduped.flatMap((n) => {
    const full = spelled.get(n.name);
    if (entities.has(n.name) || typeof full === 'string') return [];
    return full === undefined ? [n] : [{ ...n, name: full.name, ev: full.ev }];
  });
  const firstWord = (n: string): string => n.split(/\s+/)[0].toLowerCase();
  // "we use the reCAPTCHA verification tool. This service is provided by Google LLC", "the Plausible Analytics tool" beside
  // "Plausible Insights OÜ": the document names the company behind the product, which is the recipient.
  const behind = (n: { name: string }, all: { name: string }[]): boolean => {
    const at = productReadings.get(core(n.name));
    if (!at) return false;
    const next = ctx.sentences[at.index + 1];
    return PROVIDED_BY.test(at.view) || (next !== undefined && next.paragraph === at.paragraph && PROVIDED_BY.test(next.view)) || all.some((o) => o !== n && firstWord(o.name) === firstWord(n.name));
  };
  const out = oneParty.filter((n) => !aliases.has(n.name)).filter((n, _i, all) => !behind(n, all)).filter((n) => {
    const said = anonymousOnly(ctx.sentences, n.s, n.name);
    if (said) rejected.push({ name: n.name, ev: n.ev, reason: `it is said to receive only anonymous or aggregated data ("${said}")` });
    return !said;
  }).filter((n, _i, all) => {
    if (!owners.has(core(n.name)) || !all.some((o) => o !== n && !owners.has(core(o.name)) && firstWord(o.name) === firstWord(n.name))) return true;
    rejected.push({ name: n.name, ev: n.ev, reason: 'the company behind a product named and kept, the same organisation' });
    return false;
  });
  const confidence = out.length > 0 ? 0.75 : 0.6;
  const fact = found<'subprocessors_named'>(out.map((n) => n.name), out.map((n) => n.ev), confidence);
  return withReview(fact, reviewOrder(rejected, fact.evidence));
}

/**
 * The names set aside, as review candidates: only the first three are shown (withReview's MAX_REVIEW), so a name held back for a
 * person to decide comes first, then organisations set aside for their role, and last the words that name no
 * organisation ("Affiliates", "European Commission", "Cookie banner"), which would otherwise crowd out the plausible
 * names read later in the document. Each name once: a category repeated down the page says nothing new. One
 * candidate per quote, and none on a kept name's quote: such a one is passed over here before its name counts as
 * offered.
 */
function reviewOrder(rejected: RejectedName[], kept: RejectedName['ev'][]): { value: string[]; evidence: RejectedName['ev']; reason: string; rejected: true }[] {
  const tier = (r: RejectedName): number => (r.rank === 'held' ? 0 : r.rank === 'no name' ? 2 : 1);
  const names = new Set<string>();
  const quotes = new Set(kept.map((e) => e.start));
  return rejected
    .map((r, i) => ({ r, i }))
    .sort((a, b) => tier(a.r) - tier(b.r) || a.i - b.i)
    .filter(({ r }) => {
      const k = r.name.toLowerCase();
      if (names.has(k) || quotes.has(r.ev.start)) return false;
      names.add(k);
      quotes.add(r.ev.start);
      return true;
    })
    .map(({ r }) => ({ value: [r.name], evidence: r.ev, reason: r.reason, rejected: true as const }));
}
