import { subprocessorNames as names } from '../testing/subprocessor-names.js';
import { coordinatedMates } from './subprocessor-coordination.js';

// A name coordinated with a recipient the reader has already taken ("Quillpay, Borealis and Tenfold Ltd handle …") shares
// that recipient's predicate. Failed before: a name read firmly in one sentence ("Our partner, Quillpay, …") left its
// list-mates elsewhere unread when nothing else introduced them (no provider noun before them, no legal suffix).
describe('names coordinated with a recipient already read', () => {
  it('are recipients too', () => {
    const doc = '# Subscriptions\n\nOur payment partner, Quillpay, helps us take subscription payments. The details that Quillpay, Borealis and Tenfold collect on our behalf when you subscribe include your name and card details.';
    expect(names(doc)).toEqual(['Quillpay', 'Borealis', 'Tenfold']);
  });

  it('not in a list of accounts the user holds, a document title, or a sentence saying nothing of data', () => {
    expect(names('# Payments\n\nOur payment processor, Quillpay, processes your payments. You may give us the email address of your Quillpay or Borealis account.')).toEqual(['Quillpay']);
    expect(names('# Payments\n\nOur payment processor, Quillpay, processes your payments. See the [Quillpay/Borealis Additional Terms of Service](https://example.com/terms).')).toEqual(['Quillpay']);
    expect(names('# Payments\n\nOur payment processor, Quillpay, processes your payments. Quillpay and Borealis are award-winning brands.')).toEqual(['Quillpay']);
    // A clause refusing to pass data names no recipient.
    expect(names('# Payments\n\nOur payment processor, Quillpay, processes your payments. We do not share your details with Quillpay or Borealis for marketing.')).toEqual(['Quillpay']);
  });

  it('not in a clause where the user directs the sharing (a party the user reaches, README conventions)', () => {
    expect(names('# Integrations\n\nOur hosting provider, Quillhost, stores your data. If you connect Quillhost, Borealis or Tenfold to your account, we share data with them at your request.')).toEqual(['Quillhost']);
    expect(names('# Integrations\n\nOur hosting provider, Quillhost, stores your data. At your request we send your files to Quillhost, Borealis and Tenfold.')).toEqual(['Quillhost']);
  });

  it('a list with one member that is not a recipient (a sign-in provider, a platform) gives none', () => {
    expect(names('# Sign-in\n\nOur analytics provider, Quillstat, receives usage data. You can register through single sign-on services such as Facebook, Quillstat and Borealis.')).toEqual(['Quillstat']);
    expect(names('# Videos\n\nOur analytics provider, Quillstat, receives usage data. Quillstat, Borealis and YouTube are embedded in our pages and process data about your visit.')).toEqual(['Quillstat']);
  });
});

describe('coordinatedMates', () => {
  it('finds the whole list around a name, not a word inside a longer one', () => {
    const v = 'We rely on Alder, Birchwood Ltd and Cedar Cloud for hosting.';
    expect(coordinatedMates(v, v.indexOf('Birchwood Ltd'), 'Birchwood Ltd').map((m) => m.name).sort()).toEqual(['Alder', 'Cedar Cloud']);
    const w = 'We rely on Cedar Cloud Storage for hosting.';
    expect(coordinatedMates(w, w.indexOf('Cedar'), 'Cedar')).toEqual([]);
  });
  it('none in a list of accounts the user holds or in a document title', () => {
    const v = 'You may give us the email address of your Alder or Birchwood account.';
    expect(coordinatedMates(v, v.indexOf('Alder'), 'Alder')).toEqual([]);
    const w = 'You agree to the Alder Maps/Birchwood Cloud Additional Terms of Service.';
    expect(coordinatedMates(w, w.indexOf('Alder Maps'), 'Alder Maps')).toEqual([]);
  });
  it('leaves out a brand\'s own product named after it', () => {
    const v = 'Alder and Alder Ads receive data.';
    expect(coordinatedMates(v, 0, 'Alder')).toEqual([]);
  });
});
