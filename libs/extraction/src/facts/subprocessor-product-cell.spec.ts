import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

describe('a product named with an institution word in a sub-processor table ("NextGen Office")', () => {
  it('reads the product in a column titled as the vendor\'s parties when a brand comes before "Office"/"Government"', () => {
    const table = '# Our vendors\n\n| Vendor | What they do |\n|---|---|\n| ChartWise Office | Practice records |\n| Microsoft Azure Government | Hosting of the records |\n| Pinehill Payments | Card payments |\n';
    expect(names(table)).toEqual(['ChartWise Office', 'Microsoft Azure Government', 'Pinehill Payments']);
  });

  it('leaves a public body in the same column out, and reads no product outside a party column', () => {
    const bodies = '# Our vendors\n\n| Vendor | What they do |\n|---|---|\n| Home Office | Immigration checks |\n| Federal Government | Reporting |\n| Office of Civil Rights | Complaints |\n| Pinehill Payments | Card payments |\n';
    expect(names(bodies)).toEqual(['Pinehill Payments']);
    // Prose names no column: "the ChartWise Office" alone is not read as a party.
    expect(names('# Contact\n\nPlease visit our Harbour Office for your records.')).toEqual([]);
  });
});
