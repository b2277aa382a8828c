import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { unencryptedTransportRule } from './unencrypted-transport.rule.js';

describe('unencrypted-transport', () => {
  const g = (transport: 'http' | 'mllp' | 'https' | 'mllp_tls', data: ('diagnosis' | 'deidentified')[] = ['diagnosis']) =>
    new GraphBuilder().system('lab', 'other').flow('practice', 'lab', data, { transport }).build();

  it('fires on PHI over http (internet-facing) and plain MLLP (lower)', () => {
    expect(evaluateRule(unencryptedTransportRule, g('http'))[0]!.likelihood).toBe(0.85);
    expect(evaluateRule(unencryptedTransportRule, g('mllp'))[0]!.likelihood).toBe(0.6);
  });

  it('does not fire over TLS or for de-identified data', () => {
    expect(evaluateRule(unencryptedTransportRule, g('https'))).toEqual([]);
    expect(evaluateRule(unencryptedTransportRule, g('mllp_tls'))).toEqual([]);
    expect(evaluateRule(unencryptedTransportRule, g('http', ['deidentified']))).toEqual([]);
  });
});
