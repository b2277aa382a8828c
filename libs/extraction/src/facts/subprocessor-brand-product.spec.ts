import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

describe('a brand before a kind of product ("the Awin network")', () => {
  it('reads the brand as the provider the vendor uses, though "the" stands before it', () => {
    expect(names('# Marketing\n\nWe work with the Adsmith network for the purposes of affiliate marketing. Adsmith reads a cookie.')).toEqual(['Adsmith']);
    expect(names('# Video\n\nWe use the Vidstream video player to display our videos. Vidstream may collect usage data.')).toEqual(['Vidstream']);
  });

  it('does not read a defined term after "the", nor the product when the document names the company behind it', () => {
    expect(names('# Terms\n\nWe use the Controller to manage your account data.')).toEqual([]);
    expect(names('# Spam\n\nWe use the Verifio verification tool. This service is provided by Checkpoint LLC, which receives your IP address.')).toEqual(['Checkpoint LLC']);
  });
});

describe('the user\'s own area of the service ("My Orbital")', () => {
  it('is not an organisation, while a provider named in the same sentence is', () => {
    expect(names('# Providers\n\nWe share the topics you select through My Orbital with service providers such as Mailwell.')).toEqual(['Mailwell']);
    expect(names('# Providers\n\nWe share the topics you select with service providers such as Mailwell and My Orbital.')).toEqual(['Mailwell']);
  });
});
