import express, { NextFunction, Response } from 'express';
import { sendError } from '../errors/error-body';
import type { GatewayRequest } from './request-context';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deepest nesting a request body may have (the validation pipe walks bodies recursively). */
export const MAX_BODY_DEPTH = 32;

/**
 * What makes a parsed body unusable before any validation runs: nesting deeper than MAX_BODY_DEPTH
 * (a 5,000-level body overflowed the validation pipe's stack: 500) or a string that is not
 * well-formed UTF-16 (a lone surrogate made the email validator throw: 500). Iterative, so a deep
 * body cannot overflow this check either. Returns the field path and the problem, or undefined.
 */
export function bodyProblem(body: unknown): { field: string; message: string } | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: 'body', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return { field: path, message: 'contains malformed unicode (a lone surrogate)' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) return { field: 'body', message: `is nested more than ${MAX_BODY_DEPTH} levels deep` };
    for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: path === 'body' ? k : `${path}.${k}`, depth: depth + 1 });
  }
  return undefined;
}

/** JSON body parser with a size limit; 413 / 400 in the API error shape (it runs before Nest's filters). */
export function jsonBody(limit: string) {
  const parser = express.json({ limit });
  return (req: GatewayRequest, res: Response, next: NextFunction): void => {
    parser(req, res, (err?: unknown) => {
      if (!err) {
        const problem = bodyProblem(req.body);
        if (problem) return sendError(req, res, 400, `Invalid request body: ${problem.field} ${problem.message}`, [problem]);
        return next();
      }
      const e = err as { type?: string; status?: number; limit?: number };
      if (e.type === 'entity.too.large') return sendError(req, res, 413, `Request body exceeds the ${limit} limit`);
      if (e.type === 'entity.parse.failed')
        return sendError(req, res, 400, 'Malformed JSON body', [{ field: 'body', message: 'is not valid JSON' }]);
      const status = e.status && e.status >= 400 && e.status < 500 ? e.status : 400;
      return sendError(req, res, status, 'Unreadable request body');
    });
  };
}
