import * as S from '../../../libs/extraction/src/facts/subprocessors.extractor.js';
// eslint-disable-next-line
const f = S.extractSubprocessors; eval('%NeverOptimizeFunction(f)');
await import('./extraction-phases.js');
