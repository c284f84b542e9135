import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built client from `root`. Paths that are not files get index.html (the client
 * routes /b/…, /j/… itself). Hashed assets are cached for a year; index.html never.
 */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400).end('Bad path');
    return;
  }
  const resolved = path.resolve(root, `.${pathname}`);
  const isInside = resolved === root || resolved.startsWith(root + path.sep);
  let file = isInside && existsSync(resolved) && statSync(resolved).isFile() ? resolved : path.join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The client is not built yet. Run "npm run build" (npm start does it for you).');
    return;
  }
  if (isInside && pathname.startsWith('/assets/') && file.endsWith('index.html')) {
    res.writeHead(404).end('Not found');
    return;
  }
  file = path.normalize(file);
  const isAsset = pathname.startsWith('/assets/');
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
