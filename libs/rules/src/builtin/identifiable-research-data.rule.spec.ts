import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { identifiableResearchDataRule, identifierCategory } from './identifiable-research-data.rule.js';

describe('identifiable-research-data', () => {
  it('fires once per receiving system, listing every identifier with its evidence', () => {
    const g = new GraphBuilder()
      .system('uni', 'research')
      .identifier({ documentId: 'd1', file: 'export.json', system: 'uni', field: 'dob', identifier: 'dates', evidence: { quote: '"dob"', line: 3 } })
      .identifier({ documentId: 'd1', file: 'export.json', system: 'uni', field: 'zip', identifier: 'geographic_subdivision', evidence: { quote: '"zip"', line: 4 } })
      .build();
    const drafts = evaluateRule(identifiableResearchDataRule, g);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.subject).toBe('system:uni');
    expect(drafts[0]!.evidence.map((e) => e.file)).toEqual(['export.json', 'export.json']);
    expect(drafts[0]!.detail).toContain('dob (dates)');
  });

  it('is a finding on the flow that carries the export when there is one', () => {
    const g = new GraphBuilder()
      .system('ehr', 'ehr')
      .system('uni', 'research')
      .flow('ehr', 'uni', ['deidentified'], { legalBasis: 'deidentified' })
      .identifier({ documentId: 'd1', file: 'export.yaml', system: 'uni', field: 'zip', identifier: 'geographic_subdivision', evidence: { quote: '- zip', line: 8 } })
      .build();
    expect(evaluateRule(identifiableResearchDataRule, g).map((d) => [d.subject, d.systems])).toEqual([['flow:ehr->uni', ['uni', 'ehr']]]);
  });

  it('uses the file as subject when the receiver is unknown, and maps identifiers to categories', () => {
    const g = new GraphBuilder()
      .identifier({ documentId: 'd2', file: 'study.csv', field: 'email', identifier: 'email', evidence: { quote: 'email' } })
      .build();
    expect(evaluateRule(identifiableResearchDataRule, g)[0]!.subject).toBe('document:study.csv');
    expect(identifierCategory('email')).toBe('contact');
    expect(identifierCategory('medical_record_number')).toBe('insurance_ids');
  });

  it('does not fire with no identifier exposures', () => {
    expect(evaluateRule(identifiableResearchDataRule, new GraphBuilder().system('uni', 'research').build())).toEqual([]);
  });
});
