import { evaluateRule, makeFacts } from '../testing/graph-builder.js';
import { routedHost } from '../testing/routed-host.js';
import { baaChainBreakRule } from './baa-chain-break.rule.js';
import { dataSaleOrMarketingRule } from './data-sale-or-marketing.rule.js';
import { deidentifiedReuseRule } from './deidentified-reuse.rule.js';
import { missingBaaRule } from './missing-baa.rule.js';
import { noReturnOrDestroyRule } from './no-return-or-destroy.rule.js';
import { noSubcontractorFlowdownRule } from './no-subcontractor-flowdown.rule.js';
import { part2WithoutConsentRule } from './part2-without-consent.rule.js';
import { recordingRetentionRule } from './recording-retention.rule.js';
import { vendorOwnsRecordsRule } from './vendor-owns-records.rule.js';
import type { Rule } from '../rule.js';

// A host bound by the records system's flow-down BAA (routedHost) is bound by it for the records system's data only:
// each rule reads every part of the host's data by the contracts that govern that part.
const onHost = (rule: Rule, g = routedHost()) => evaluateRule(rule, g).filter((d) => d.systems[0] === 'host');

describe('rules read a holder bound through a sender\'s flow-down per route', () => {
  describe('baa-chain-break', () => {
    it('breaks where another sender\'s data reaches the host: the flow-down binds it for the records system\'s data only', () => {
      const [d, ...rest] = onHost(baaChainBreakRule, routedHost({ dictation: true }));
      expect(rest).toEqual([]);
      expect(d!.subject).toBe('path:dictate>host');
      expect(d!.systems).toEqual(['host', 'dictate']);
      expect(d!.categories).toEqual(['session_transcript']);
      expect(d!.detail).toContain('Quillnote passes PHI to Nimbus Hosting');
    });

    it('does not break the hop the flow-down covers', () => {
      expect(onHost(baaChainBreakRule)).toEqual([]);
    });

    // The flow-down binds the host; its clause is the records system's promise to bind its subcontractors, not the
    // host's: a sub-processor the host's own terms name is bound by nothing of the host's.
    it('does not read the flow-down the host is bound by as the host\'s own flow-down clause', () => {
      const onBackup = (g: ReturnType<typeof routedHost>) => evaluateRule(baaChainBreakRule, g).filter((d) => d.systems[0] === 'backup');
      const [d, ...rest] = onBackup(routedHost({ onward: true, ownTerms: { subprocessors_named: ['Vault Backup'] } }));
      expect(rest).toEqual([]);
      expect(d!.subject).toBe('path:records>host>backup');
      expect(d!.systems).toEqual(['backup', 'host']);
      expect(d!.likelihood).toBe(0.85);
      expect(d!.detail).toBe('Nimbus Hosting passes PHI to Vault Backup; it is bound only through Ledgerline Records\'s flow-down, with no BAA of its own requiring it to bind its sub-processors, and Vault Backup has no BAA of its own.');
      // The same sub-processor named but not modelled.
      const named = evaluateRule(baaChainBreakRule, routedHost({ ownTerms: { subprocessors_named: ['Vault Backup'] } })).filter((x) => x.systems[0] === 'host');
      expect(named.map((x) => [x.subject, x.likelihood])).toEqual([['path:records>host>vault-backup', 0.75]]);
      // A BAA of the host's own that flows down and names it binds it (the projection then attaches no flow-down).
      const own = routedHost({ onward: true });
      const host = own.systems.find((s) => s.id === 'host')!;
      host.contracts = [{ ...host.contracts[0]!, documentId: 'doc-host-own', via: undefined, facts: { ...host.contracts[0]!.facts, subprocessors_named: { ...host.contracts[0]!.facts.subprocessors_named, value: ['Vault Backup'] } } }];
      expect(onBackup(own)).toEqual([]);
    });
  });

  describe('no-subcontractor-flowdown', () => {
    /** The host with a BAA of its own (with `flowdown` as its flow-down term) beside the records system's flow-down. */
    const withOwnBaa = (flowdown: 'no' | 'unspecified', opts: Parameters<typeof routedHost>[0] = {}) => {
      const g = routedHost(opts);
      g.systems.find((s) => s.id === 'host')!.contracts.unshift({ documentId: 'doc-host-baa', file: 'host-baa.pdf', kind: 'baa', facts: makeFacts({ baa_offered: 'yes', subcontractor_flowdown: flowdown }) });
      return g;
    };

    it('reads each route by its own BAAs: the flow-down that binds the host for the records system\'s data says nothing of what its own BAA governs', () => {
      const [d, ...rest] = onHost(noSubcontractorFlowdownRule, withOwnBaa('no', { dictation: true }));
      expect(rest).toEqual([]);
      expect(d!.categories).toEqual(['session_transcript']);
      expect(d!.likelihood).toBe(0.35);
      expect(d!.detail).toBe('The BAA with Nimbus Hosting excludes subcontractor flow-down; no sub-processors are known yet.');
      expect(d!.evidence.map((e) => e.quote)).toEqual(['subcontractor_flowdown: "no"']);
    });

    it('does not fire where the flow-down\'s route is all the host holds, or on the flow-down itself', () => {
      expect(onHost(noSubcontractorFlowdownRule, withOwnBaa('unspecified'))).toEqual([]);
      expect(onHost(noSubcontractorFlowdownRule, routedHost({ dictation: true }))).toEqual([]);
    });
  });

  describe('missing-baa', () => {
    it('fires for what the practice sends the host itself, which the records system\'s flow-down does not cover', () => {
      const [d, ...rest] = onHost(missingBaaRule, routedHost({ fromPractice: ['immigration_status', 'demographics'] }));
      expect(rest).toEqual([]);
      expect(d!.categories).toEqual(['immigration_status', 'demographics']);
      expect(d!.detail).toBe('Nimbus Hosting receives immigration status and demographics but no BAA of its own is on file for it and no flow into it is declared under one (Ledgerline Records\'s BAA binds it only for what Ledgerline Records sends).');
    });

    it('does not fire for a sub-processor bound for all it holds', () => {
      expect(onHost(missingBaaRule)).toEqual([]);
    });
  });

  describe('part2-without-consent', () => {
    it('counts the flow-down BAA as a possible QSO agreement for its sender\'s flow only', () => {
      const drafts = evaluateRule(part2WithoutConsentRule, routedHost({ records: ['substance_use'], fromPractice: ['substance_use'] }));
      const text = (d: (typeof drafts)[number]) => { const x = d.detail as string | (() => string); return typeof x === 'function' ? x() : x; };
      expect(drafts.map((d) => [d.subject, d.likelihood, text(d).includes('under a BAA')])).toEqual([
        ['flow:records->host', 0.3, true],
        ['flow:practice->host', 0.5, false],
      ]);
    });
  });

  describe('recording-retention', () => {
    it('reads the flow-down\'s retention only for recordings its sender sends', () => {
      // The records system sends no recordings: the flow-down's 365 days do not speak for the dictation app's.
      expect(onHost(recordingRetentionRule, routedHost({ dictation: true, installs: 2, flowdown: { audio_or_recording_retention_days: 365 } }))).toEqual([]);
      const [d] = onHost(recordingRetentionRule, routedHost({ records: ['session_recording'], dictation: true, flowdown: { audio_or_recording_retention_days: 365 } }));
      expect(d!.categories).toEqual(['session_recording']);
      expect(d!.detail).toBe('Nimbus Hosting keeps session recordings for 365 days (the contract binding it through Ledgerline Records\'s flow-down), over the 30-day limit.');
    });
  });

  describe('no-return-or-destroy', () => {
    it('fires for the data under the host\'s own refusing terms, not for what the flow-down that promises return covers', () => {
      const g = routedHost({ dictation: true, ownTerms: { return_or_destroy_on_termination: 'no' }, flowdown: { return_or_destroy_on_termination: 'yes' } });
      const [d, ...rest] = onHost(noReturnOrDestroyRule, g);
      expect(rest).toEqual([]);
      expect(d!.categories).toEqual(['session_transcript']);
      expect(d!.detail).toBe('Nimbus Hosting\'s terms say it does not return or destroy data at termination.');
      expect(onHost(noReturnOrDestroyRule, routedHost({ ownTerms: { return_or_destroy_on_termination: 'no' }, flowdown: { return_or_destroy_on_termination: 'yes' } }))).toEqual([]);
    });

    it('names the flow-down when it is the silent BAA, for its sender\'s data', () => {
      const [d] = onHost(noReturnOrDestroyRule, routedHost({ dictation: true }));
      expect(d!.categories).toEqual(['progress_notes', 'diagnosis']);
      expect(d!.detail).toBe('The BAA binding Nimbus Hosting through Ledgerline Records\'s flow-down does not say what happens to PHI at termination.');
    });
  });

  describe.each([
    ['data-sale-or-marketing', dataSaleOrMarketingRule, 'data_sale_or_marketing', 'allowed', 'prohibited'],
    ['deidentified-reuse', deidentifiedReuseRule, 'deidentified_data_use', 'allowed', 'prohibited'],
    ['vendor-owns-records', vendorOwnsRecordsRule, 'record_ownership', 'vendor', 'practice'],
  ] as const)('%s', (_, rule, fact, bad, good) => {
    it('fires on the data the host\'s own terms govern, not on what a flow-down that forbids it covers', () => {
      const [d, ...rest] = onHost(rule, routedHost({ dictation: true, ownTerms: { [fact]: bad }, flowdown: { [fact]: good } }));
      expect(rest).toEqual([]);
      expect(d!.categories).toEqual(['session_transcript']);
      expect(onHost(rule, routedHost({ ownTerms: { [fact]: bad }, flowdown: { [fact]: good } }))).toEqual([]);
    });

    it('fires on the flow-down sender\'s data only when the flow-down allows it', () => {
      const [d] = onHost(rule, routedHost({ dictation: true, flowdown: { [fact]: bad } }));
      expect(d!.categories).toEqual(['progress_notes', 'diagnosis']);
      const detail = d!.detail as string | (() => string);
      const text = typeof detail === 'function' ? detail() : detail;
      expect(text).toContain('Ledgerline Records');
    });
  });
});
