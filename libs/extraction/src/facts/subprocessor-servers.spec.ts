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

// "Disqus user data is shared with our affiliated company Zeta Global for marketing purposes" (Disqus): an affiliate
// outside "we" named as the one data is shared with.
describe('data shared with "our affiliated company X"', () => {
  it('names the affiliate', () => {
    expect(names('# Sharing\n\nUser data is shared with our affiliated company Quillora Global for marketing purposes.\n')).toEqual(['Quillora Global']);
  });
  it('not where the sentence denies it or the data comes from the affiliate', () => {
    expect(names('# Sharing\n\nWe do not share user data with our affiliated company Quillora Global.\n')).toEqual([]);
    expect(names('# Sources\n\nWe receive data shared with us by our affiliated company Quillora Global.\n')).toEqual([]);
  });
});
