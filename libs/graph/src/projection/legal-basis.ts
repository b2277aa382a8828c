import { governsSender, isBaaInForce, type ConsentDecl, type DataCategory, type LegalBasis, type SystemRole } from '@custody/domain';
import { categoryList, categoryValues } from './categories.js';
import type { FlowDraft } from './flow-table.js';
import { isExpired } from './normalise.js';
import type { SystemDraft } from './system-registry.js';

/** What a claim to a payer carries: the payment leg of treatment/payment/operations (164.506(c)). */
const PAYMENT_CATEGORIES: ReadonlySet<DataCategory> = new Set(['claims', 'insurance_ids', 'diagnosis', 'demographics', 'payment']);
/** The practice and its own clinicians: a flow to them is the covered entity using its own records. */
const INTERNAL_ROLES: ReadonlySet<SystemRole> = new Set(['practice', 'clinician']);

/**
 * True when the system has an attached contract that is (or offers) a BAA and has not expired, and that governs what
 * `from` sends it: one it holds through another sender's flow-down binds it for that sender's data only (governsSender).
 */
export function hasBaaInForce(system: SystemDraft | undefined, asOf: string, from: string, party: (id: string) => SystemDraft | undefined, memo?: BaaMemo): boolean {
  const contracts = system?.contracts;
  if (!contracts) return false;
  for (let i = 0; i < contracts.length; i++) {
    const c = contracts[i]!;
    if (c.via && !governsSender(c, party(from), party)) continue;
    if (!memo) {
      if (isBaaInForce(c, asOf)) return true;
      continue;
    }
    let inForce = memo.get(c);
    if (inForce === undefined) memo.set(c, (inForce = isBaaInForce(c, asOf)));
    if (inForce) return true;
  }
  return false;
}

/**
 * Whether each contract is a BAA in force, as one projection has asked (its `asOf` is fixed and nothing edits a
 * contract while it runs): a fleet vendor's BAA is attached to each of its installs, and the flow into each asked
 * it again, parsing and formatting both dates each time.
 */
export type BaaMemo = Map<object, boolean>;

/**
 * The legal basis of one flow, decided in this order (first match wins):
 *
 * 1. what the manifest declares (`legal_basis:`) — the practice's own assertion; rules still check the
 *    contracts on the node, so a declared `baa` over an expired agreement is still an `expired_baa` finding;
 * 2. `deidentified` when the flow carries nothing but `deidentified` data;
 * 3. `baa` when the receiver has an attached, unexpired contract whose `baa_offered` is `yes`, of its own or held
 *    through the sender's flow-down (another sender's flow-down does not bind it for this sender's data);
 * 4. `authorization` when one unexpired consent to the receiver covers every category (a `recording`
 *    consent is consent to be recorded, not a HIPAA authorization to disclose, so it does not count);
 * 5. `tpo` when the receiver is the practice or one of its clinicians (the covered entity itself), or a
 *    payer receiving only payment data. Business associates (EHR, clearinghouse, billing) are deliberately
 *    not `tpo` without a BAA: TPO is why the practice may share, a BAA is what lets a BA receive it, so such
 *    a flow stays `none_known` and `missing_baa` fires;
 * 6. otherwise `none_known`.
 */
export function decideLegalBasis(
  flow: FlowDraft,
  receiver: SystemDraft | undefined,
  consents: readonly ConsentDecl[],
  asOf: string,
  /** The systems by id: the sender of a flow and the sender a flow-down contract came through are compared as parties. */
  party: (id: string) => SystemDraft | undefined,
  memo?: BaaMemo,
): LegalBasis {
  if (flow.declaredBasis) return flow.declaredBasis;
  // Read only (every, includes): the shared list of a bitmask, not a new one per flow.
  const data = typeof flow.data === 'number' ? categoryList(flow.data) : categoryValues(flow.data);
  if (data.length > 0 && data.every((c) => c === 'deidentified')) return 'deidentified';
  if (hasBaaInForce(receiver, asOf, flow.from, party, memo)) return 'baa';
  const authorised = consents.some(
    (c) => c.to === flow.to && c.type !== 'recording' && !isExpired(c.expires, asOf) && data.every((d) => c.data.includes(d)),
  );
  if (authorised) return 'authorization';
  if (receiver && INTERNAL_ROLES.has(receiver.role)) return 'tpo';
  if (receiver?.role === 'payer' && data.every((c) => PAYMENT_CATEGORIES.has(c))) return 'tpo';
  return 'none_known';
}
