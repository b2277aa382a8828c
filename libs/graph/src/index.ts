export * from './cytoscape-elements.js';
export * from './manifest/index.js';
export * from './projection/index.js';
export * from './layers.js';
export * from './queries.js';
export * from './fleet-view.js';
export * from './layered-layout.js';
export * from './grouped-graph.js';
