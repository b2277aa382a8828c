/**
 * A storage or processing region as a reader knows it. Fleet exports and manifests write ISO 3166 country codes
 * (`PH`, `IN`) or cloud region ids (`eu-west-1`, `asia-south1`); a client reading "PH" in a finding should not
 * have to look it up. A country code becomes its English name; a cloud region id keeps its id (what the
 * vendor's console shows) with the part of the world it names; anything else is shown as written.
 */
export function regionName(region: string): string {
  const code = region.trim();
  if (/^[a-z]{2}$/i.test(code)) {
    const name = countryName(code.toUpperCase());
    if (name) return name;
  }
  const area = CLOUD_AREAS.find(([prefix]) => prefix.test(code))?.[1];
  return area ? `${code}, ${area}` : code;
}

// Intl's English names (ICU: "Philippines", "India"): the domain runs in Node and in the dashboard's browser,
// which both carry them. An unassigned code comes back as itself, and ZZ as "Unknown Region": neither is a country.
let names: Intl.DisplayNames | undefined;
function countryName(code: string): string | undefined {
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    const name = names.of(code);
    return name && name !== code && code !== 'ZZ' ? name : undefined;
  } catch {
    return undefined; // an engine without DisplayNames: the code is still shown
  }
}

/** Region id prefixes of AWS (`eu-west-1`), GCP (`europe-west3`, `asia-south1`) and Azure (`westeurope`, `centralindia`). */
const CLOUD_AREAS: [prefix: RegExp, area: string][] = [
  [/^us(gov)?[-_]|^(east|west|central|north|south|northcentral|southcentral|westcentral)us\d?$/i, 'United States'],
  [/^(eu|europe)[-_]|europe$|^(uk|germany|france|switzerland|norway|sweden|poland|italy|spain)/i, 'Europe'],
  [/^(ca|canada)[-_]|^canada/i, 'Canada'],
  [/^(ap|asia)[-_]|asia$|^(japan|korea|eastasia|southeastasia)/i, 'Asia Pacific'],
  [/india$|^in[-_]/i, 'India'],
  [/^australia/i, 'Australia'],
  [/^(sa|southamerica)[-_]|^brazil/i, 'South America'],
  [/^me[-_]|^(uae|qatar|israel)/i, 'Middle East'],
  [/^af[-_]|^southafrica/i, 'Africa'],
];
