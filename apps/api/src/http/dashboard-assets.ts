import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * The dashboard's files, for every path but the API's. Mounted before the routes (Nest adds them at init), so
 * as useStaticAssets it looked each API request up on disk first (an fs.stat through the thread pool, then a
 * callback) before the route answered: a tenth of the API process's busy time while a fleet is scored
 * (bench:api, CPU profile of serve). No dashboard file lives under /api/, so what is served does not change.
 */
export function dashboardAssets(dir: string): (req: Request, res: Response, next: NextFunction) => void {
  const files = express.static(dir, { index: 'index.html', maxAge: 0 });
  return (req, res, next) => (req.path === '/api' || req.path.startsWith('/api/') ? next() : files(req, res, next));
}
