import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// "We store personal data on our Amazon Web Services servers in the United States" (ironSource): the company whose
// servers hold the data is a recipient (a host).
describe('data stored on a named company\'s servers', () => {
  it('names the host', () => {
    expect(names('# Storage\n\nWe store personal data on our Nimbusflare Web Services servers in the United States.\n')).toEqual(['Nimbusflare Web Services']);
    expect(names('# Storage\n\nWe host your information on Nimbusflare servers located in Ireland.\n')).toEqual(['Nimbusflare']);
  });
  it('not the vendor\'s own site or servers, nor data on a device', () => {
    expect(names('# Storage\n\nWe store personal data on our own servers in Ohio.\n')).toEqual([]);
    expect(names('# Storage\n\nWe store small files on your Android device.\n')).toEqual([]);
    expect(names('# Storage\n\nWe store personal data on our Site for as long as needed.\n')).toEqual([]);
  });
});
