import { PRACTICE_ID, type Graph, type GraphFlow, type GraphRedaction } from '@custody/domain';
import { CITE } from '../citations.js';
import { displayName } from '../graph-queries.js';
import type { FindingDraft, Rule } from '../rule.js';

/**
 * A credential was found in an integration config (and redacted before storage). It is a finding on the flow
 * it authenticates — the flow the same config declares nearest to it (`backup.api_key` → `backup.url`, or by
 * line when the secret was found by pattern) — charged to the system it opens; with no such flow, on the document
 * (`document:<file>#<path or line>`). Either subject is stable across re-uploads of the same file.
 */
export const secretInConfigRule: Rule = {
  id: 'secret-in-config',
  title: 'Credential found in an integration config',
  kind: 'secret_in_config',
  citations: [CITE.accessControl, CITE.authentication, CITE.passwordManagement],
  remediation:
    'Rotate the credential now (assume it is compromised: it sat in a file people copy and commit), move it to a ' +
    'secret manager or environment variable referenced by the config, and check the system\'s access logs for use ' +
    'since the file was created.',
  evaluate({ graph }) {
    return graph.redactions.map((r): FindingDraft => {
      const where = r.path ?? (r.line !== undefined ? `line-${r.line}` : r.kind);
      const flow = authenticatedFlow(graph, r);
      return {
        subject: flow ? `flow:${flow.id}` : `document:${r.file}#${where}`,
        systems: flow ? [flow.to] : [PRACTICE_ID],
        categories: [],
        likelihood: 0.7,
        // No data category to weigh: a credential's harm is the access it grants, rated directly.
        impact: 0.75,
        // The secret itself is never quoted: only where it was.
        evidence: [
          { quote: '', documentId: r.documentId, file: r.file, ...(r.path ? { path: r.path } : {}), ...(r.line !== undefined ? { line: r.line } : {}) },
          ...(flow ? flow.evidence.filter((e) => e.documentId === r.documentId) : []),
        ],
        detail:
          `${secretWords(r.kind)} was found in ${r.file}${r.path ? ` at ${r.path}` : ''}${r.line !== undefined ? ` (line ${r.line})` : ''}; it was redacted before storage.` +
          (flow ? ` It authenticates the flow ${displayName(graph, flow.from)} → ${displayName(graph, flow.to)}${flow.endpoint ? ` (${flow.endpoint})` : ''}.` : ''),
      };
    });
  },
};

/**
 * The redactor's kinds (libs/integrations redact.ts) as a reader says them, with their article: 'An API key',
 * not 'A api_key'. A kind it does not know reads with its underscores as spaces.
 */
const SECRET_WORDS: Readonly<Record<string, string>> = {
  api_key: 'An API key',
  private_key: 'A private key',
  password: 'A password',
  password_hash: 'A password hash',
  token: 'A token',
  connection_string: 'A database connection string with its password',
  basic_auth_url: 'A URL with a user name and password',
};
function secretWords(kind: string): string {
  const words = kind.replace(/_/g, ' ');
  return SECRET_WORDS[kind] ?? `${/^[aeiou]/i.test(words) ? 'An' : 'A'} ${words}`;
}

const segments = (path: string | undefined) => (path ?? '').split(/[.[\]]+/).filter(Boolean);

/**
 * The flow of the same document whose evidence path shares most leading segments with the secret's; else the
 * document's only flow; else the flow whose evidence line is nearest the secret's line.
 */
function authenticatedFlow(graph: Graph, r: GraphRedaction): GraphFlow | undefined {
  const own = graph.flows.filter((f) => f.evidence.some((e) => e.documentId === r.documentId));
  const at = segments(r.path);
  let best: { flow: GraphFlow; shared: number } | undefined;
  for (const flow of own) {
    for (const e of flow.evidence.filter((x) => x.documentId === r.documentId)) {
      const p = segments(e.path);
      let shared = 0;
      while (shared < Math.min(p.length, at.length - 1) && p[shared] === at[shared]) shared++;
      if (shared > 0 && (!best || shared > best.shared)) best = { flow, shared };
    }
  }
  if (best) return best.flow;
  if (own.length === 1) return own[0];
  // No shared path (a header found by pattern, not by key): the flow declared nearest to its line.
  if (r.line === undefined) return undefined;
  let near: { flow: GraphFlow; distance: number } | undefined;
  for (const flow of own) {
    for (const e of flow.evidence) {
      if (e.documentId !== r.documentId || e.line === undefined) continue;
      const distance = Math.abs(e.line - r.line);
      if (!near || distance < near.distance) near = { flow, distance };
    }
  }
  return near?.flow;
}
