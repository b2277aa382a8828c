/**
 * Audit sample of what the rules assert on UNLABELLED OTA documents (never validation or unseen ones), for judging
 * precision and recall by hand on text nobody tuned on. Per fact, a seeded random sample of non-default answers
 * (evidence with the text around it) and of default answers on documents whose text names the topic (the topic's
 * passages, so a reader can say whether the default was right). Given a second guard output, the same sample is
 * printed with that run's answers, to re-judge after a change.
 *   npx tsx test/bench/support/fact-audit-sample.ts BASE.jsonl [BRANCH.jsonl] [--seed 2907] [--asserted 25] [--defaults 15] [--fact NAME]
 * OTA data © Open Terms Archive contributors, ODC-BY 1.0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OTA_DOCS } from './extraction-corpora.js';
import { prng } from '../../../libs/rules/src/testing/prng.js';
import { otaGroups } from './ota-groups.js';
import { unspecifiedValue, type FactName } from '@custody/domain';

type Evidence = { quote?: string; start?: number; end?: number };
type Answer = { value: unknown; evidence?: Evidence[] };
type Line = { file: string; result?: { facts: Record<string, Answer> } };

/** Words that make a document plausibly discuss the fact: a default answer there may be a miss. */
const TOPICS: Record<string, RegExp> = {
  // "sell" alone is mostly goods or the user's restrictions ("you may not sell the Service"): the sale of data, ads on it.
  data_sale_or_marketing: /\b((sell|sells|selling|sale of|rent|share) (your |any |the )?(personal )?(data|information)|targeted advertising|interest-based advertising|personali[sz]ed (ads|advertising)|marketing (e-?mails?|communications|messages)|promotional (e-?mails?|communications))\b/i,
  law_enforcement_disclosure: /\b(law enforcement|subpoena|court order|search warrant|legal process|government(al)? (authorit|request|agenc))/i,
  deidentified_data_use: /\b(de-?identified|anonymi[sz]ed|aggregated|pseudonymi[sz]ed)\b/i,
  ai_training_on_customer_data: /\b(machine learning|artificial intelligence|AI models?|train(ing)? (our |the |its )?(AI |machine learning )?models?|large language models?)\b/i,
  record_ownership: /\b(ownership|you own|you retain|remains? (yours|your property|the property of)|retain all (right|ownership)|do(es)? not claim)\b/i,
  // Where data goes: a transfer abroad, servers or processing in a named region, or outside one.
  offshore_processing: /\b(international (data )?transfers?|cross-border|transfer(red|s)? (of )?(your |personal |the )*(data|information) (to|outside)|outside (of )?(the |your )?(United States|U\.S\.|USA|European Economic Area|EEA|European Union|EU|UK|country)|servers (located )?in (the )?(United States|U\.S\.|USA|Europe|EU|other countries))/i,
  // A breach or security incident and telling someone of it.
  breach_notice_days: /\b((data|security|personal data) breach|security incidents?|breach of security|unauthori[sz]ed access)\b[^.]{0,200}\b(notif|inform(?!ation))|\bnotif\w*[^.]{0,120}\b((data|security|personal data) breach|security incidents?)\b/i,
  // The end of the contract or account near deleting, returning or keeping data (either order, one sentence).
  return_or_destroy_on_termination: /\b(terminat\w*|expir\w*|cancel\w*|clos(e|es|ed|ing|ure) (of )?(your|the|an?) account|account (deletion|closure)|delete (your|the) account)\b[^.]{0,160}\b(delet\w*|destr\w*|return\w*|eras\w*|purg\w*|retain\w*|kept|keep)\b|\b(delet\w*|destr\w*|eras\w*|purg\w*|retain\w*|kept|keep)\b[^.]{0,160}\b(terminat\w*|expir\w*|cancel\w*|account (deletion|closure|is (deleted|closed))|(close|delete) (your|the) account)\b/i,
  // Recordings, voice or calls near keeping them.
  audio_or_recording_retention_days: /\b(recordings?|recorded|audio|voice (data|messages?|recordings?)|calls?)\b[^.]{0,160}\b(retain\w*|kept|keep|stored?|delet\w*)\b/i,
  // Providers bound by contract to the vendor's obligations or standards.
  subcontractor_flowdown: /\b(sub-?processors?|subcontractors?|service providers?|third[- ]party (vendors|providers))\b[^.]{0,200}\b(contractual\w*|agreements?|oblig\w*|bound|require)\b/i,
  // Health data or HIPAA: where a BAA, or a bar on health data, could be stated.
  baa_offered: /\b(HIPAA|business associate|protected health information|PHI|health (data|information)|medical (data|information|records))\b/i,
};

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const [basePath, branchPath] = positional;
if (!basePath) throw new Error('usage: fact-audit-sample.ts BASE.jsonl [BRANCH.jsonl] [--seed N] [--asserted N] [--defaults N] [--fact NAME]');
const seed = Number(arg('seed', '2907'));
const nAsserted = Number(arg('asserted', '25'));
const nDefaults = Number(arg('defaults', '15'));
const onlyFact = arg('fact', '');
if (onlyFact && !TOPICS[onlyFact]) throw new Error(`unknown fact ${onlyFact}; one of ${Object.keys(TOPICS).join(', ')}`);

const read = (p: string) => new Map(readFileSync(p, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line).map((l) => [l.file, l]));
const base = read(basePath);
const branch = branchPath ? read(branchPath) : undefined;
const { groupOf } = otaGroups();
const files = [...base.keys()].filter((f) => groupOf(f) === 'unlabelled').sort();
const texts = new Map<string, string>();
const textOf = (f: string) => texts.get(f) ?? (texts.set(f, readFileSync(join(OTA_DOCS, f), 'utf8')), texts.get(f)!);

function sample<T>(items: T[], n: number, random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}
const flat = (s: string) => s.replace(/\s+/g, ' ');
function around(text: string, start: number, end: number, pad = 220): string {
  return flat(`…${text.slice(Math.max(0, start - pad), start)}[[${text.slice(start, Math.min(end, start + 450))}]]${text.slice(end, end + pad)}…`);
}
function evidenceLines(file: string, a: Answer | undefined): string[] {
  const text = textOf(file);
  return (a?.evidence ?? []).slice(0, 2).map((e) => {
    const at = e.start ?? (e.quote ? text.indexOf(e.quote) : -1);
    return at >= 0 ? around(text, at, e.end ?? at + (e.quote?.length ?? 0)) : flat(e.quote ?? '');
  });
}
function topicLines(file: string, topic: RegExp, max = 3): string[] {
  const text = textOf(file);
  const out: string[] = [];
  const re = new RegExp(topic.source, 'gi');
  let last = -1000;
  for (let m = re.exec(text); m && out.length < max; m = re.exec(text)) {
    if (m.index - last < 400) continue;
    last = m.index;
    out.push(around(text, m.index, m.index + m[0].length, 260));
  }
  return out;
}

for (const [fact, topic] of Object.entries(TOPICS)) {
  if (onlyFact && fact !== onlyFact) continue;
  // mulberry32 (the rules specs' seeded PRNG): the same sample on every machine.
  const random = prng(seed);
  // The fact's default: 'unspecified', null for a number (breach_notice_days).
  const none = JSON.stringify(unspecifiedValue(fact as FactName));
  const valueOf = (f: string) => base.get(f)?.result?.facts[fact]?.value;
  const asserted = files.filter((f) => valueOf(f) !== undefined && JSON.stringify(valueOf(f)) !== none);
  const defaults = files.filter((f) => JSON.stringify(valueOf(f)) === none && topic.test(textOf(f)));
  console.log(`\n#### ${fact} (seed ${seed}): ${asserted.length} unlabelled documents assert, ${defaults.length} default on documents naming the topic`);
  const show = (kind: string, picked: string[]) =>
    picked.forEach((f, i) => {
      const a = base.get(f)?.result?.facts[fact];
      const b = branch?.get(f)?.result?.facts[fact];
      const changed = b && JSON.stringify(b.value) !== JSON.stringify(a?.value) ? ` -> ${JSON.stringify(b.value)}` : '';
      console.log(`\n[${fact.slice(0, 4)}-${kind}${i + 1}] ${f}: ${JSON.stringify(a?.value)}${changed}`);
      const ev = evidenceLines(f, changed ? b : a);
      for (const line of ev.length ? ev : topicLines(f, topic)) console.log(`  ${line}`);
    });
  show('A', sample(asserted, nAsserted, random));
  show('D', sample(defaults, nDefaults, random));
}
