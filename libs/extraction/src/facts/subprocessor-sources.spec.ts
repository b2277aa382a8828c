import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// README: data sources are not recipients. A clause that takes information from third parties names where data comes
// from ("We also receive information about you from third parties such as your payment providers, your social account
// providers Apple or Google if you use our social sign-in feature"), not who receives it.
describe('providers named as where the vendor receives information from', () => {
  it('are sources, not recipients', () => {
    const md = '# Information we collect\n\nWe also receive information about you from third parties such as your payment providers, your social account providers Quillbook or Harrowmail if you use our social sign-in feature, and service providers assisting with fraud compliance.\n';
    const out = names(md);
    expect(out).not.toContain('Quillbook');
    expect(out).not.toContain('Harrowmail');
  });
  it('obtained from a data broker is a source too', () => {
    const md = '# Sources\n\nWe obtain information about you from data providers such as Brokerline Inc. to verify your identity.\n';
    expect(names(md).some((n) => n.startsWith('Brokerline'))).toBe(false);
  });
});

describe('providers the same sentence passes data to stay recipients', () => {
  it('after "receive … from" and a verb that gives the data on', () => {
    const md = '# Sharing\n\nWe receive payments from you and share your card details with payment providers such as Quillpay Inc.\n';
    expect(names(md)).toEqual(expect.arrayContaining([expect.stringMatching(/^Quillpay/)]));
  });
  it('where what is collected from the user is hosted by the provider', () => {
    const md = '# Hosting\n\nInformation we collect from you is hosted by our cloud provider Nimbusflare Inc. in Ireland.\n';
    expect(names(md)).toEqual(expect.arrayContaining([expect.stringMatching(/^Nimbusflare/)]));
  });
});
