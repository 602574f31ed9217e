#!/usr/bin/env node
// A small static server for dist/, bound to 127.0.0.1 only. Prints the URLs to open.
//   node scripts/serve.mjs --dir dist --port 8080
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = { dir: 'dist', port: '8080' };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const root = resolve(args.dir);
const port = Number.parseInt(args.port, 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve.mjs: bad port ${args.port}`);
  process.exit(2);
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
                '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
                '.csv': 'text/csv; charset=utf-8', '.wasm': 'application/wasm' };

const server = createServer(async (request, response) => {
  try {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error('outside'), { status: 403 });
    if ((await stat(file)).isDirectory()) file = join(file, 'explorer.html');
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream',
                              'cache-control': 'no-cache' });
    response.end(body);
  } catch (error) {
    response.writeHead(error.status || 404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(error.status === 403 ? 'forbidden\n' : 'not found\n');
  }
});

server.on('error', (error) => {
  console.error(`serve.mjs: cannot listen on 127.0.0.1:${port}: ${error.message}`);
  console.error('Choose another port: scripts/run.sh --port 8090');
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  const actual = server.address().port;
  console.log(`Serving ${root} on http://127.0.0.1:${actual}/`);
  console.log(`  widget:         http://127.0.0.1:${actual}/explorer.html`);
  console.log(`  in an article:  http://127.0.0.1:${actual}/embed-example.html`);
  console.log('Press Ctrl+C to stop.');
});
