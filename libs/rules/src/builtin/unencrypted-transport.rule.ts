import { UNENCRYPTED_TRANSPORTS, categoryList } from '@custody/domain';
import { CITE } from '../citations.js';
import { carriesPhi, displayName, phiOf } from '../graph-queries.js';
import type { FindingDraft, Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

// http/ftp/smtp typically cross the internet; plain MLLP or TCP usually stays on a private network or VPN.
const INTERNET_FACING = new Set(['http', 'ftp', 'smtp']);

/** PHI moves over a transport without encryption in transit. */
export const unencryptedTransportRule: Rule = {
  id: 'unencrypted-transport',
  title: 'PHI sent over an unencrypted transport',
  kind: 'unencrypted_transport',
  citations: [CITE.transmission, CITE.transmissionEncryption],
  remediation:
    'Switch the integration to an encrypted transport: HTTPS (TLS 1.2+), SFTP or FTPS instead of FTP, MLLP over TLS or ' +
    'a VPN tunnel for HL7, SMTP with enforced TLS or a secure-messaging portal for email. Rotate any credentials that ' +
    'travelled in clear text.',
  evaluate({ graph, settings }) {
    const drafts: FindingDraft[] = [];
    for (const f of graph.flows) {
      if (!UNENCRYPTED_TRANSPORTS.includes(f.transport) || !carriesPhi(f)) continue;
      const categories = phiOf(f.data);
      drafts.push({
        subject: `flow:${f.id}`,
        systems: [f.to, f.from],
        categories,
        likelihood: INTERNET_FACING.has(f.transport) ? 0.85 : 0.6,
        impact: impactOf(0.8, categories, settings),
        evidence: f.evidence,
        detail:
          `${displayName(graph, f.from)} sends ${categoryList(categories)} to ${displayName(graph, f.to)} over ${f.transport.toUpperCase()}` +
          (f.endpoint ? ` (${f.endpoint})` : '') + ', unencrypted in transit.',
      });
    }
    return drafts;
  },
};
