// Prints the test files of a Jest --json result whose worker process was killed by a signal before any test
// reported. Node 20 under --experimental-vm-modules now and then segfaults in a Jest worker: seen once in CI on
// test/integration/read-log.int-spec.ts and once by a developer on an incremental-audit spec, neither reproducible
// alone. .ci/run re-runs only those files once; a file that fails or crashes again counts as failed, and no test
// that reported a result is retried.
const r = require(require('node:path').resolve(process.argv[2]));
const crashed = (r.testResults ?? []).filter(
  (t) => (t.assertionResults ?? []).length === 0 && /terminated by another process: signal=SIG(SEGV|BUS|ILL|ABRT)/.test(t.message ?? ''),
);
for (const t of crashed) console.log(t.name);
