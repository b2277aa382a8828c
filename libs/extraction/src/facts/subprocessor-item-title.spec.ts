import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// A list item whose first line is its entity's name set apart (bold, then a line break) and whose next line describes it:
// the name ends at the line break, whatever the description's first word is.
describe('a list item whose first line is the name of its entity', () => {
  const intro = '# Payments\n\nThe payment processors we work with are:\n\n';

  it('reads the name of its own line, with or without a legal suffix', () => {
    const md = intro + '*   **Quillpay Ltd**  \n    Their Privacy Policy can be viewed at https://quillpay.example/privacy\n*   **Coinmarshal**  \n    Their Privacy Policy can be viewed at https://coinmarshal.example/privacy\n';
    expect(names(md).sort()).toEqual(['Coinmarshal', 'Quillpay Ltd']);
  });

  it("does not read an app store's payments as a processor (README: app stores are left out)", () => {
    const md = intro + '*   **Coinmarshal**  \n    Their Privacy Policy can be viewed at https://coinmarshal.example/privacy\n*   **Apple Store In-App Payments**  \n    Their Privacy Policy can be viewed at https://www.apple.com/legal/privacy/\n*   **Google Play In-App Payments**  \n    Their Privacy Policy can be viewed at https://policies.google.com/privacy\n';
    expect(names(md)).toEqual(['Coinmarshal']);
  });

  it('does not read a title line of an item under an intro that names no recipients', () => {
    const md = '# Your rights\n\nYou may exercise the following rights:\n\n*   **Access**  \n    You can ask us for a copy of your data.\n*   **Erasure**  \n    You can ask us to delete your data.\n';
    expect(names(md)).toEqual([]);
  });

  it('does not take a category title line for a name', () => {
    const md = '# Sharing\n\nWe share your information with the following recipients:\n\n*   **Service providers**  \n    Companies that host our servers.\n*   **Advertisers**  \n    Partners that show you ads.\n';
    expect(names(md)).toEqual([]);
  });
});
