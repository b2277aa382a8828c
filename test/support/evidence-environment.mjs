/**
 * Jest's node environment, plus one hook: when a test (or one of its hooks) fails, a spec that registered
 * `globalThis.__saveEvidence` (the dashboard harness does) is asked to save what it can see (screenshots, console,
 * map state) and the folder it names is appended to the failure's message. Specs that register nothing are unaffected.
 */
import { TestEnvironment } from 'jest-environment-node';

const EVIDENCE_TIMEOUT_MS = 15_000;

export default class EvidenceEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const save = this.global.__saveEvidence;
    if (typeof save !== 'function') return;
    const names = [];
    for (let b = event.test?.parent ?? event.hook?.parent; b && b.name !== 'ROOT_DESCRIBE_BLOCK'; b = b.parent) names.unshift(b.name);
    if (event.test) names.push(event.test.name);
    else names.push(`${event.hook?.type ?? 'hook'} hook`);
    let note;
    try {
      const dir = await Promise.race([save(names.join(' ')), new Promise((_, no) => setTimeout(() => no(new Error(`timed out after ${EVIDENCE_TIMEOUT_MS} ms`)), EVIDENCE_TIMEOUT_MS).unref())]);
      note = `evidence saved in ${dir}`;
    } catch (err) {
      note = `evidence not saved: ${err instanceof Error ? err.message : String(err)}`;
    }
    const error = event.error;
    if (error && typeof error === 'object' && typeof error.message === 'string') {
      // The stack first: V8 writes it lazily, from the message of the moment it is first read.
      const { message, stack } = error;
      error.message = `${message}\n\n${note}`;
      if (typeof stack === 'string' && stack.includes(message)) error.stack = stack.replace(message, () => error.message);
    } else {
      process.stderr.write(`${names.join(' ')}: ${note}\n`);
    }
  }
}
