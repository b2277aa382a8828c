import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { secretInConfigRule } from './secret-in-config.rule.js';

describe('secret-in-config', () => {
  it('reports each redaction at its location without quoting the secret', () => {
    const g = new GraphBuilder()
      .redaction({ documentId: 'd1', file: 'mirth-channel.xml', kind: 'password', path: 'channel.destinationConnectors[0].password', line: 42 })
      .redaction({ documentId: 'd2', file: 'n8n.json', kind: 'api_key', line: 7 })
      .build();
    const drafts = evaluateRule(secretInConfigRule, g);
    expect(drafts.map((d) => d.subject)).toEqual(['document:mirth-channel.xml#channel.destinationConnectors[0].password', 'document:n8n.json#line-7']);
    expect(drafts[0]!.evidence).toEqual([{ quote: '', documentId: 'd1', file: 'mirth-channel.xml', path: 'channel.destinationConnectors[0].password', line: 42 }]);
  });

  it('does not fire when nothing was redacted', () => {
    expect(evaluateRule(secretInConfigRule, new GraphBuilder().build())).toEqual([]);
  });
});
