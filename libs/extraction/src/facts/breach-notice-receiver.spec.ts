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
