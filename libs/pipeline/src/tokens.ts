/** Injection tokens shared by the pipeline's providers. */
export const RUNTIME = Symbol('custody.runtime');
export const PERSISTENCE = Symbol('custody.persistence');
export const CONFIG = Symbol('custody.config');
