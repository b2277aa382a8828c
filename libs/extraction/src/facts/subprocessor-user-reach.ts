/**
 * A name read after a provider noun or relation verb (subprocessor-triggers.ts) that is a party the user reaches on their
 * own: a service the user signs up or logs in with, links or connects an account to, or accesses the vendor's service
 * through. README: data sources such as sign-in providers and parties the user connects to are not recipients.
 * Read from the clause before the name: the user is the actor of a verb of reaching ("If you sign up for, or log into, Acme
 * using a third party service like X", "If you have linked your account with certain third party services, such as X",
 * "linking your account to a service such as X", "If you are accessing the Service through X"), the name is that verb's
 * route ("through", "via", "using", "with", "to") or an example of the service it reaches, and nothing between the verb
 * and the name hands data on ("When you sign up, your email is sent to X" names the vendor's recipient) or makes the
 * vendor the actor ("If you log in, we share … with X").
 */

// The user's verb of reaching a party: "you (have) linked", "users log into", "you are accessing", or a gerund taking the
// user's own account ("linking your account"). The vendor's own verb stays out ("We link your account to X": its
// providers are its recipients), so only the gerund stands without the user as subject.
const USER_REACH = new RegExp(
  String.raw`\b(?:you|users?)\s+(?:(?:have|has|had|are|is|were|was|can|may|might|will|would|must|first|already|also|then|(?:choose|chooses|decide|decides|want|wants|wish|wishes)\s+to)\s+){0,3}${verb()}|\b(?:link|connect)ing\s+your\b`,
  'gi',
);
function verb(): string {
  // Reaching the vendor itself over another party's channel ("When you interact with us through third-party services like
  // X", "if you contact us via X"): the vendor is the object, taken with the verb, and the channel is the user's choice.
  return String.raw`(?:sign(?:s|ed|ing)?\s+(?:up|in|on)|log(?:s|ged|ging)?\s*(?:in|into|on)|link(?:s|ed|ing)?|connect(?:s|ed|ing)?|access(?:es|ed|ing)?|(?:interact(?:s|ed|ing)?|communicat(?:e|es|ed|ing)|chat(?:s|ted|ting)?)\s+with\s+us|(?:contact(?:s|ed|ing)?|messag(?:e|es|ed|ing))\s+us)\b`;
}
// The route the verb reaches the name by, at the end of the text before it: a preposition, perhaps a service noun giving
// the name as its example, and earlier names of the same list ("through A (Cloud), B or C").
const ROUTE_END = new RegExp(
  // The route after a preposition, or as the verb's direct object ("if you access third-party services, such as A, B …").
  String.raw`(?:\b(?:through|via|using|with|to|into)\s+|^\s*)(?:(?:a|an|the|any|certain|one\s+of|your|other|third[- ]party|external|existing)\s+){0,3}` +
    String.raw`(?:(?:[\w-]+\s+){0,2}?(?:services?|accounts?|platforms?|providers?|apps?|applications?|networks?|subscriptions?)\s*(?:,\s*|\(\s*|\s+)(?:like|such\s+as|e\.g\.,?|including|for\s+example,?)\s+)?` +
    String.raw`(?:[^.;:]{0,120}?(?:,|\s+or|\s+and)\s+)?$`,
  'i',
);
// Between the user's verb and the name: the vendor acting, or data handed on (a passive or a verb of passing data), makes
// the name the vendor's recipient after all. The verb "provide", not the noun: "a third-party login provider such as X"
// is what the user logs in with.
const OTHER_ACTOR = /\b(?:we|us)\b|\b(?:is|are|be|been|being|was|were|gets?)\s+(?:\w+ly\s+)?\w+ed\b|\b(?:shar|disclos|transfer|sen[dt]|pass|process|host|stor|sell|sold)\w*|\bprovid(?:e|es|ed|ing)\b/i;

// What the user reaches before the route: the vendor (its name), its service or the user's account, said in these words
// and names; "sign up for our newsletter through X" or "access our support chat through X" reaches a part of the vendor's
// service that X runs for it, a recipient.
const REACHED_WORDS = new Set('for to into in on up or and log logs logged logging sign signs signed signing the your our a an this its existing service services site sites website websites app apps application applications platform platforms account accounts profile'.split(' '));
const reachesService = (object: string): boolean =>
  (object.match(/[\p{L}][\p{L}\p{N}.'’-]*/gu) ?? []).every((w) => /^\p{Lu}/u.test(w) || REACHED_WORDS.has(w.toLowerCase()));

const CLAUSE_END = /[.;:](?=\s)(?<!\be\.g\.|\bi\.e\.)/g;

/** Whether the name at `at` of sentence text `v` is a party the user reaches on their own (see above). */
export function userReaches(v: string, at: number): boolean {
  // The clause ends at a stop, semicolon or colon before a space ("e.g." and "Acme.com" do not end it).
  let start = 0;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(v); m && m.index < at; m = CLAUSE_END.exec(v)) start = m.index + 1;
  const clause = v.slice(start, at);
  USER_REACH.lastIndex = 0;
  let end = -1;
  for (let m = USER_REACH.exec(clause); m; m = USER_REACH.exec(clause)) end = m.index + m[0].length;
  if (end < 0) return false;
  const gap = clause.slice(end);
  const route = ROUTE_END.exec(gap);
  return !OTHER_ACTOR.test(gap) && route !== null && reachesService(gap.slice(0, route.index));
}
