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

describe('a provider named in quotes after a verb of using it', () => {
  it('reads the name inside the quotes', () => {
    expect(names('# Wi-Fi\n\nWe use ‘Airlink Wireless’ to provide the Wi-Fi in our stores.')).toEqual(['Airlink Wireless']);
  });

  it('does not read a quoted term the user acts on', () => {
    expect(names('# Settings\n\nYou can use “Quiet Mode” to pause notifications.')).toEqual([]);
    // A quotation handed to someone: a credit line, not a provider.
    expect(names('# Copying\n\nYou may copy this page if credit is given to "Dana Lee, Harbour View Specialist of the Bay area".')).toEqual([]);
  });
});
