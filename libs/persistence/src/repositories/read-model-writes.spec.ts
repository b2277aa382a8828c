import { Worker } from 'node:worker_threads';
import { KeptMarks, ReadModelWrites } from './read-model-writes.js';

/** A mark query whose answers the test sets, counting how often it is asked. */
function source(initial: string) {
  const s = { value: initial, asked: 0, query: async () => (s.asked++, s.value) };
  return s;
}

describe('ReadModelWrites and KeptMarks (embedded mode: marks kept between saves)', () => {
  it('keeps a mark between saves and reads it again once a save has begun', async () => {
    const writes = new ReadModelWrites();
    const marks = new KeptMarks<string>(writes);
    const db = source('run 1');
    expect(await marks.read('ws', db.query)).toBe('run 1');
    expect(await marks.read('ws', db.query)).toBe('run 1');
    expect(db.asked).toBe(1);

    await writes.around(async () => void (db.value = 'run 2'));
    expect(await marks.read('ws', db.query)).toBe('run 2');
    expect(await marks.read('ws', db.query)).toBe('run 2');
    expect(db.asked).toBe(2);
  });

  it('asks the database on every read while a save is under way, and keeps nothing read meanwhile', async () => {
    const writes = new ReadModelWrites();
    const marks = new KeptMarks<string>(writes);
    const db = source('run 1');
    let commit!: () => void;
    const saving = writes.around(() => new Promise<void>((r) => (commit = r)));
    expect(writes.quiet()).toBeUndefined();
    expect(await marks.read('ws', db.query)).toBe('run 1');
    expect(await marks.read('ws', db.query)).toBe('run 1');
    expect(db.asked).toBe(2);
    db.value = 'run 2';
    commit();
    await saving;
    // What was read during the save is not served after it.
    expect(await marks.read('ws', db.query)).toBe('run 2');
    expect(db.asked).toBe(3);
  });

  it('does not keep an answer when a save began while its query ran', async () => {
    const writes = new ReadModelWrites();
    const marks = new KeptMarks<string>(writes);
    const db = source('run 1');
    const racing = async () => {
      const v = db.value;
      await writes.around(async () => void (db.value = 'run 2'));
      return v; // the state from before the save
    };
    expect(await marks.read('ws', racing)).toBe('run 1');
    expect(await marks.read('ws', db.query)).toBe('run 2');
  });

  it('counts a save that failed as ended, so marks are kept again after it', async () => {
    const writes = new ReadModelWrites();
    await expect(writes.around(async () => { throw new Error('refused'); })).rejects.toThrow('refused');
    expect(writes.quiet()).toBe(1);
  });

  it('keeps marks per workspace', async () => {
    const marks = new KeptMarks<string>(new ReadModelWrites());
    const a = source('a');
    const b = source('b');
    expect(await marks.read('ws-a', a.query)).toBe('a');
    expect(await marks.read('ws-b', b.query)).toBe('b');
    expect(await marks.read('ws-a', a.query)).toBe('a');
    expect([a.asked, b.asked]).toEqual([1, 1]);
  });

  it('sees a save counted by another thread sharing the buffer', async () => {
    const writes = new ReadModelWrites();
    const marks = new KeptMarks<string>(writes);
    const db = source('run 1');
    expect(await marks.read('ws', db.query)).toBe('run 1');
    // The job thread's save: counted in the shared buffer, begun and ended over there.
    const thread = new Worker(`
      const { workerData } = require('node:worker_threads');
      const c = new Int32Array(workerData, 0, 2);
      Atomics.add(c, 0, 1);
      Atomics.add(c, 1, 1);
    `, { eval: true, workerData: writes.buffer });
    await new Promise((resolve, reject) => thread.once('exit', resolve).once('error', reject));
    db.value = 'run 2';
    expect(await marks.read('ws', db.query)).toBe('run 2');
  });

  it('refuses a buffer too small to hold the counts', () => {
    expect(() => new ReadModelWrites(new SharedArrayBuffer(4))).toThrow(/at least 8 bytes/);
  });
});
