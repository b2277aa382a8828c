import { vendorUsesNameIn } from './vendor-uses.js';

describe('vendorUsesNameIn (the vendor using a named tool for a purpose)', () => {
  it.each([
    ['We use Ledgerly to reconcile card payments.', 'Ledgerly'],
    ['We may also rely on Postwick for delivering our account emails.', 'Postwick'],
    ['Currently, we use Tallyhub Ltd. as our billing processor.', 'Tallyhub Ltd.'],
    ['This website uses Countwise, a visitor statistics service, to measure page views.', 'Countwise'],
    ['We use Ledgerly, Postwick and Boxharbor to run our shop.', 'Boxharbor'],
    ['Boxharbor is used to store uploaded files.', 'Boxharbor'],
    ['Additionally, Sendquill is used for our newsletters.', 'Sendquill'],
    ['Boxharbor stores the backups on our behalf.', 'Boxharbor'],
    ['We utilise the services of Quorra Mail to send receipts.', 'Quorra Mail'],
  ])('reads %p as a tool of the vendor', (view, name) => {
    expect(vendorUsesNameIn(view, name)).toBe(true);
  });

  it.each([
    // The reader, not the vendor, is the one using it.
    ['You can use Ledgerly to pay for your order.', 'Ledgerly'],
    // A negation between the vendor and the verb.
    ['We do not use Countwise to profile visitors.', 'Countwise'],
    ['We never use Countwise for advertising.', 'Countwise'],
    // The first word of a longer name: the sentence is about the longer name.
    ['We use Ledgerly Insights to count visits.', 'Ledgerly'],
    // No purpose: a bare mention of using something.
    ['We use Ledgerly.', 'Ledgerly'],
    // A sign-in provider is a source of data, not a recipient (README conventions).
    ['We use Gatekey to let you sign in with your existing account.', 'Gatekey'],
    ['Gatekey is used to log in to the forum.', 'Gatekey'],
    // A partner of the vendor is not its tool.
    ['We partner with Hopewell to offer support resources to members.', 'Hopewell'],
    // The name inside a clause with another subject before it.
    ['Visitors who prefer Boxharbor is used for nothing here.', 'Boxharbor'],
    // On someone else's behalf, not ours.
    ['Boxharbor stores files on behalf of its other customers.', 'Boxharbor'],
  ])('does not read %p as a tool of the vendor', (view, name) => {
    expect(vendorUsesNameIn(view, name)).toBe(false);
  });
});
