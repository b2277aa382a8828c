import { factOf } from '../testing/fact-of.js';

// breach_notice_days (README): the most days allowed to notify the customer. A deadline the customer or user owes the
// vendor ("you must tell us within 24 hours") is the other way round: the clause layer's subject and recipient of the
// notify act decide, not the deadline's words.
describe('breach_notice_days: who tells whom', () => {
  const days = (t: string) => factOf('breach_notice_days', t);
  it('a deadline the customer or user owes the vendor is no notice to the customer', () => {
    expect(days('If you discover a security breach affecting your account, you must notify us within 24 hours.')).toBe(null);
    expect(days('Customer shall notify Acme of any data breach involving the shared records no later than 48 hours after discovery.')).toBe(null);
    expect(days('The Merchant shall:\n\n* notify the Company in writing no later than two (2) days after it learns of a personal data breach;')).toBe(null);
  });
  it('near misses: the vendor telling the customer or user keeps its deadline, in the active and the passive', () => {
    expect(days('If we discover a security breach affecting your account, we will notify you within 24 hours.')).toBe(1);
    expect(days('Acme shall notify Customer of any data breach involving the shared records no later than 48 hours after discovery.')).toBe(2);
    expect(days('In the event of a data breach, you will be notified within 72 hours.')).toBe(3);
    expect(days('The Company shall:\n\n* notify the Merchant in writing no later than two (2) days after it learns of a personal data breach;')).toBe(2);
  });
});
