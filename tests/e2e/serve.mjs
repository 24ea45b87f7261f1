// A small static file server for dist/: the right MIME types, always revalidated (no-cache), loopback only.
// Used by `make serve` and by the end-to-end tests. Run: node tests/e2e/serve.mjs [dir] [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// What `brotli` compresses: text and wasm (not images).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt']);

/**
 * Serves `root` on 127.0.0.1:`port` (0 picks a free port); resolves to { server, url }.
 * `mounts` serves other folders under a path prefix ({ '/surveyjs/': dir }: bench.mjs);
 * `brotli` sends text and wasm brotli-compressed to a client that accepts it, as a
 * production server or CDN would (bench.mjs `br`; each file compressed once, then kept).
 */
export function startServer(root, port = 0, { headers = {}, mounts = {}, brotli = false } = {}) {
  const compressed = new Map();
  const server = createServer(async (request, response) => {
    try {
      const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
      const base = resolve(mount ? mounts[mount] : root);
      let file = normalize(join(base, mount ? pathname.slice(mount.length - 1) : pathname));
      if (file !== base && !file.startsWith(base + sep)) {
        response.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const extra = typeof headers === 'function' ? headers(pathname) : headers;
      const encoding = {};
      if (brotli && COMPRESSIBLE.has(extname(file)) && /\bbr\b/.test(request.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) compressed.set(file, brotliCompressSync(body));
        body = compressed.get(file);
        encoding['content-encoding'] = 'br';
        encoding.vary = 'accept-encoding';
      }
      response.writeHead(200, {
        'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
        // Not no-store: that keeps a page out of the back/forward cache (a Lighthouse audit).
        'cache-control': 'no-cache',
        ...encoding,
        ...extra,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      done({ server, url: `http://127.0.0.1:${server.address().port}/` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  const { url } = await startServer(root, port);
  console.log(`backend-chooser: serving ${root}/ at ${url}  (Ctrl-C to stop)`);
}
