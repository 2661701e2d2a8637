import { EventEmitter } from 'events';
import type { Response } from 'express';
import pino from 'pino';
import { Writable } from 'stream';
import type { GatewayRequest } from '../http/request-context';
import { requestLogger } from './request-logger.middleware';

function logged(level: string, status: number, path = '/api/products'): Record<string, unknown>[] {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const mw = requestLogger(pino({ level }, sink));
  const req = { id: 'req-1', method: 'GET', originalUrl: `${path}?q=x`, ip: '10.0.0.1' } as unknown as GatewayRequest;
  const res = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as Response;
  mw(req, res, () => undefined);
  res.emit('finish');
  return lines.map((l) => JSON.parse(l));
}

describe('requestLogger', () => {
  it('writes one line per request with the request id, the path without its query and the status', () => {
    expect(logged('info', 200)).toEqual([
      expect.objectContaining({ level: 30, requestId: 'req-1', method: 'GET', path: '/api/products', status: 200, ip: '10.0.0.1' }),
    ]);
  });

  it('logs by status: 4xx warn, 5xx error, probes at debug', () => {
    expect(logged('warn', 200)).toEqual([]);
    expect(logged('warn', 404)).toEqual([expect.objectContaining({ level: 40, status: 404 })]);
    expect(logged('error', 503)).toEqual([expect.objectContaining({ level: 50, status: 503 })]);
    expect(logged('info', 200, '/health/live')).toEqual([]);
    expect(logged('debug', 200, '/health/live')).toEqual([expect.objectContaining({ level: 20, path: '/health/live' })]);
  });
});
