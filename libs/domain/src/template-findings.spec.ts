import { applyTriageAndTemplates, type Finding, markTemplateFindings, templateOnlySystems, templateReach, type TemplateGraph, type TriageMap } from './finding.js';
import type { Evidence } from './evidence.js';
import type { FactSet } from './facts.js';
import type { AttachedContract } from './graph.js';

/**
 * Which findings are a template's review (Finding.template): only those nothing else stands behind. A real vendor's
 * finding is never hidden because a template sits in the same folder (the graphs below are a vendor assessment's:
 * the practice, the assessed vendors it would send to, the sub-processors their documents name).
 */
const contract = (documentId: string, via?: string): AttachedContract => ({
  documentId, file: `${documentId}.md`, kind: 'baa', facts: {} as FactSet, ...(via ? { via: { system: via, relation: 'flowdown' as const } } : {}),
});
const GRAPH: TemplateGraph = {
  systems: [
    { id: 'practice', role: 'practice', contracts: [] },
    { id: 'tpl', role: 'other', template: true, contracts: [contract('doc-tpl')] },
    { id: 'corvale', role: 'other', contracts: [contract('doc-corvale')] },
    // Named only in the template's sub-contractor clause, bound by its flow-down; and that one's own sub-processor.
    { id: 'nimbus', role: 'other', contracts: [contract('doc-tpl', 'tpl')] },
    { id: 'nimbus-dc', role: 'other', contracts: [] },
    // Named by the template and by the real vendor.
    { id: 'kestrel', role: 'other', contracts: [contract('doc-tpl', 'tpl'), contract('doc-corvale', 'corvale')] },
    // Named only by the template, but with a contract of its own on file.
    { id: 'signed', role: 'other', contracts: [contract('doc-signed')] },
  ],
  flows: [
    { from: 'practice', to: 'tpl' }, { from: 'practice', to: 'corvale' },
    { from: 'tpl', to: 'nimbus' }, { from: 'nimbus', to: 'nimbus-dc' },
    { from: 'tpl', to: 'kestrel' }, { from: 'corvale', to: 'kestrel' },
    { from: 'tpl', to: 'signed' },
  ],
};
const cite = (documentId: string): Evidence => ({ quote: `clause of ${documentId}`, documentId, file: `${documentId}.md` });
const finding = (id: string, systems: string[], evidence: Evidence[] = []): { id: string; systems: string[]; evidence: Evidence[]; template?: true; triage?: Finding['triage'] } => ({ id, systems, evidence });
const marked = (fs: { id: string; template?: true }[]) => fs.filter((f) => f.template).map((f) => f.id);

describe('markTemplateFindings', () => {
  it('marks what stands on the template alone: charged to it (the practice aside) or to what only it reaches, citing only its document', () => {
    expect(marked(markTemplateFindings([
      finding('own-clause', ['tpl'], [cite('doc-tpl')]),
      // A clause it lacks cites nothing.
      finding('missing-clause', ['tpl']),
      finding('its-inbound-flow', ['tpl', 'practice'], [cite('doc-tpl')]),
      finding('flowdown-on-nimbus', ['nimbus'], [cite('doc-tpl')]),
      finding('hop-to-nimbus', ['nimbus', 'tpl'], [cite('doc-tpl')]),
      finding('nimbus-own-sub', ['nimbus-dc']),
    ], GRAPH))).toEqual(['own-clause', 'missing-clause', 'its-inbound-flow', 'flowdown-on-nimbus', 'hop-to-nimbus', 'nimbus-own-sub']);
  });

  it('never marks what a real vendor stands behind, though it also touches the template', () => {
    const fs = [
      // Charged to the template and to a real vendor (drafts of one subject merged): any one system was the old rule.
      finding('charged-to-both', ['tpl', 'corvale'], [cite('doc-tpl')]),
      // Charged to the template, citing a real vendor's document.
      finding('cites-real-document', ['tpl'], [cite('doc-tpl'), cite('doc-corvale')]),
      // A real vendor's own silence may be the other half of a finding citing only the template's clause.
      finding('on-real-vendor', ['corvale'], [cite('doc-tpl')]),
      // A sub-processor the real vendor names too is the real vendor's as well.
      finding('on-shared-subprocessor', ['kestrel'], [cite('doc-tpl')]),
      finding('hop-to-shared', ['kestrel', 'tpl'], [cite('doc-tpl')]),
      // One with a contract of its own on file is judged by it, whoever names it.
      finding('on-signed', ['signed'], [cite('doc-tpl')]),
      // Evidence of no document (a configuration line): not the template's clause.
      finding('uncited-source', ['tpl'], [{ quote: 'recording: always', line: 3 }]),
      // Charged to the practice alone.
      finding('practice-only', ['practice'], [cite('doc-tpl')]),
    ];
    expect(marked(markTemplateFindings(fs, GRAPH))).toEqual([]);
  });

  it('a grouped finding is the template\'s only when every instance is', () => {
    const grouped = (system: string, doc: string) => ({ ...finding('grouped', ['tpl'], [cite('doc-tpl')]), instances: [{ system: 'tpl', evidence: [cite('doc-tpl')] }, { system, evidence: [cite(doc)] }] });
    expect(marked(markTemplateFindings([grouped('nimbus', 'doc-tpl')], GRAPH))).toEqual(['grouped']);
    expect(marked(markTemplateFindings([grouped('corvale', 'doc-tpl')], GRAPH))).toEqual([]);
    expect(marked(markTemplateFindings([grouped('nimbus', 'doc-corvale')], GRAPH))).toEqual([]);
  });

  it('the systems only templates reach: through chains of sub-processors, never the practice, nor one a real vendor or its own contract stands behind', () => {
    expect([...templateOnlySystems(GRAPH)].sort()).toEqual(['nimbus', 'nimbus-dc', 'tpl']);
  });

  it('one template\'s reach: it and the systems only templates reach that it sends to, down the chain; not another template\'s', () => {
    const two: TemplateGraph = {
      systems: [...GRAPH.systems, { id: 'tpl2', role: 'other', template: true, contracts: [contract('doc-tpl2')] }, { id: 'granite', role: 'other', contracts: [contract('doc-tpl2', 'tpl2')] }],
      flows: [...GRAPH.flows, { from: 'practice', to: 'tpl2' }, { from: 'tpl2', to: 'granite' }],
    };
    expect([...templateReach(two, 'tpl')].sort()).toEqual(['nimbus', 'nimbus-dc', 'tpl']);
    expect([...templateReach(two, 'tpl2')].sort()).toEqual(['granite', 'tpl2']);
  });

  it('leaves a graph with no template alone: the same array', () => {
    const fs = [finding('a', ['corvale'], [cite('doc-corvale')])];
    expect(markTemplateFindings(fs, { ...GRAPH, systems: GRAPH.systems.map(({ template: _t, ...s }) => s) })).toBe(fs);
  });
});

describe('applyTriageAndTemplates', () => {
  it('carries each triage decision, then marks the template\'s review (the one helper of the full and the incremental audit)', () => {
    const fs = [finding('tpl-f', ['tpl'], [cite('doc-tpl')]), finding('real-f', ['corvale'], [cite('doc-corvale')])];
    const triage: TriageMap = new Map([['real-f', { status: 'accepted' as const, reason: 'signed anyway' }], ['tpl-f', { status: 'mitigated' as const }]]);
    const out = applyTriageAndTemplates(fs, triage, GRAPH);
    expect(out.map((f) => [f.id, f.template, f.triage?.status])).toEqual([['tpl-f', true, 'mitigated'], ['real-f', undefined, 'accepted']]);
    // Inputs untouched.
    expect(fs.every((f) => !('triage' in f) && !('template' in f))).toBe(true);
    // Nothing to apply: the same array.
    const plain = [finding('real-f', ['corvale'])];
    expect(applyTriageAndTemplates(plain, new Map(), { ...GRAPH, systems: GRAPH.systems.filter((s) => !s.template) })).toBe(plain);
  });
});
