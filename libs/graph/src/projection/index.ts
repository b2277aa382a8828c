export { projectGraph, projectGraphIncremental, projectGraphWithReport, type IncrementalProjection } from './project-graph.js';
export { sameValue, type ProjectionChanges, type ProjectionMemo } from './finalise-memo.js';
export { applyFactCorrections } from './apply-fact-corrections.js';
export { normaliseName } from './normalise.js';
export type { ConfigInput, ContractInput, ProjectionInput, ProjectionReport, SettingChangeInput, VendorResolver } from './types.js';
export { isPrivacyPracticesNotice } from './assessed-vendors.js';
