export * from './entities/index.js';
export * from './data-source.js';
export * from './engines/embedded-postgres.js';
export * from './repositories/event-store.repository.js';
export * from './repositories/workspace.repository.js';
export * from './repositories/document.repository.js';
export * from './repositories/projection.repository.js';
export * from './persistence.js';
