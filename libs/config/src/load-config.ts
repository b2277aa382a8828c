import { join } from 'node:path';
import { InvalidInputError } from '@custody/domain';
import { ConfigSchema, type CustodyConfig } from './config.schema.js';

type Env = Record<string, string | undefined>;

/** Environment variable → config key. Documented in `config/.env.example`. */
const ENV_MAP: Record<string, keyof CustodyConfig> = {
  CUSTODY_HOME: 'home',
  DATABASE_URL: 'databaseUrl',
  REDIS_URL: 'redisUrl',
  HOST: 'host',
  PORT: 'port',
  CUSTODY_QUEUE_PREFIX: 'queuePrefix',
  CUSTODY_WORKER_CONCURRENCY: 'workerConcurrency',
  CUSTODY_JOB_LOCK_MS: 'jobLockMs',
  CUSTODY_JOB_THREAD_NICE: 'jobThreadNice',
  CUSTODY_RECONCILE_INTERVAL_MS: 'reconcileIntervalMs',
  CUSTODY_DEPENDENCY_TIMEOUT_MS: 'dependencyTimeoutMs',
  CUSTODY_MAX_UPLOAD_BYTES: 'maxUploadBytes',
  CUSTODY_MAX_UPLOAD_FILES: 'maxUploadFiles',
  CUSTODY_PARSE_TIMEOUT_MS: 'parseTimeoutMs',
  CUSTODY_PARSE_WALL_FACTOR: 'parseWallFactor',
  CUSTODY_PARSE_HEAP_MB: 'parseHeapMb',
  CUSTODY_PARSE_RSS_MB: 'parseRssMb',
  CUSTODY_PARSE_MAX_INFLATED_BYTES: 'parseMaxInflatedBytes',
  CUSTODY_PARSE_MAX_PAGES: 'parseMaxPages',
  CUSTODY_PARSE_MAX_DECLARATIONS: 'parseMaxDeclarations',
  CUSTODY_RATE_LIMIT_PER_MINUTE: 'rateLimitPerMinute',
  CUSTODY_AUTH_FAILURES_PER_MINUTE: 'authFailuresPerMinute',
  CUSTODY_REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
  CUSTODY_REQUEST_QUERY_TIMEOUT_MS: 'requestQueryTimeoutMs',
  CUSTODY_HEADERS_TIMEOUT_MS: 'headersTimeoutMs',
  CUSTODY_CORS_ORIGINS: 'corsOrigins',
  CUSTODY_WEBHOOK_SECRET: 'webhookSecret',
  CUSTODY_DATA_KEYS: 'dataKeys',
  CUSTODY_DATA_KEY_FILE: 'dataKeyFile',
  CUSTODY_AUDIT_SIGNING_KEY: 'auditSigningKey',
  CUSTODY_AUDIT_SIGNING_KEY_FILE: 'auditSigningKeyFile',
  CUSTODY_AUDIT_TRUSTED_KEYS: 'auditTrustedKeys',
  CUSTODY_AUDIT_CHECKPOINT_INTERVAL_MS: 'auditCheckpointIntervalMs',
  CHROMIUM_PATH: 'chromiumPath',
  CUSTODY_VENDORS_FILE: 'vendorsFile',
  LOG_LEVEL: 'logLevel',
};

/**
 * Builds the config from the environment plus explicit overrides (CLI flags, tests).
 * Fails at boot with every problem listed, never later at first use.
 */
export function loadConfig(env: Env = process.env, overrides: Partial<CustodyConfig> = {}): CustodyConfig {
  const raw: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_MAP)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  if (env.CUSTODY_WEBHOOK_SECRETS) raw.webhookSecrets = parseJsonSetting('CUSTODY_WEBHOOK_SECRETS', env.CUSTODY_WEBHOOK_SECRETS);
  if (env.CUSTODY_LLM_BASE_URL) {
    raw.llm = { baseUrl: env.CUSTODY_LLM_BASE_URL, model: env.CUSTODY_LLM_MODEL ?? '', apiKey: env.CUSTODY_LLM_API_KEY };
  }
  const parsed = ConfigSchema.safeParse({ ...raw, ...stripUndefined(overrides) });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new InvalidInputError(`invalid configuration: ${problems.join('; ')}`, { problems });
  }
  return parsed.data;
}

/** A copy safe to log: secrets masked, credentials stripped from URLs. */
export function redactedConfig(config: CustodyConfig): Record<string, unknown> {
  const mask = (url?: string) => (url ? url.replace(/\/\/[^@/]*@/, '//***@') : undefined);
  return {
    ...config,
    databaseUrl: mask(config.databaseUrl),
    redisUrl: mask(config.redisUrl),
    webhookSecret: config.webhookSecret ? '***' : undefined,
    dataKeys: config.dataKeys ? '***' : undefined,
    auditSigningKey: config.auditSigningKey ? '***' : undefined,
    webhookSecrets: config.webhookSecrets ? Object.fromEntries(Object.keys(config.webhookSecrets).map((k) => [k, '***'])) : undefined,
    llm: config.llm ? { ...config.llm, apiKey: config.llm.apiKey ? '***' : undefined } : undefined,
  };
}

/** A setting whose value is JSON (a map); a syntax error is a configuration error naming the variable. */
function parseJsonSetting(name: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch (err) {
    throw new InvalidInputError(`invalid configuration: ${name} is not valid JSON (${(err as Error).message})`);
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Where the data key file is: the configured path, else `<home>/keys/data-keys.json`. */
export function dataKeyFilePath(config: CustodyConfig): string {
  return config.dataKeyFile ?? join(config.home, 'keys', 'data-keys.json');
}

/** Where the audit signing key file is: the configured path, else `<home>/keys/audit-signing-key.pem`. */
export function auditSigningKeyFilePath(config: CustodyConfig): string {
  return config.auditSigningKeyFile ?? join(config.home, 'keys', 'audit-signing-key.pem');
}

export function isEmbedded(config: CustodyConfig): boolean {
  return !config.databaseUrl;
}
