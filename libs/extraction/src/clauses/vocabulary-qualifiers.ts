/**
 * What qualifies an act (vocabulary.ts): when it happens (conditions), how firmly (modals), whether at all (negation),
 * how narrowly (restriction, exception), for whose benefit (purpose) and where data may go (place).
 */
import type { Category, Entries } from './vocabulary.js';

export const QUALIFIERS: Record<Exclude<Category, 'actor' | 'action' | 'object' | 'instrument'>, Record<string, Entries>> = {
  condition: {
    consent: { plural: ['consent', 'permission', 'authorization', 'authorisation', 'express consent', 'explicit consent', 'prior consent', 'written consent', 'opt-in consent'], exact: ['opt in', 'opt-in', 'opt into', 'opts in', 'opted in', 'your direction', 'at your direction', 'you choose', 'you direct', 'you enable', 'you elect', 'choose to', 'elect to', 'you agree'] },
    opt_out: { exact: ['opt out', 'opt-out', 'opt-outs', 'opts out', 'opted out', 'opting out', 'turn off', 'turned off', 'switch off', 'disable', 'disabled', 'object', 'objection', 'unsubscribe', 'withdraw your consent', 'withdraw consent', 'enabled by default', 'on by default', 'can opt out', 'may opt out'] },
    instruction: { plural: ['instruction', 'documented instruction', 'written instruction'], exact: ['on behalf of', 'on your behalf', 'on our behalf', 'as directed by', 'at the direction of'] },
    end: {
      exact: [
        'termination', 'expiration', 'expiry', 'end of the agreement', 'end of this agreement', 'end of the contract', 'end of the contractual relationship', 'cancellation',
        'terminate', 'terminates', 'terminated', 'expire', 'expires', 'expired', 'non-renewal', 'close your account', 'closes their account', 'delete your account', 'deleting your account',
        'account deletion', 'account is deleted', 'account is closed', 'account closure', 'close their account', 'cancel your account', 'cancel your subscription', 'account is deactivated',
        'deactivate your account', 'your account is terminated', 'after you close', 'when you close', 'deactivated', 'upon the end of', 'end of the services', 'end of service',
        'account has been deleted', 'account was deleted', 'end of the term', 'end of the subscription term', 'expiration of the term', 'expiry of the term', 'account has been closed', 'account is cancelled', 'account is canceled',
      ],
    },
  },
  modal: {
    may: { exact: ['may', 'can', 'might', 'could', 'is permitted to', 'are permitted to', 'is allowed to', 'are allowed to', 'reserve the right to', 'reserves the right to', 'reserve the right', 'reserves the right', 'is entitled to', 'are entitled to', 'is free to', 'are free to', 'at our discretion', 'in our discretion', 'at its discretion', 'may also', 'may sometimes'] },
    will: { exact: ['will', 'shall', 'must', 'agree to', 'agrees to', 'undertake to', 'undertakes to', 'commit to', 'commits to', 'is required to', 'are required to', 'is obligated to', 'are obligated to', 'is obliged to', 'are obliged to', 'will always', 'shall always', 'have to', 'has to', 'need to', 'needs to', 'promise to', 'ensure that', 'reasonable efforts', 'commercially reasonable efforts', 'best efforts'] },
    // "Will make (commercially) reasonable efforts to" is an obligation of effort, read as `will`.
    attempt: { exact: ['attempt to', 'attempts to', 'try to', 'tries to', 'endeavour to', 'endeavor to', 'endeavours to', 'endeavors to', 'seek to', 'seeks to', 'strive to', 'strives to', 'where possible', 'where feasible', 'when possible', 'if possible', 'wherever possible', 'generally', 'typically', 'usually', 'may attempt', 'in our sole discretion', 'as appropriate', 'where appropriate'] },
  },
  negation: {
    // "don’t" with a typographic apostrophe is read as the words "don" and "t".
    not: { exact: ['don t', 'doesn t', 'won t', 'can t', 'isn t', 'aren t', 'didn t', 'not', 'never', 'no', 'neither', 'nor', 'cannot', "can't", "won't", "don't", "doesn't", "isn't", "aren't", "didn't", "shouldn't", "wouldn't", 'none', 'nothing', 'without', 'refrain from', 'prohibited from', 'is prohibited', 'are prohibited', 'forbidden', 'in no event', 'under no circumstances', 'no longer', 'refrains from', 'prohibit', 'prohibits', 'prohibited', 'disclaim', 'disclaims', 'unable to'] },
  },
  restriction: {
    only: { exact: ['only', 'solely', 'exclusively', 'strictly', 'limited to', 'just', 'only if', 'only when', 'only where', 'only to the extent'] },
  },
  exception: {
    except: { exact: ['except', 'unless', 'other than', 'excluding', 'save', 'apart from', 'with the exception of', 'except as', 'except where', 'except when', 'except for', 'but only', 'however'] },
  },
  purpose: {
    own: { exact: ['for any purpose', 'for any lawful purpose', 'for any legal purpose', 'any purpose', 'for our own purposes', 'for its own purposes', 'our own purposes', 'its own purposes', 'own business purposes', 'our business purposes', 'commercial purposes', 'for our own', 'for its own', 'any other purpose'] },
    improve: { exact: ['improve', 'improving', 'improvement', 'develop', 'developing', 'research', 'analytics', 'statistics', 'statistical purposes', 'benchmarking', 'benchmark', 'insights', 'trends', 'to understand', 'analyze trends', 'measure', 'enhance'] },
    service: { exact: ['to provide the services', 'to provide the service', 'to perform the services', 'provision of the services', 'to provide our services', 'performance of the services', 'as necessary to provide', 'necessary to perform', 'to operate the services'] },
  },
  place: {
    abroad: { exact: ['outside', 'abroad', 'overseas', 'offshore', 'other countries', 'another country', 'third countries', 'third country', 'foreign', 'internationally', 'international transfers', 'international transfer', 'cross-border', 'across borders', 'other jurisdictions', 'countries other than', 'locations other than', 'worldwide', 'around the world', 'any country'] },
    // "US" in capitals is read as "u.s." by the tokenizer ("us" is the vendor).
    us: { exact: ['united states', 'the united states', 'u.s.', 'u.s.a.', 'usa', 'united states of america', 'the u.s.', 'america'] },
    eu: { exact: ['european union', 'the european union', 'eu', 'eea', 'the eea', 'european economic area', 'the european economic area', 'europe', 'switzerland', 'member state', 'member states'] },
    foreign: {
      exact: [
        'india', 'philippines', 'canada', 'mexico', 'ireland', 'germany', 'france', 'netherlands', 'israel', 'ukraine', 'poland', 'pakistan', 'brazil', 'colombia', 'argentina',
        'costa rica', 'singapore', 'australia', 'japan', 'united kingdom', 'uk', 'china', 'hong kong', 'south korea', 'korea', 'taiwan', 'vietnam', 'malaysia', 'indonesia', 'thailand',
        'south africa', 'nigeria', 'egypt', 'turkey', 'russia', 'belarus', 'serbia', 'romania', 'bulgaria', 'czech republic', 'hungary', 'spain', 'portugal', 'italy', 'belgium',
        'luxembourg', 'austria', 'sweden', 'norway', 'denmark', 'finland', 'iceland', 'estonia', 'latvia', 'lithuania', 'chile', 'peru', 'uruguay', 'new zealand', 'united arab emirates', 'uae',
      ],
    },
  },
};
