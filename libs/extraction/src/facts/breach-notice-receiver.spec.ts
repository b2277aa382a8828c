import { bindsToBreachRule, breachRuleStance, setsAsideBreachRule } from '@custody/domain';
import { extractFacts } from '../extract-facts.js';
import { factOf } from '../testing/fact-of.js';

// breach_notice_days: the direction test (breach-notice-direction.spec) reads who tells whom. A customer or user who
// "receives notice" is the one told, whatever the grammar's subject; and "the Company" told by another provider-side
// party ("Contractor shall notify the Company") is that party's counterparty, not the vendor telling itself.
describe('breach_notice_days: the customer who receives the notice, and the Company told by a contractor', () => {
  const days = (t: string) => factOf('breach_notice_days', t);
  it('the customer or user receiving notice keeps the deadline', () => {
    expect(days('In the event of a data breach, you will receive notification within 72 hours.')).toBe(3);
    expect(days('Customer will receive written notice of any security breach within thirty (30) days.')).toBe(30);
    expect(days('After a data breach, members get notice from us within 10 days.')).toBe(10);
  });
  it('a contractor or business associate telling the Company keeps the deadline', () => {
    expect(days('Contractor shall notify the Company within five (5) days of discovering a data breach.')).toBe(5);
    expect(days('Business Associate shall notify the Company of any breach of unsecured PHI within ten (10) days.')).toBe(10);
  });
  it('near misses: the customer giving notice, or told nothing, still owes the vendor', () => {
    expect(days('Customer shall give notice to us of any data breach within 48 hours.')).toBe(null);
    expect(days('The Merchant shall:\n\n* notify the Company in writing no later than two (2) days after it learns of a personal data breach;')).toBe(null);
    expect(days('If you discover a security breach affecting your account, you must notify us within 24 hours.')).toBe(null);
  });
});

// A BAA that binds the vendor's report to the Breach Notification Rule states no days: no number, but the clause is quoted
// so the rules can tell it from silence (domain bindsToBreachRule: 45 CFR 164.410's 60 days).
describe('breach_notice_days: a report bound to 45 CFR 164.410', () => {
  const fact = (t: string) => extractFacts(t, { uncalibrated: true }).facts.breach_notice_days;
  it('is null with the clause as evidence', () => {
    const t = 'Business Associate agrees to report to Covered Entity any breach of unsecured protected health information as required by 45 CFR 164.410.';
    const f = fact(t);
    expect(f.value).toBe(null);
    expect(bindsToBreachRule(f)).toBe(true);
    expect(f.evidence[0]!.quote).toBe(t.slice(f.evidence[0]!.start, f.evidence[0]!.end));
    expect(bindsToBreachRule(fact('Vendor shall notify Customer of any Security Incident in accordance with the Breach Notification Rule.'))).toBe(true);
  });
  it('stated days still win, and the customer\'s own duty under the rule is not the vendor\'s', () => {
    expect(fact('Business Associate shall report any breach of unsecured PHI within ten (10) days, as required by 45 CFR 164.410.').value).toBe(10);
    const own = fact('Customer shall notify affected individuals of any breach as required by the Breach Notification Rule.');
    expect(bindsToBreachRule(own)).toBe(false);
    expect(bindsToBreachRule(fact('Business Associate shall report breaches of unsecured PHI promptly.'))).toBe(false);
  });
});

// Every clause citing the rule is read, with precedence: a later clause that sets the rule aside overrides an earlier one
// binding the vendor to it; a clause binding it only on a condition states no deadline to rely on.
describe('breach_notice_days: all clauses citing 45 CFR 164.410, with precedence', () => {
  const fact = (t: string) => extractFacts(t, { uncalibrated: true }).facts.breach_notice_days;
  const BINDS = 'Business Associate agrees to report to Covered Entity any breach of unsecured protected health information as required by 45 CFR 164.410.';
  it('a later set-aside overrides the binding clause, and is quoted first', () => {
    const f = fact(`${BINDS} Notwithstanding the foregoing, Business Associate shall not be bound by the time limits of 45 CFR 164.410 when reporting a breach to Covered Entity.`);
    expect(f.value).toBe(null);
    expect(bindsToBreachRule(f)).toBe(false);
    expect(setsAsideBreachRule(f)).toBe(true);
    expect(f.evidence[0]!.quote).toMatch(/shall not be bound by the time limits/);
    expect(f.evidence).toHaveLength(2);
  });
  it('a clause binding the report only on a condition binds nothing; with an outright one beside it, the outright one binds', () => {
    const conditional = 'If 45 CFR 164.410 applies to Business Associate, Business Associate shall report any breach of unsecured protected health information to Covered Entity.';
    const only = fact(conditional);
    expect(bindsToBreachRule(only)).toBe(false);
    expect(setsAsideBreachRule(only)).toBe(false);
    expect(breachRuleStance(only.evidence.map((e) => e.quote))).toBe('conditional');
    const both = fact(`${conditional} ${BINDS}`);
    expect(bindsToBreachRule(both)).toBe(true);
    expect(both.evidence[0]!.quote).toBe(BINDS);
  });
  it('a condition that is the main clause\'s own (a new verb after it) or the rule\'s own duty still binds', () => {
    expect(bindsToBreachRule(fact('If Business Associate discovers a breach of unsecured protected health information, it shall report the breach to Covered Entity as required by 45 CFR 164.410.'))).toBe(true);
    expect(bindsToBreachRule(fact('To the extent required by 45 CFR 164.410, Business Associate shall report any breach of unsecured protected health information to Covered Entity.'))).toBe(true);
  });
});
