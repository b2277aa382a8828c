import { orbitalPage, sortedSubprocessorNames } from '../testing/subprocessor-names.js';

const names = sortedSubprocessorNames;

// The vendor under the legal name of the entity that runs it or is the controller of the reader's data (README: the vendor
// is not its own sub-processor). Both failed before: the entity was read as a recipient where data is passed to it.
describe('the entity behind the vendor, named in a participle or as the controller of the reader\'s data', () => {
  it('leaves out the entity a participle after the vendor\'s name says runs it', () => {
    expect(names(orbitalPage('At Orbital, accessible from https://orbital.example, operated by Starlane Operations Ltd, one of our main priorities is your privacy.', '', 'We share your data with our providers, such as Cloudy GmbH and Starlane Operations Ltd'))).toEqual(['Cloudy GmbH']);
  });

  it('leaves out the controller of the reader\'s data named in the section saying who the vendor is', () => {
    expect(names(orbitalPage('## Who we are', '', 'Orbital and Orbital Trips are trading styles of Starlane Media Ltd. which is the controller of your personal data.', '', '## Sharing', '', 'We share your data with our providers, such as Cloudy GmbH and Starlane Media Ltd.'))).toEqual(['Cloudy GmbH']);
  });

  it('still reads a provider running a part of the service, and a controller named outside that section', () => {
    expect(names(orbitalPage('Our chat widget, operated by Chatty Ltd, collects your messages.', '', 'We share your data with our providers, such as Chatty Ltd and Cloudy GmbH for hosting.'))).toEqual(['Chatty Ltd', 'Cloudy GmbH']);
    // Failed on BR: under "who we are", a host named as the controller of a part of the reader's data was read as "we".
    expect(names(orbitalPage('## Who we are', '', 'Orbital Ltd is the controller of your personal data. Our site is hosted by Cloudy GmbH, which is the controller of your server logs.', '', 'We share your data with providers such as Cloudy GmbH and Paystride Ltd.'))).toEqual(['Cloudy GmbH', 'Paystride Ltd']);
    expect(names(orbitalPage('## Payments', '', 'Payments are handled by Paystride Ltd. which is the controller of your payment data.', '', 'We share your data with our providers, such as Paystride Ltd. and Cloudy GmbH for hosting.'))).toEqual(['Cloudy GmbH', 'Paystride Ltd']);
  });
});
