export { projectGraph, projectGraphWithReport } from './project-graph.js';
export { applyFactCorrections } from './apply-fact-corrections.js';
export { normaliseName } from './normalise.js';
export type { ConfigInput, ContractInput, ProjectionInput, ProjectionReport, SettingChangeInput, VendorResolver } from './types.js';
