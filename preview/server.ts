// A static file server for the preview build, bound to 127.0.0.1 only (nothing leaves the machine).
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Readonly<Record<string, string>> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.woff2': 'font/woff2',
    '.svg': 'image/svg+xml',
    '.png': 'image/png'
};

export interface PreviewServer {
    url: string;
    close(): Promise<void>;
}

/** Serves dir on 127.0.0.1:port (0 picks a free port). */
export function serveDirectory(dir: string, port = 0): Promise<PreviewServer> {
    const root = path.resolve(dir);
    const server = http.createServer((request, response) => {
        const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
        const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
        if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
            response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
            return;
        }
        response.writeHead(200, {
            'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
            'cache-control': 'max-age=3600'
        });
        fs.createReadStream(file).pipe(response);
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
            const { port: actual } = server.address() as AddressInfo;
            resolve({
                url: `http://127.0.0.1:${actual}/`,
                close: () => new Promise<void>((done) => server.close(() => done()))
            });
        });
    });
}
