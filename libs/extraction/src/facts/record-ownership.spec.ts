import { factOf } from '../testing/fact-of.js';

const owner = (text: string) => factOf('record_ownership', text);
const ACME = 'Acme Inc. ("Acme", "we") provides the Services.\n\n';

describe('record_ownership read from who holds the records in a clause', () => {
  it('customer: the customer owns, keeps ownership rights, or the records belong to it or remain its own', () => {
    expect(owner('Except for the limited rights granted in this Agreement, Customer will own all right, title and interest in and to the User Submissions.')).toBe('customer');
    expect(owner('Copyrights in the Submitted Contents belong to you or the copyright holder of such Contents.')).toBe('customer');
    expect(owner('Any original content you post or upload to the service remains yours.')).toBe('customer');
  });
  it('customer: the vendor denies holding them', () => {
    expect(owner('We don’t own your content, and you keep the rights you have in it.')).toBe('customer');
    expect(owner('We do not claim any proprietary rights in the comments that you post on our Website.')).toBe('customer');
    expect(owner(ACME + 'This Agreement does not grant Acme any ownership over the contents of Customer Files.')).toBe('customer');
  });
  it('customer: the vendor denies rights in a list of kinds of things the users add, the records among them', () => {
    expect(owner('# Brightfold Terms of Service\n\nYou manage the pages you build using our Services and Brightfold does not claim any ownership rights in any text, files, images, music, comments, listings, logos, trademarks, postings, messages, or any other work added to any of the foregoing (collectively, "Content") posted by you or by visitors of your pages.')).toBe('customer');
    // Its own kinds of things, with no records among the first items, are no statement about the records.
    expect(owner('We do not claim any ownership rights in any logos, trademarks, domain names or designs of third parties.')).toBe('unspecified');
  });
  it('customer: a third party licensor beside the user keeping the rights is not the vendor taking them', () => {
    const VID = 'We claim no ownership or control over User Submissions or Third Party Content. ';
    expect(owner(VID + 'You or a third party licensor, as appropriate, retain all copyrights to User Submissions and you are responsible for protecting those rights as appropriate.')).toBe('customer');
    // The licensor of the terms is still the vendor: its holding the submissions is the vendor's.
    expect(owner(ACME + 'The licensor retains all right, title and interest in the User Submissions you post.')).toBe('vendor');
  });
  it('no statement: a right to act on the records withheld from others is no ownership of them', () => {
    const XANGA = 'Xanga.com, Inc. ("Xanga", "we") operates the site.\n\n';
    expect(owner(XANGA + 'Xanga does not grant these third parties any independent right to share your information.')).toBe('unspecified');
    expect(owner(ACME + 'Acme does not grant its providers any right to sell your information.')).toBe('unspecified');
    // Near misses: rights in the records themselves, withheld from the vendor.
    expect(owner(ACME + 'This Agreement does not grant Acme any rights to your content.')).toBe('customer');
    expect(owner(ACME + 'This Agreement does not give Acme any right, title or interest in your data.')).toBe('customer');
  });
  it('vendor: the records belong to the vendor', () => {
    expect(owner(ACME + 'The ownership of User Data and other related rights belongs to Acme.')).toBe('vendor');
  });
  it('no statement: descriptions, possessive "own", owners of other things, the vendor\'s own content', () => {
    expect(owner('We will never request access to your files or any other data that belongs to you.')).toBe('unspecified');
    expect(owner('Partners process personal data under their own terms and at your own risk.')).toBe('unspecified');
    expect(owner('We use your data to authenticate you as the owner of your account.')).toBe('unspecified');
    expect(owner('We may share analytics information with the owners of recorded video you view.')).toBe('unspecified');
    expect(owner('We do not collect personal information that belongs to any of the following categories.')).toBe('unspecified');
    expect(owner('We shall remain the owner of all rights in the Contents offered to Users by us.')).toBe('unspecified');
    expect(owner(ACME + 'Your personal information is stored on servers owned by Acme.')).toBe('unspecified');
    expect(owner('This Privacy Policy does not cover the information practices of other web sites or companies that we do not own or control.')).toBe('unspecified');
    expect(owner('You confirm that you are the owner of this social media account and that you may disclose your login information to us.')).toBe('unspecified');
    expect(owner(ACME + 'We may disclose information we collect to protect the rights and property of Acme.')).toBe('unspecified');
  });
});

describe('record_ownership: the customer\'s ownership named as theirs', () => {
  it('"your ownership in … is not affected" leaves the records the customer\'s', () => {
    expect(owner('By posting you grant us a license to display your User Submissions. This is a license only – your ownership in User Submissions is not affected.')).toBe('customer');
  });
  it('ownership given up, or of something that is not the records, is no such statement', () => {
    expect(owner(ACME + 'You hereby assign your ownership of your User Submissions to Acme.')).not.toBe('customer');
    expect(owner('This information includes as a minimum your ownership of the game in question.')).toBe('unspecified');
  });
});

describe('the vendor granting the user no rights is not the user owning the records', () => {
  it.each([
    'These Terms do not grant you any rights in any software, documents or materials we provide.',
    'We do not grant you any intellectual property rights in our logos, designs or content.',
  ])('%s', (text) => {
    expect(factOf('record_ownership', text)).toBe('unspecified');
  });
});
