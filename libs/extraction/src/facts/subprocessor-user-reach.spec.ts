import { orbitalPage, subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// A service the user signs in with, links an account to or reaches the vendor's service through is a party the user
// connects to (README), not a recipient of the vendor. These failed before subprocessor-user-reach.ts: the provider noun
// or "through" read the name as the vendor's provider.
describe('a party the user reaches on their own', () => {
  it('does not read the service the user signs up, logs in or links an account with', () => {
    expect(names(orbitalPage('If you sign up for, or log into, Orbital using a third party service like Facebay or Goggle, we may receive your name.'))).toEqual([]);
    expect(names(orbitalPage('If you have linked your Orbital account with certain third party services, such as Steamy, you may unlink your accounts at any time.'))).toEqual([]);
    expect(names(orbitalPage('Third Party Features include linking your Orbital account to a third party service such as Steamy.'))).toEqual([]);
  });

  it('does not read the offering the user accesses the service through', () => {
    expect(names(orbitalPage('If you are accessing the Service through Nimbus Enterprise (Nimbus Cloud), Nimbus Enterprise for Business or a Nimbus Workspace subscription, other terms apply.'))).toEqual([]);
  });

  it('still reads a recipient the data is handed to after the user signs up, and the vendor\'s own providers', () => {
    expect(names(orbitalPage('When you sign up, your email address is sent to Mailbird through our newsletter processors such as Mailbird.'))).toEqual(['Mailbird']);
    expect(names(orbitalPage('If you log in, we share your account details with service providers such as Zendo.'))).toEqual(['Zendo']);
    expect(names(orbitalPage('We use third party services such as Stripey to process your payments.'))).toEqual(['Stripey']);
  });
});
