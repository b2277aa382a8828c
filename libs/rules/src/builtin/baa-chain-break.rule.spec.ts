import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { baaChainBreakRule } from './baa-chain-break.rule.js';

describe('baa-chain-break', () => {
  const chain = () =>
    new GraphBuilder()
      .system('scribe', 'ai_notetaker', { name: 'Upheal' })
      .system('openai', 'llm_provider', { name: 'OpenAI' })
      .flow('practice', 'scribe', ['session_recording', 'session_transcript'])
      .flow('scribe', 'openai', ['session_transcript']);

  it('fires on notetaker → LLM when the notetaker BAA lacks flow-down, on the path from the practice', () => {
    const drafts = evaluateRule(baaChainBreakRule, chain().baa('scribe', { subcontractor_flowdown: 'no' }).build());
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.subject).toBe('path:practice>scribe>openai');
    expect(drafts[0]!.systems).toEqual(['openai', 'scribe']);
    expect(drafts[0]!.likelihood).toBe(0.85);
  });

  it('fires, less likely, when flow-down exists but the sub-processor is not named', () => {
    const drafts = evaluateRule(baaChainBreakRule, chain().baa('scribe', { subcontractor_flowdown: 'yes', subprocessors_named: ['Deepgram'] }).build());
    expect(drafts.map((d) => d.likelihood)).toEqual([0.55]);
  });

  it('does not fire when the BAA flows down and names it, or the sub-processor has its own BAA', () => {
    const named = chain().baa('scribe', { subcontractor_flowdown: 'yes', subprocessors_named: ['OpenAI, L.L.C.'] }).build();
    expect(evaluateRule(baaChainBreakRule, named)).toEqual([]);
    expect(evaluateRule(baaChainBreakRule, chain().baa('openai').build())).toEqual([]);
  });

  // A vendor assessed from its contract alone (no system given): with no BAA, its missing BAA is the one finding
  // (missing-baa's), not a break per sub-processor its contract lists besides.
  const assessed = (g: ReturnType<typeof chain>) => {
    const graph = g.build();
    graph.systems.find((s) => s.id === 'scribe')!.assessed = true;
    return graph;
  };
  it('leaves an assessed vendor with no BAA to missing-baa, and still judges its BAA when it has one', () => {
    expect(evaluateRule(baaChainBreakRule, assessed(chain()))).toEqual([]);
    expect(evaluateRule(baaChainBreakRule, assessed(chain().system('deepgram', 'other', { name: 'Deepgram' }).flow('scribe', 'deepgram', ['session_recording'])))).toEqual([]);
    expect(evaluateRule(baaChainBreakRule, assessed(chain().baa('scribe', { subcontractor_flowdown: 'no' }))).map((d) => d.subject)).toEqual(['path:practice>scribe>openai']);
    // A declared vendor with no BAA passing PHI on is a break on that path, as before.
    expect(evaluateRule(baaChainBreakRule, chain().build()).map((d) => d.detail)).toEqual(['Upheal has no BAA in force itself, yet passes PHI on to OpenAI, which nothing binds.']);
  });

  it('is transitive: coverage that ends upstream leaves every later hop uncovered', () => {
    const g = chain()
      .baa('scribe', { subcontractor_flowdown: 'yes', subprocessors_named: ['OpenAI'] })
      .system('vendorx', 'other', { name: 'Annotation Co' })
      .flow('openai', 'vendorx', ['session_transcript'])
      .build();
    const drafts = evaluateRule(baaChainBreakRule, g);
    expect(drafts.map((d) => d.subject)).toEqual(['path:practice>scribe>openai>vendorx']);
  });

  it('checks named sub-processors that are not modelled as systems', () => {
    const g = new GraphBuilder()
      .system('scribe', 'ai_notetaker', { settings: { subprocessors: ['Deepgram'] } })
      .flow('practice', 'scribe', ['session_recording'])
      .baa('scribe')
      .build();
    const drafts = evaluateRule(baaChainBreakRule, g);
    expect(drafts.map((d) => d.subject)).toEqual(['path:practice>scribe>deepgram']);
    expect(drafts[0]!.evidence[0]!.path).toBe('systems.scribe.settings.subprocessors');
    const covered = new GraphBuilder()
      .system('scribe', 'ai_notetaker', { settings: { subprocessors: ['Deepgram'] } })
      .flow('practice', 'scribe', ['session_recording'])
      .baa('scribe', { subcontractor_flowdown: 'yes', subprocessors_named: ['Deepgram'] })
      .build();
    expect(evaluateRule(baaChainBreakRule, covered)).toEqual([]);
  });

  it('ignores de-identified flows and covered entities (payers) forwarding onward', () => {
    const g = chain().baa('scribe').build();
    g.flows[1]!.data = ['deidentified'];
    expect(evaluateRule(baaChainBreakRule, g)).toEqual([]);
    const payer = new GraphBuilder()
      .system('aetna', 'payer')
      .system('vendor', 'other')
      .flow('practice', 'aetna', ['claims'])
      .flow('aetna', 'vendor', ['claims'])
      .build();
    expect(evaluateRule(baaChainBreakRule, payer)).toEqual([]);
  });

  it('a vendor whose own BAA is on file but expired is expired-baa\'s finding, not a break on the hop into it; the hop past it still breaks', () => {
    const g = new GraphBuilder()
      .system('ehr', 'ehr', { name: 'CarePath' })
      .system('reminders', 'communications', { name: 'Remindly' })
      .system('twilio', 'communications', { name: 'Twilio' })
      .flow('practice', 'ehr', ['contact', 'diagnosis'])
      .flow('ehr', 'reminders', ['contact', 'scheduling'])
      .flow('reminders', 'twilio', ['contact'])
      .baa('ehr', { subcontractor_flowdown: 'yes' })
      .baa('reminders', {}, { expires: '2024-12-31' })
      .build();
    expect(evaluateRule(baaChainBreakRule, g).map((d) => d.subject)).toEqual(['path:practice>ehr>reminders>twilio']);
    // Without any BAA of its own, the EHR's unnamed subcontractor is a chain break as before.
    g.systems.find((s) => s.id === 'reminders')!.contracts = [];
    expect(evaluateRule(baaChainBreakRule, g).map((d) => d.subject)).toEqual(['path:practice>ehr>reminders', 'path:practice>ehr>reminders>twilio']);
  });
});
