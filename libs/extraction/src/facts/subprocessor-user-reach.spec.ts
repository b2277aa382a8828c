import { orbitalPage, subprocessorNames } from '../testing/subprocessor-names.js';

// A service the user signs in with, links an account to or reaches the vendor's service through is a party the user
// connects to (README), not a recipient of the vendor. The first table failed before subprocessor-user-reach.ts: the
// provider noun or "through" read the name as the vendor's provider.
const reached: [string, string][] = [
  ['signs up or logs in with', 'If you sign up for, or log into, Orbital using a third party service like Facebay or Goggle, we may receive your name.'],
  ['has linked an account with', 'If you have linked your Orbital account with certain third party services, such as Steamy, you may unlink your accounts at any time.'],
  ['links an account to (a gerund)', 'Third Party Features include linking your Orbital account to a third party service such as Steamy.'],
  ['logs in with, named by a provider noun', 'If you log in using a third-party login provider such as Goggle, we receive your name.'],
  ['accesses the service through', 'If you are accessing the Service through Nimbus Enterprise (Nimbus Cloud), Nimbus Enterprise for Business or a Nimbus Workspace subscription, other terms apply.'],
  // Failed before the "can integrate with" reading (vocabulary-providers.ts): what a product can be linked to.
  ['links a product that can integrate with', 'Some Orbital products, like our speakers, can integrate with third-party services like Vocalia.'],
];
// Data handed on after the user's verb, or the vendor acting, still names the vendor's recipient.
const kept: [string, string, string[]][] = [
  ['data sent on after the user signs up', 'When you sign up, your email address is sent to Mailbird through our newsletter processors such as Mailbird.', ['Mailbird']],
  ['the vendor sharing after the user logs in', 'If you log in, we share your account details with service providers such as Zendo.', ['Zendo']],
  ['the vendor using a service', 'We use third party services such as Stripey to process your payments.', ['Stripey']],
];
// The vendor's own verb of linking, or a part of its service the user reaches through a name, names its recipient. These
// failed on the first version of subprocessor-user-reach.ts (any "link your" counted; any object of the user's verb did).
const keptToo: [string, string, string[]][] = [
  ['the vendor connecting the account', 'We connect your account with third-party services like Salesdesk.', ['Salesdesk']],
  ['a newsletter the user signs up for', 'If you sign up for our newsletter through Mailbird, your email address is stored.', ['Mailbird']],
  ['a support chat the user accesses', 'You can access our support chat through Chatty Ltd.', ['Chatty Ltd']],
  ['the vendor able to connect', 'We can integrate with third-party services like Salesdesk to process your orders.', ['Salesdesk']],
];

describe('a party the user reaches on their own', () => {
  it.each(reached)('is not read where the user %s it', (_, line) => {
    expect(subprocessorNames(orbitalPage(line))).toEqual([]);
  });
  it.each([...kept, ...keptToo])('is read where the text has %s', (_, line, out) => {
    expect(subprocessorNames(orbitalPage(line)).slice().sort()).toEqual(out);
  });
});
