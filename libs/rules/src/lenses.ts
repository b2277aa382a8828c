import { LENSES, type DataCategory, type FindingKind, type Lens } from '@custody/domain';

/**
 * A lens is a client population that changes how much an exposure matters. Each profile multiplies the
 * points of findings that touch its categories or are of its kinds; the largest matching multiplier
 * applies (multipliers never stack, so a finding's weight stays in [1, MAX_LENS_WEIGHT]).
 */
export interface LensProfile {
  lens: Lens;
  description: string;
  categoryWeights: Partial<Record<DataCategory, number>>;
  kindWeights: Partial<Record<FindingKind, number>>;
}

/** The weighting profile of every lens (the table SCORE.md publishes). */
export const LENS_PROFILES: Readonly<Record<Lens, LensProfile>> = {
  default: { lens: 'default', description: 'No population-specific weighting.', categoryWeights: {}, kindWeights: {} },
  'immigrant-clients': {
    lens: 'immigrant-clients',
    description:
      'Clients at risk from immigration enforcement: immigration status and political activity in records, holders that ' +
      'release on administrative requests, and claims data that reaches brokers enforcement agencies buy from.',
    categoryWeights: { immigration_status: 2, political_activity: 2 },
    kindWeights: { weak_law_enforcement_posture: 1.75, sensitive_detail_exposed: 2, claims_aggregation: 1.5, data_sale_or_marketing: 1.25 },
  },
  'substance-use': {
    lens: 'substance-use',
    description: 'A 42 CFR Part 2 program: substance-use records need Part 2 consent and a court order for compulsory disclosure.',
    categoryWeights: { substance_use: 2 },
    kindWeights: { part2_without_consent: 2, weak_law_enforcement_posture: 1.5 },
  },
  'high-profile-client': {
    lens: 'high-profile-client',
    description: 'A client whose record others would pay or hack for: session content and anything that widens a breach.',
    categoryWeights: { session_recording: 1.5, session_transcript: 1.5, psychotherapy_notes: 1.5 },
    kindWeights: {
      slow_breach_notice: 1.75, unencrypted_transport: 1.75, secret_in_config: 1.75, aggregation_hub: 1.5,
      tracking_technology: 1.5, recording_retention: 1.5, offshore_processing: 1.25,
    },
  },
  minors: {
    lens: 'minors',
    description: 'Minor clients: tracking, recording and third-party disclosure need parental or guardian involvement.',
    categoryWeights: { web_identifiers: 1.5 },
    kindWeights: {
      tracking_technology: 1.75, recording_without_consent: 1.5, unauthorized_third_party_disclosure: 1.5,
      ai_training: 1.5, data_sale_or_marketing: 1.5,
    },
  },
};

/** No lens multiplies a finding by more than this. */
export const MAX_LENS_WEIGHT = Math.max(
  ...LENSES.flatMap((l) => [...Object.values(LENS_PROFILES[l].categoryWeights), ...Object.values(LENS_PROFILES[l].kindWeights), 1]),
);

/** The multiplier a lens applies to a finding of `kind` over `categories`, and why. */
export function lensWeight(lens: Lens, kind: FindingKind, categories: readonly DataCategory[]): { weight: number; reason?: string } {
  const profile = LENS_PROFILES[lens] ?? LENS_PROFILES.default;
  let best: { weight: number; reason?: string } = { weight: 1 };
  const kw = profile.kindWeights[kind];
  if (kw !== undefined && kw > best.weight) best = { weight: kw, reason: `${lens}: ${kind}` };
  for (const c of categories) {
    const w = profile.categoryWeights[c];
    if (w !== undefined && w > best.weight) best = { weight: w, reason: `${lens}: ${c}` };
  }
  return best;
}

/** True when the context's lens is `lens` or the practice declares it. */
export function lensActive(ctx: { lens: Lens; graph: { practice: { lenses: readonly Lens[] } } }, lens: Lens): boolean {
  return ctx.lens === lens || ctx.graph.practice.lenses.includes(lens);
}
