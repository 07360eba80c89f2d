import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy that Firefox sends all its traffic through (localhost included): it records
 * every request, passes those for `origin` (the test's own server) on, and refuses the rest.
 * What it records is everything Firefox asked of the network, the extension's requests with it.
 */
export interface RecordingProxy {
  port: number;
  /** Addresses asked for, in order: `http://…` URLs, and `host:port` for encrypted tunnels. */
  requests: string[];
  close(): Promise<void>;
}

export async function startRecordingProxy(origin: string): Promise<RecordingProxy> {
  const requests: string[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const url = incoming.url ?? '';
    requests.push(url);
    if (!url.startsWith(`${origin}/`)) {
      outgoing.writeHead(502).end();
      return;
    }
    const target = new URL(url);
    const upstream = forward({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: incoming.method, headers: incoming.headers }, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    });
    upstream.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  });
  server.on('connect', (incoming, socket) => {
    requests.push(incoming.url ?? '');
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Firefox preferences that send every request, localhost's too, through the proxy on `port`. */
export function proxyPrefs(port: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
  };
}
