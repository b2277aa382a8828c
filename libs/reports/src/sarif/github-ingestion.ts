/**
 * What GitHub code scanning requires of an uploaded SARIF file beyond the JSON schema (its documented
 * "SARIF support" requirements and hard limits): checked in tests and by `custody audit`, so a log that
 * would be rejected or shown without a location is caught before upload.
 */

/** GitHub's hard limits: above these an upload is rejected. */
export const GITHUB_SARIF_LIMITS = { runs: 20, resultsPerRun: 25_000, rulesPerRun: 25_000, locationsPerResult: 1_000, tagsPerRule: 20 } as const;

type Obj = Record<string, any>;

/** Problems GitHub would reject or mis-show, each naming the result; empty when the log is acceptable. */
export function githubIngestionProblems(log: Obj): string[] {
  const out: string[] = [];
  const runs: Obj[] = Array.isArray(log.runs) ? log.runs : [];
  if (runs.length > GITHUB_SARIF_LIMITS.runs) out.push(`${runs.length} runs > ${GITHUB_SARIF_LIMITS.runs}`);
  for (const [ri, run] of runs.entries()) {
    const rules: Obj[] = run.tool?.driver?.rules ?? [];
    const ruleIds = new Set(rules.map((r) => r.id));
    const bases: Obj = run.originalUriBaseIds ?? {};
    if (rules.length > GITHUB_SARIF_LIMITS.rulesPerRun) out.push(`run ${ri}: ${rules.length} rules > ${GITHUB_SARIF_LIMITS.rulesPerRun}`);
    for (const rule of rules) {
      const tags = rule.properties?.tags ?? [];
      if (tags.length > GITHUB_SARIF_LIMITS.tagsPerRule) out.push(`rule ${rule.id}: ${tags.length} tags > ${GITHUB_SARIF_LIMITS.tagsPerRule}`);
    }
    const results: Obj[] = run.results ?? [];
    if (results.length > GITHUB_SARIF_LIMITS.resultsPerRun) out.push(`run ${ri}: ${results.length} results > ${GITHUB_SARIF_LIMITS.resultsPerRun}`);
    for (const [i, r] of results.entries()) {
      const where = `result ${i} (${r.ruleId})`;
      if (!ruleIds.has(r.ruleId)) out.push(`${where}: ruleId not in tool.driver.rules`);
      if (r.ruleIndex !== undefined && rules[r.ruleIndex]?.id !== r.ruleId) out.push(`${where}: ruleIndex ${r.ruleIndex} does not point at its rule`);
      if (!r.message?.text) out.push(`${where}: no message.text`);
      const locations: Obj[] = r.locations ?? [];
      if (locations.length === 0) out.push(`${where}: no location`);
      if (locations.length > GITHUB_SARIF_LIMITS.locationsPerResult) out.push(`${where}: ${locations.length} locations > ${GITHUB_SARIF_LIMITS.locationsPerResult}`);
      for (const l of locations) {
        const art = l.physicalLocation?.artifactLocation;
        const line = l.physicalLocation?.region?.startLine;
        if (!art?.uri) out.push(`${where}: a location without artifactLocation.uri`);
        else if (!/^[a-z][a-z0-9+.-]*:/i.test(art.uri) && art.uriBaseId && !bases[art.uriBaseId]) out.push(`${where}: uriBaseId ${art.uriBaseId} not in run.originalUriBaseIds`);
        if (!Number.isInteger(line) || line < 1) out.push(`${where}: a location without region.startLine`);
      }
    }
  }
  return out;
}
