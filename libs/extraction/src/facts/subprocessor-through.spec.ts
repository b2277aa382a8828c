import { sortedSubprocessorNames as names } from '../testing/subprocessor-names.js';

// "through <Name>" alone names a channel: most often the vendor's own feature or product ("shared with others through
// Chatterbox", "features made available through Acme Labs", "support requests, including through Talkdesk Live"), which
// receives nothing as a third party. It names a recipient when a verb of the vendor working on the data governs it ("we send
// our newsletters through Mailfast", "data we collect through Statwise"), when one of the vendor's own features runs through
// it ("our live support chat through Chatterbox") or when payments are made through it (a payment
// processor, subprocessor-payment-channel.spec.ts). Failed before: every "through" before a capital was read as a relation,
// so the vendor's features and channels were reported as sub-processors.
describe('a name after "through"', () => {
  it('is a channel, not a recipient, without a verb of passing or working on the data', () => {
    expect(names('# Orbital privacy notice\n\n## Retention\n\nInformation you have shared with others (e.g., through Chatterbox, updates or posts) stays visible after you close your account.')).toEqual([]);
    expect(names('# Orbital privacy notice\n\n## Studies\n\nOrbital makes certain experimental features available through Orbital Labs to test new ideas.')).toEqual([]);
    expect(names('# Orbital privacy notice\n\n## Support\n\nWhen you contact us for support, including through Talkdesk Live, we collect your contact details.')).toEqual([]);
    // "our Help Center and through Kidlink": the vendor's feature is another channel joined by "and", not what runs through it.
    expect(names('# Orbital privacy notice\n\n## Families\n\nYou can find tools to manage your family account in our Help Center and through Kidlink.')).toEqual([]);
  });

  it('is a recipient after the vendor sends, collects or processes data through it, or takes payments through it', () => {
    expect(names('# Orbital privacy notice\n\n## Newsletters\n\nWe send our newsletters through Mailfast.')).toEqual(['Mailfast']);
    expect(names('# Orbital privacy notice\n\n## Support\n\nYou can reach our live support chat through Chatterbox.')).toEqual(['Chatterbox']);
    expect(names('# Orbital privacy notice\n\n## Analytics\n\nWe collect usage data about your visits through Statwise.')).toEqual(['Statwise']);
    expect(names('# Orbital privacy notice\n\n## Payments\n\nWe accept various payment methods through Paystride and Quickpay.')).toEqual(['Paystride', 'Quickpay']);
    // The user sending through a service is the user's doing.
    expect(names('# Orbital privacy notice\n\n## Messages\n\nYou can send messages to your host through Chatterbox.')).toEqual([]);
  });
});
