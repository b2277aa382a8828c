import { regionName } from './regions.js';

describe('regionName', () => {
  it('names a country code, keeps a cloud region id with its part of the world, and shows anything else as written', () => {
    expect(['PH', 'in', ' CO '].map(regionName)).toEqual(['Philippines', 'India', 'Colombia']);
    expect(['eu-west-1', 'ap-south-1', 'centralindia', 'ca-central-1'].map(regionName)).toEqual(['eu-west-1, Europe', 'ap-south-1, Asia Pacific', 'centralindia, India', 'ca-central-1, Canada']);
    // Not assigned (ZZ), or no code at all: as written, never "Invalid" or empty.
    expect(['ZZ', 'onprem-basement'].map(regionName)).toEqual(['ZZ', 'onprem-basement']);
  });
});
