import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

describe('a platform the vendor advertises with', () => {
  const list = (entry: string) => `# How we share your information\n\nWhere applicable, we share information about you with:\n\n*   Companies in our group;\n*   Debt collection agencies;\n*   ${entry}\n`;

  it('is a recipient when an entry of a list of recipients names it as a party the vendor advertises with', () => {
    expect(names(list('Third parties that we advertise with, such as Facebook, in order to serve you advertisements online;'))).toEqual(['Facebook']);
  });

  it('is not a recipient when the vendor does not advertise with it or the platform only shows the ads', () => {
    expect(names(list('Third parties that we do not advertise with, such as Facebook;'))).toEqual([]);
    expect(names(list('Other users, who may see our adverts on platforms such as Facebook;'))).toEqual([]);
  });

  it('is not a recipient outside a list of recipients or where sharing with it is denied', () => {
    expect(names('# Sources\n\nWe receive information about you from:\n\n*   Credit agencies;\n*   Third parties that we advertise with, such as Facebook;\n')).toEqual([]);
    expect(names('# Sharing\n\nWe do not share your information with third parties that we advertise with, such as Facebook.')).toEqual([]);
  });

  it('is not a recipient when the list of recipients is introduced by a denial of sharing', () => {
    expect(names('# Sharing\n\nWe do not share information about you with:\n\n- Third parties that we advertise with, such as Facebook.\n')).toEqual([]);
    expect(names('# Sharing\n\nWe do not share information about you with:\n\n- Partners that we market through, such as TikTok.\n')).toEqual([]);
  });
});

describe('the entries of a list whose intro denies sharing', () => {
  it('are not recipients, even when an entry names a provider kind with examples', () => {
    expect(names('# Sharing\n\nWe do not share information about you with:\n\n- Payment processors such as Stripe\n- Cloud providers such as Amazon Web Services\n')).toEqual([]);
  });

  it('are recipients when the denial makes an exception for them or is another clause', () => {
    expect(names('# Sharing\n\nWe do not share information about you with anyone except:\n\n- Payment processors such as Stripe\n')).toEqual(['Stripe']);
    expect(names('# Sharing\n\nWe do not sell your data; we share information about you with:\n\n- Payment processors such as Stripe\n')).toEqual(['Stripe']);
  });
});
