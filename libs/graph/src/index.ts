export * from './cytoscape-elements.js';
export * from './manifest/index.js';
export * from './projection/index.js';
export * from './layers.js';
export * from './queries.js';
