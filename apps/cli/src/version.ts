/** Custody's version, as package.json says (a spec keeps the two equal); its own module so `--version` loads nothing else. */
export const VERSION = '0.1.0';
