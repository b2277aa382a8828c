export * from './github-ingestion.js';
export * from './render-sarif.js';
export * from './sarif-baseline.js';
export * from './source-lines.js';
