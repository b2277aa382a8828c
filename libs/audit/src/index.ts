// The audit core: classify and analyse documents, project them, run the rules and compose the report. Pure
// application code with no framework, queue or database (a test guards the import graph), so the offline CLI,
// the worker and the API call the same functions.
export * from './analyze-document.js';
export * from './build-audit.js';
export * from './workspace-state.js';
export * from './prepare-content.js';
export * from './audit-files.js';
export * from './incremental/incremental-audit.js';
export * from './projection-input.js';
export * from './projection-cache.js';
