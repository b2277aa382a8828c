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

  it('is a finding on the flow the secret authenticates, charged to the system it opens', () => {
    const g = new GraphBuilder().system('backup', 'cloud_storage').system('crm', 'other').flow('practice', 'backup', ['progress_notes']).flow('practice', 'crm', ['contact']).build();
    // As a parsed config gives them: each flow cites its own line of the same document.
    g.flows[0]!.evidence = [{ quote: 'url = https://upload.backup.example', documentId: 'cfg', file: 'backup.ini', path: 'backup.url', line: 3 }];
    g.flows[1]!.evidence = [{ quote: 'url = https://crm.example', documentId: 'cfg', file: 'backup.ini', path: 'crm.url', line: 7 }];
    g.redactions.push({ documentId: 'cfg', file: 'backup.ini', kind: 'api_key', path: 'backup.api_key', line: 4 });
    const [d] = evaluateRule(secretInConfigRule, g);
    expect(d).toMatchObject({ subject: 'flow:practice->backup', systems: ['backup'] });
    expect(d!.evidence.map((e) => e.line)).toEqual([4, 3]);
    // Systems by name, not by their internal ids.
    expect(d!.detail).toMatch(/authenticates the flow Test Practice → backup\./);
  });

  it('falls back to the flow declared nearest the secret\'s line when no path is shared', () => {
    const g = new GraphBuilder().system('openai', 'llm_provider').system('ehr', 'ehr').flow('practice', 'openai', ['diagnosis']).flow('practice', 'ehr', ['diagnosis']).build();
    g.flows[0]!.evidence = [{ quote: '"type": "n8n-nodes-base.httpRequest"', documentId: 'n8n', file: 'n8n.json', path: 'nodes[2].type', line: 59 }];
    g.flows[1]!.evidence = [{ quote: '"type": "n8n-nodes-base.httpRequest"', documentId: 'n8n', file: 'n8n.json', path: 'nodes[3].type', line: 76 }];
    g.redactions.push({ documentId: 'n8n', file: 'n8n.json', kind: 'token', path: 'Bearer credential', line: 48 });
    expect(evaluateRule(secretInConfigRule, g).map((d) => d.subject)).toEqual(['flow:practice->openai']);
  });

  it('names the kind of secret in words, with its article', () => {
    const g = new GraphBuilder()
      .redaction({ documentId: 'd1', file: 'n8n.json', kind: 'api_key', line: 7 })
      .redaction({ documentId: 'd2', file: 'server.pem', kind: 'private_key', line: 1 })
      .redaction({ documentId: 'd3', file: 'mirth.xml', kind: 'connection_string', path: 'jdbc URL credentials', line: 9 })
      .redaction({ documentId: 'd4', file: 'hooks.yaml', kind: 'basic_auth_url', line: 3 })
      .redaction({ documentId: 'd5', file: 'app.env', kind: 'oauth_secret', line: 2 })
      .build();
    expect(evaluateRule(secretInConfigRule, g).map((d) => d.detail.split(' was found')[0])).toEqual([
      'An API key', 'A private key', 'A database connection string with its password', 'A URL with a user name and password', 'An oauth secret',
    ]);
  });

  it('does not fire when nothing was redacted', () => {
    expect(evaluateRule(secretInConfigRule, new GraphBuilder().build())).toEqual([]);
  });
});
