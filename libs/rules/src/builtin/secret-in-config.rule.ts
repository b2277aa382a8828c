import { PRACTICE_ID } from '@custody/domain';
import { CITE } from '../citations.js';
import type { FindingDraft, Rule } from '../rule.js';

/**
 * A credential was found in an integration config (and redacted before storage). Subject
 * `document:<file>#<path or line>`, so the finding is stable across re-uploads of the same file.
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
      return {
        subject: `document:${r.file}#${where}`,
        systems: [PRACTICE_ID],
        categories: [],
        likelihood: 0.7,
        // No data category to weigh: a credential's harm is the access it grants, rated directly.
        impact: 0.75,
        // The secret itself is never quoted: only where it was.
        evidence: [{ quote: '', documentId: r.documentId, file: r.file, ...(r.path ? { path: r.path } : {}), ...(r.line !== undefined ? { line: r.line } : {}) }],
        detail: `A ${r.kind} was found in ${r.file}${r.path ? ` at ${r.path}` : ''}${r.line !== undefined ? ` (line ${r.line})` : ''}; it was redacted before storage.`,
      };
    });
  },
};
