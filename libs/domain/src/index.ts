export * from './taxonomy.js';
export * from './evidence.js';
export * from './facts.js';
export * from './parse-result.js';
export * from './graph.js';
export * from './finding.js';
export * from './errors.js';
export * from './audit-report.js';
