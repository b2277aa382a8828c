import { factContext } from '../extract-facts.js';
import { factOf } from '../testing/fact-of.js';
import { byVendor } from './return-acts.js';

// Who keeps or deletes, and whether the act is committed to (issue 7, x29ret): kinds found in what the rules asserted on
// unlabelled OTA documents and in the develop misses. Texts written for these specs.
const rd = (text: string) => factOf('return_or_destroy_on_termination', text);

describe('return_or_destroy_on_termination: the vendor keeping the customer\'s data past the end is no', () => {
  it('"after termination … may retain and use copies", with the subject elided after "but"', () => {
    expect(rd('After termination of this Agreement, we will stop listing your app, but may retain and use copies of your uploads to support the store.')).toBe('no');
  });
  it('"we may keep files you removed from the Service"', () => {
    expect(rd('When your subscription is cancelled, we may keep your files that have been removed from the Service.')).toBe('no');
  });
  it('not when the keeping is for a duty, claims or a stated period, nor by a provider or in the passive', () => {
    expect(rd('After termination of this Agreement, we may retain copies of your uploads to comply with our legal obligations.')).toBe('unspecified');
    expect(rd('After termination of this Agreement, we may retain copies of your uploads to resolve disputes.')).toBe('unspecified');
    expect(rd('After termination of this Agreement, copies of your uploads may be retained after closure in the service.')).toBe('unspecified');
    expect(rd('After termination of this Agreement, we may retain your uploads in anonymised form after the end.')).toBe('unspecified');
  });
  // Review of x29ret (rev29ret): near misses a careful reader does not take for keeping with no end.
  it('not when the period is written in words ("for thirty days", "up to ninety days")', () => {
    expect(rd('After you delete your account, we may retain backup copies for thirty days.')).not.toBe('no');
    expect(rd('After termination, we may retain your data for up to ninety days.')).not.toBe('no');
  });
  it('not when the keeping is left to another document ("as described in our retention policy")', () => {
    expect(rd('We may retain your content after you delete your account as described in our retention policy.')).toBe('unspecified');
    expect(rd('After you delete your account, we may retain your content in accordance with our Data Retention Policy.')).toBe('unspecified');
  });
  it('not when the law or a need that ends bounds it ("where we are legally required to", "as long as needed")', () => {
    expect(rd('After termination of your account, we may retain your information where we are legally required to do so.')).toBe('unspecified');
    expect(rd('After termination, we may retain your personal information as long as needed to provide you with services.')).toBe('unspecified');
  });
  it('not for backups or archives kept until overwritten', () => {
    expect(rd('After termination of your account, we may retain your content in our backup systems until it is overwritten.')).toBe('unspecified');
    expect(rd('Following termination, we may retain copies of your data in our archives.')).toBe('unspecified');
  });
  it('not for the vendor\'s own records (logs, transactions), kept as a retention duty', () => {
    expect(rd('After deletion of your account, we may retain log data and transaction records.')).toBe('unspecified');
  });
  it('the near miss stays: content kept past the end for the vendor\'s own use', () => {
    expect(rd('After you close your account, we may retain your photos and use them to improve our services.')).toBe('no');
  });
});

describe('return_or_destroy_on_termination: a deletion the document does not commit to', () => {
  it('"rather than delete", "instead of deleting": the act set aside', () => {
    expect(rd('When you close your account, rather than delete your profile, we may de-identify it.')).toBe('unspecified');
    expect(rd('When you close your account, instead of deleting your posts we archive them.')).not.toBe('yes');
  });
  it('the near miss: a deletion that stands', () => {
    expect(rd('When you close your account, we delete your profile rather than keeping it.')).toBe('yes');
  });
  it('"maintained and deleted in accordance with our Privacy Policy": the lifecycle left to another document', () => {
    expect(rd('If you delete your account, your information will be maintained and deleted in accordance with our Privacy Policy.')).toBe('unspecified');
    expect(rd('If you delete your account, your information will be deleted in accordance with our Privacy Policy within 30 days.')).toBe('yes');
  });
  it('the user as the one deleting, with the subject elided after "and later"', () => {
    expect(rd('If you use your Acme ID to sign in to a partner website or service, and later delete your Acme account, you may lose access to that website or service.')).toBe('unspecified');
    expect(rd('If you close your account, we will verify your identity and then delete your data.')).toBe('yes');
  });
  it('"reserves the right at any time to delete" is a right kept, neither a duty nor a refusal', () => {
    expect(rd('Upon termination, we reserve the right at any time to delete any account registration and related information.')).toBe('unspecified');
    expect(rd('Upon termination, we will delete any account registration and related information.')).toBe('yes');
  });
});

describe('byVendor: a verb coordinated after another, its subject elided, has that verb\'s subject', () => {
  const deleter = (text: string) => {
    const { ctx } = factContext(text);
    const c = ctx.clauses(ctx.sentences[0])[0];
    const d = c.hits.find((h) => h.cat === 'action' && h.kind === 'delete')!;
    return byVendor(c, d, undefined);
  };
  it('"you use … and later delete your account": the customer deletes', () => {
    expect(deleter('If you use your login to sign in elsewhere, and later delete your profile, you may lose access there.')).toBe(false);
  });
  it('"we verify … and then delete your data": the vendor deletes', () => {
    expect(deleter('If you close your account, we verify your identity and then delete your data.')).toBe(true);
  });
});
