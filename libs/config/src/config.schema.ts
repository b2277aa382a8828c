import { z } from 'zod';

/**
 * The one validated configuration of Custody. Nothing else reads `process.env`:
 * every app builds this once at boot with {@link loadConfig} and injects it.
 */
export const ConfigSchema = z.object({
  /** Where embedded mode keeps its databases and blobs. */
  home: z.string().min(1).default('.custody'),
  /** PostgreSQL URL; absent → embedded PGlite under `home`. */
  databaseUrl: z.string().url().optional(),
  /** Redis URL; absent → BullMQ's PostgreSQL backend on an embedded queue database. */
  redisUrl: z.string().url().optional(),
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(4600),
  /** Prefix for queue names so several deployments can share one Redis. */
  queuePrefix: z.string().regex(/^[a-z0-9-]+$/).default('custody'),
  workerConcurrency: z.coerce.number().int().min(1).max(64).default(2),
  /** How long a worker holds a job before another may take it over (a crashed worker's job is retried after this). */
  jobLockMs: z.coerce.number().int().min(1000).default(30_000),
  /**
   * Embedded mode: the nice value of the job thread (and the parsing sandboxes it starts), 0–19. 0, the
   * default, gives scoring the same share of the CPU as the thread answering HTTP. At 10 (the default before)
   * scoring got a tenth of the share of any busy thread: on a loaded machine, or while the API was read in a
   * loop, a 10,000-install fleet was not scored in 15 minutes (bench:api beside 3 busy processes: the job thread
   * ran 2 s in 5 minutes of waiting, and the fleet export, read in a sandbox that inherits the priority, went
   * over its 30 s wall-time parse budget and was recorded failed). A higher value favours reads over scoring:
   * 2,000 installs beside 2 busy processes scored in 150 s at 10 (reads p99 0.3–0.5 s), 82 s at 0 (p99 1–2 s);
   * with no busy process beside it, back to back at load ~29, 65 s at 10 (p99 0.3–0.5 s), 59 s at 0 (p99 0.6–1.4 s).
   */
  jobThreadNice: z.coerce.number().int().min(0).max(19).default(0),
  /**
   * How often a job-processing process looks for documents accepted but not processed and without a live job
   * (stranded by an outage or a crash) and enqueues them again; also done at boot.
   */
  reconcileIntervalMs: z.coerce.number().int().min(500).default(30_000),
  /**
   * Longest wait for a PostgreSQL or Redis server on the request path (health, enqueue): past it, 503 naming the
   * dependency. In-process engines (embedded mode) and BullMQ's PostgreSQL backend get 30 s (dependencyBound).
   */
  dependencyTimeoutMs: z.coerce.number().int().min(100).default(3000),
  maxUploadBytes: z.coerce.number().int().min(1).default(50 * 1024 * 1024),
  /**
   * Parsing budgets, per document, enforced in the sandbox process that reads it (libs/pipeline/src/sandbox):
   * CPU time, V8 heap, resident memory, bytes a DOCX inflates to (counted while inflating), PDF pages.
   * parseTimeoutMs is CPU time of the sandbox process (wall time where /proc cannot be read: not Linux), so a
   * starved process on a loaded machine is not killed for waiting; parseWallFactor × parseTimeoutMs of wall time
   * is the backstop for a process blocked without using CPU.
   */
  parseTimeoutMs: z.coerce.number().int().min(10).default(30_000),
  parseWallFactor: z.coerce.number().min(1).max(100).default(4),
  parseHeapMb: z.coerce.number().int().min(32).default(512),
  parseRssMb: z.coerce.number().int().min(64).default(1024),
  parseMaxInflatedBytes: z.coerce.number().int().min(1024).default(64 * 1024 * 1024),
  parseMaxPages: z.coerce.number().int().min(1).default(2000),
  /**
   * Most systems, flows and consents one config or fleet export may declare. Every one becomes part of the
   * workspace's graph, projected and audited again after each later document; 50,000 leaves room for a
   * 10,000-install fleet (two per install) and refuses a workflow of 100,000 nodes (too_complex).
   */
  parseMaxDeclarations: z.coerce.number().int().min(1).default(50_000),
  /**
   * Longest a database query of an API request may run (ms; 0: no bound): past it the request is answered 503
   * `database_timeout`, not left hanging on a query that never answers. Scoring and other jobs are not bound by
   * it (their own pool: the worker process or embedded mode's job thread).
   */
  requestQueryTimeoutMs: z.coerce.number().int().min(0).default(30_000),
  /** Files in one multipart upload; more are refused (413) before any is stored. */
  maxUploadFiles: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Requests per minute per API key (per client address without a key); over it: 429 with Retry-After. */
  rateLimitPerMinute: z.coerce.number().int().min(1).default(6000),
  /** Failed authentications per minute per client address before it is answered 429 (brute force). */
  authFailuresPerMinute: z.coerce.number().int().min(1).default(20),
  /** Time to receive a whole request, body included (slow uploads are cut off with 408). */
  requestTimeoutMs: z.coerce.number().int().min(1000).default(120_000),
  /** Time to receive a request's headers. */
  headersTimeoutMs: z.coerce.number().int().min(1000).default(20_000),
  /** Origins allowed to call the API from a browser (CORS). Empty: CORS off, the dashboard is same-origin. */
  corsOrigins: z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(z.string().url()).default([])),
  /** Shared secret for HMAC-signed webhook intake (secret). */
  webhookSecret: z.string().min(16).optional(),
  /** Per-workspace webhook secrets, workspace slug (or id) → secret (secret); a workspace listed here uses only its own. */
  webhookSecrets: z.record(z.string().min(1), z.string().min(16)).optional(),
  /**
   * Data keys for encryption at rest (secret): `id:base64,id:base64`, 32-byte keys, the first seals new
   * writes. Unset: the key file below.
   */
  dataKeys: z.string().min(1).optional(),
  /** The data key file (0600). Default `<home>/keys/data-keys.json`, created on first run when missing. */
  dataKeyFile: z.string().min(1).optional(),
  /** The Ed25519 key that signs audit-log checkpoints, PKCS#8 PEM (secret). Unset: the key file below. */
  auditSigningKey: z.string().min(1).optional(),
  /** The audit signing key file (0600). Default `<home>/keys/audit-signing-key.pem`, created on first run. */
  auditSigningKeyFile: z.string().min(1).optional(),
  /**
   * Extra Ed25519 public keys (PEM, several may follow each other) that `audit-log verify` trusts: the old
   * key's public half after rotating a CUSTODY_AUDIT_SIGNING_KEY. Public, so not a secret.
   */
  auditTrustedKeys: z.string().min(1).optional(),
  /** How often the job-processing process signs each workspace's audit-log head (a checkpoint). */
  auditCheckpointIntervalMs: z.coerce.number().int().min(1000).default(600_000),
  chromiumPath: z.string().default('/usr/bin/chromium'),
  /** A YAML/JSON file of extra known vendors (host and name → role), consulted before the built-in catalogue. */
  vendorsFile: z.string().min(1).optional(),
  logLevel: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  /** Optional model-backed extractor (off unless a base URL is set); the key is a secret. */
  llm: z
    .object({ baseUrl: z.string().url(), model: z.string().min(1), apiKey: z.string().optional() })
    .optional(),
});

export type CustodyConfig = z.infer<typeof ConfigSchema>;

/** Keys whose values must never be logged or returned by the API. */
export const SECRET_CONFIG_KEYS = ['databaseUrl', 'redisUrl', 'webhookSecret', 'webhookSecrets', 'dataKeys', 'auditSigningKey', 'llm.apiKey'] as const;
