import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { dashboardAssets } from './dashboard-assets.js';

describe('dashboardAssets', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'custody-assets-'));
    writeFileSync(join(dir, 'index.html'), '<p>dashboard</p>');
    writeFileSync(join(dir, 'app.js'), 'app');
    // A file where an API path points: the API's route must answer it, never the file.
    mkdirSync(join(dir, 'api', 'health'), { recursive: true });
    writeFileSync(join(dir, 'api', 'health', 'index.html'), 'not the api');
    writeFileSync(join(dir, 'api', 'x.js'), 'not the api');
    const app = express();
    app.use(dashboardAssets(dir));
    app.use((_req, res) => void res.status(418).send('route'));
    server = createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const res = await fetch(base + path);
    return { status: res.status, body: await res.text() };
  };

  it('serves the dashboard files, index.html at the root', async () => {
    expect(await get('/')).toEqual({ status: 200, body: '<p>dashboard</p>' });
    expect(await get('/app.js')).toEqual({ status: 200, body: 'app' });
  });

  it('passes API paths to the routes without looking them up on disk', async () => {
    expect(await get('/api/x.js')).toEqual({ status: 418, body: 'route' });
    expect(await get('/api/health/')).toEqual({ status: 418, body: 'route' });
    expect(await get('/api')).toEqual({ status: 418, body: 'route' });
  });

  it('passes unknown paths on, as express.static does', async () => {
    expect(await get('/nothing-here.js')).toEqual({ status: 418, body: 'route' });
  });
});
