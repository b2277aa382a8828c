import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Runtime } from '@custody/pipeline';
import { ApiModule } from './api.module.js';
import { RATE_LIMITS, rateLimit, type RateLimits } from './http/rate-limit.js';
import { requestDeadline, securityHeaders } from './http/security-headers.js';
import { dashboardAssets } from './http/dashboard-assets.js';

/** The built dashboard (`npm run build` puts it in dist/dashboard), looked up from source and from dist. */
export function dashboardDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../../dashboard'), resolve(here, '../../../dist/dashboard'), resolve(process.cwd(), 'dist/dashboard')];
  return candidates.find((d) => existsSync(join(d, 'index.html')));
}

/** Creates the HTTP application (not yet listening). `processJobs` runs the worker in-process (embedded mode). */
export async function createApiApp(runtime: Runtime, opts: { processJobs: boolean; logger?: false | ('error' | 'warn' | 'log')[] }): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(runtime, opts), {
    logger: opts.logger ?? ['error', 'warn', 'log'],
    bodyParser: false,
    // Webhook signatures are over the exact bytes received.
    rawBody: true,
  });
  const config = runtime.config;
  app.use(securityHeaders);
  app.use(requestDeadline(config.requestTimeoutMs));
  app.use(rateLimit(app.get<RateLimits>(RATE_LIMITS)));
  // CORS stays off (no Access-Control-* headers) unless origins are configured.
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, allowedHeaders: ['x-api-key', 'authorization', 'content-type'] });
  // Node's own limits as a backstop (checked every 30 s); requestDeadline enforces the body deadline exactly.
  const server = app.getHttpServer() as import('node:http').Server;
  server.requestTimeout = config.requestTimeoutMs;
  server.headersTimeout = Math.min(config.headersTimeoutMs, config.requestTimeoutMs);
  // Idle keep-alive sockets close after 65 s, not Node's 5 s: clients (fetch/undici keeps sockets 4 s, proxies
  // 60 s) must drop an idle socket before the server does, or a request sent on it as the server closes it
  // fails with ECONNRESET — which the 5 s default made likely whenever a busy event loop delayed reading it.
  server.keepAliveTimeout = 65_000;
  const limit = config.maxUploadBytes;
  // JSON uploads carry base64 content: allow the upload limit plus encoding overhead.
  app.useBodyParser('json', { limit: Math.ceil(limit * 1.4) });
  app.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  app.disable('x-powered-by');
  const swagger = new DocumentBuilder()
    .setTitle('Custody API')
    .setDescription('Where a practice\'s PHI flows, with evidence, findings and exposure scores.')
    .setVersion('0.1.0')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'api-key')
    .build();
  const document = () => SwaggerModule.createDocument(app, swagger);
  // Swagger's conventional JSON address is /api/docs-json; /api/docs/openapi.json stays for existing clients.
  SwaggerModule.setup('api/docs', app, document);
  SwaggerModule.setup('api/docs-legacy', app, document, { ui: false, jsonDocumentUrl: 'api/docs/openapi.json', yamlDocumentUrl: 'api/docs/openapi.yaml' });
  const dir = dashboardDir();
  if (dir) app.use(dashboardAssets(dir));
  return app;
}

