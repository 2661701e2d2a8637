import { STATUS_CODES } from 'http';
import type { Response } from 'express';
import type { GatewayRequest } from '../http/request-context';

export interface ErrorDetail {
  field: string;
  message: string;
}

/** The one error shape of the API. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: ErrorDetail[];
  requestId: string;
  path: string;
  timestamp: string;
}

export function buildErrorBody(req: GatewayRequest, statusCode: number, message: string, details?: ErrorDetail[]): ErrorBody {
  const body: ErrorBody = {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    requestId: req.id,
    path: req.originalUrl?.split('?')[0] ?? req.url,
    timestamp: new Date().toISOString(),
  };
  if (details && details.length) body.details = details;
  return body;
}

export function sendError(req: GatewayRequest, res: Response, statusCode: number, message: string, details?: ErrorDetail[]): void {
  if (res.headersSent) return;
  res.status(statusCode).json(buildErrorBody(req, statusCode, message, details));
}
