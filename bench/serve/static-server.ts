// The yardstick for `next start`: prerendered HTML sent as plain files by the
// simplest Node server, reading the file on every request like a server
// without a cache would. Run by bench/serve/run.ts:
//   node --import tsx bench/serve/static-server.ts <port> <routes.json>
// where routes.json maps a URL path to an HTML file.
import fs from 'node:fs';
import http from 'node:http';

const [portText, routesFile] = process.argv.slice(2);
if (!portText || !routesFile) throw new Error('usage: static-server.ts <port> <routes.json>');
const routes = new Map(Object.entries(JSON.parse(fs.readFileSync(routesFile, 'utf8')) as Record<string, string>));

const server = http.createServer((request, response) => {
  const file = routes.get((request.url ?? '/').split('?')[0] ?? '/');
  if (file === undefined) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  fs.readFile(file, (error, body) => {
    if (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end('Cannot read the file');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length }).end(body);
  });
});

server.listen(Number(portText), '127.0.0.1', () => {
  console.log('LISTENING');
});
