import { longestPathColumns } from './layers.js';

describe('longestPathColumns', () => {
  const nodes = ['p', 'note', 'ehr', 'ch', 'payer', 'lonely'].map((id) => ({ id, isRoot: id === 'p' }));

  it('places each node at its longest hop count from the root, despite shortcut edges', () => {
    const cols = longestPathColumns(nodes, [
      { source: 'p', target: 'note' }, { source: 'note', target: 'ehr' }, { source: 'ehr', target: 'ch' },
      { source: 'ch', target: 'payer' }, { source: 'p', target: 'ch' },
    ]);
    expect(Object.fromEntries(cols)).toEqual({ p: 0, note: 1, ehr: 2, ch: 3, payer: 4, lonely: 0 });
  });

  it('ignores the edge that closes a cycle instead of looping', () => {
    const cols = longestPathColumns(nodes.slice(0, 3), [
      { source: 'p', target: 'note' }, { source: 'note', target: 'ehr' }, { source: 'ehr', target: 'note' },
    ]);
    expect(Object.fromEntries(cols)).toEqual({ p: 0, note: 1, ehr: 2 });
  });
});
