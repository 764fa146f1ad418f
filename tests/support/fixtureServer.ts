/**
 * A fixture issuer server for tests: the same routes over plain HTTP and HTTPS on 127.0.0.1,
 * ephemeral ports, with the committed TEST-ONLY certificate (tests/fixtures/tls/).
 *
 *   const server = await startFixtureServer({
 *     '/assertion.json': { body: { id: '{{origin}}/assertion.json' } },
 *     '/revoked.json': { status: 410, body: { revoked: true, revocationReason: 'Cheated' } },
 *     '/slow': { delayMs: 5_000 },
 *     '/moved': { redirect: '/assertion.json' },
 *     '/no-cors': { body: '{}', cors: false },
 *   });
 *   …
 *   await server.close();
 *
 * `{{origin}}` in bodies, headers and redirects becomes the server's https origin
 * (`{{httpOrigin}}` the plain one). Routes may be added after start with `server.route()`, so a
 * fixture signed at test time can point at the server.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

const tls = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url)));

/** The test CA that issued the server's certificate (PEM). Trust it explicitly, never globally. */
export const TEST_CA_PEM: string = tls('ca.pem').toString('utf8');

export interface RouteContext {
  /** The server's https origin, e.g. https://127.0.0.1:40123 */
  readonly origin: string;
  readonly httpOrigin: string;
  readonly httpsOrigin: string;
  /** Path and query of the request. */
  readonly path: string;
}

export interface Route {
  /** Default 200 (or 302 with `redirect`). */
  readonly status?: number;
  /**
   * A string or bytes as is; any other value is sent as JSON. A function is called per request.
   * String and JSON bodies go through the `{{origin}}` substitution; bytes do not.
   */
  readonly body?: string | Uint8Array | object | ((ctx: RouteContext) => string | Uint8Array | object);
  /** Default: application/json for JSON bodies, text/plain for strings, application/octet-stream for bytes. */
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait this long before answering (longer than a client's timeout to test it). */
  readonly delayMs?: number;
  /** Answer with a Location (relative or absolute, templated). */
  readonly redirect?: string;
  /** `Access-Control-Allow-Origin: *` unless false. */
  readonly cors?: boolean;
  /** Send the body in chunks without Content-Length (so a size cap must act mid-stream). */
  readonly chunked?: boolean;
}

export type Routes = Readonly<Record<string, Route>>;

export interface FixtureServer {
  readonly httpOrigin: string;
  readonly httpsOrigin: string;
  /** Path and query of every request, in order, over both protocols (CORS preflights excluded). */
  readonly requests: string[];
  /** Add or replace a route. */
  route(path: string, route: Route): void;
  /** Stops listening, ends delayed answers and open connections. */
  close(): Promise<void>;
}

export async function startFixtureServer(routes: Routes = {}): Promise<FixtureServer> {
  const table = new Map<string, Route>(Object.entries(routes));
  const requests: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const origins = { http: '', https: '' };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    res.on('error', () => undefined); // the client may hang up mid-body (size cap, timeout)
    const path = req.url ?? '/';
    const route = table.get(new URL(path, 'http://x').pathname);

    if (req.method === 'OPTIONS') {
      // CORS preflight: answered, not recorded.
      if (route?.cors !== false) {
        res.setHeader('access-control-allow-origin', '*');
        res.setHeader('access-control-allow-headers', '*');
      }
      res.writeHead(204).end();
      return;
    }
    requests.push(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end('not found');
      return;
    }
    const ctx: RouteContext = { origin: origins.https, httpOrigin: origins.http, httpsOrigin: origins.https, path };
    const answer = (): void => {
      timers.delete(timer);
      if (res.destroyed) return;
      respond(res, route, ctx, req.method === 'HEAD');
    };
    const timer = setTimeout(answer, route.delayMs ?? 0);
    timers.add(timer);
    res.on('close', () => {
      // The client hung up before the answer (e.g. its timeout): drop the pending answer.
      if (!res.writableEnded) {
        clearTimeout(timer);
        timers.delete(timer);
      }
    });
  };

  const track = (server: Server): void => {
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    server.on('tlsClientError', () => undefined);
  };
  const http = createHttpServer(handle);
  const https = createHttpsServer({ key: tls('server.key'), cert: tls('server.pem') }, handle);
  track(http);
  track(https); // 'connection' gives the raw TCP sockets under TLS too: destroying them ends all

  const listen = async (server: Server): Promise<number> => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return (server.address() as AddressInfo).port;
  };
  origins.http = `http://127.0.0.1:${await listen(http)}`;
  origins.https = `https://127.0.0.1:${await listen(https)}`;

  return {
    httpOrigin: origins.http,
    httpsOrigin: origins.https,
    requests,
    route: (path, route) => void table.set(path, route),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = [http, https].map((server) => new Promise<void>((done) => server.close(() => done())));
      for (const socket of sockets) socket.destroy();
      await Promise.all(closed);
    },
  };
}

function respond(res: ServerResponse, route: Route, ctx: RouteContext, head: boolean): void {
  const fill = (text: string): string =>
    text.replaceAll('{{origin}}', ctx.origin).replaceAll('{{httpOrigin}}', ctx.httpOrigin).replaceAll('{{httpsOrigin}}', ctx.httpsOrigin);

  const headers: Record<string, string> = {};
  if (route.cors !== false) headers['access-control-allow-origin'] = '*';
  for (const [name, value] of Object.entries(route.headers ?? {})) headers[name.toLowerCase()] = fill(value);
  if (route.redirect !== undefined) headers['location'] = fill(route.redirect);

  const raw = typeof route.body === 'function' ? route.body(ctx) : route.body;
  let body: Uint8Array;
  let type: string;
  if (raw === undefined) {
    body = new Uint8Array(0);
    type = 'text/plain';
  } else if (raw instanceof Uint8Array) {
    body = raw;
    type = 'application/octet-stream';
  } else if (typeof raw === 'string') {
    body = Buffer.from(fill(raw));
    type = 'text/plain; charset=utf-8';
  } else {
    body = Buffer.from(fill(JSON.stringify(raw)));
    type = 'application/json';
  }
  headers['content-type'] = route.contentType ?? type;

  const status = route.status ?? (route.redirect !== undefined ? 302 : 200);
  if (route.chunked) {
    res.writeHead(status, headers);
    if (head) return void res.end();
    const CHUNK = 64 * 1024;
    let at = 0;
    // Write as the socket drains, so a client that stops reading does not fill memory.
    const pump = (): void => {
      while (at < body.byteLength && !res.destroyed) {
        const more = res.write(body.subarray(at, at + CHUNK));
        at += CHUNK;
        if (!more) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
    return;
  }
  headers['content-length'] = String(body.byteLength);
  res.writeHead(status, headers);
  res.end(head ? undefined : body);
}
