import { Injectable, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { buildSchema, execute, GraphQLSchema, specifiedRules, validate } from 'graphql';
import { AuthService } from '../auth/auth.service';
import { accessTokenFrom } from '../auth/request-token';
import { Bucket, RateLimiter } from '../common/rate-limit/rate-limiter';
import { TooManyRequestsException } from '../common/rate-limit/too-many-requests.exception';
import { AppConfig } from '../config/app-config';
import { toGraphQLError } from './graphql-errors';
import { GraphQLContext, GraphQLResolvers } from './graphql-resolvers';
import { playgroundHtml } from './playground';
import { parseWithinLimits } from './query-limits';
import { TYPE_DEFS } from './schema.graphql';

interface GraphQLBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

function badRequest(res: Response, field: string, message: string): void {
  res.status(400).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST', statusCode: 400, details: [{ field, message }] } }] });
}

/**
 * Serves POST /graphql beside the REST API (outside the /api prefix, like Apollo's middleware):
 * optional bearer token checked by the same AuthService as the REST guard, a per-user/per-IP rate
 * limit, size/shape/depth/cost limits checked before the standard validation (query-limits.ts),
 * errors with the REST status in extensions. GET /graphql is a GraphiQL playground in
 * development only.
 */
@Injectable()
export class GraphQLHttpService implements OnModuleInit {
  private readonly schema: GraphQLSchema = buildSchema(TYPE_DEFS);
  private readonly bucket: Bucket;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly resolvers: GraphQLResolvers,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
  ) {
    this.bucket = { name: 'graphql', limit: config.env.GRAPHQL_RATE_LIMIT, windowSeconds: config.env.GRAPHQL_RATE_TTL_SECONDS };
  }

  onModuleInit(): void {
    type Handler = (req: Request, res: Response, next: NextFunction) => void;
    const app = this.adapterHost.httpAdapter.getInstance<{
      post: (path: string, h: Handler) => void;
      get: (path: string, h: Handler) => void;
    }>();
    app.post('/graphql', (req: Request, res: Response, next: NextFunction) => void this.handle(req, res).catch(next));
    app.get('/graphql', (_req: Request, res: Response) => {
      if (this.config.env.APP_ENV !== 'development')
        return res
          .status(404)
          .json({ statusCode: 404, error: 'Not Found', message: 'GraphQL playground is available in development only' });
      res.type('html').send(playgroundHtml('/graphql'));
    });
  }

  private async handle(req: Request, res: Response): Promise<void> {
    const body = (req.body ?? {}) as GraphQLBody;
    if (typeof body.query !== 'string' || !body.query.trim()) return badRequest(res, 'query', 'query must be a non-empty string');
    if (body.variables !== undefined && body.variables !== null && (typeof body.variables !== 'object' || Array.isArray(body.variables))) {
      return badRequest(res, 'variables', 'variables must be a JSON object');
    }
    if (body.operationName !== undefined && body.operationName !== null && typeof body.operationName !== 'string') {
      return badRequest(res, 'operationName', 'operationName must be a string');
    }
    // CPU-only and linear in the document: refuse abusive documents before any I/O (auth, Redis)
    const parsed = parseWithinLimits(this.schema, body.query);
    if (!('document' in parsed)) {
      res.status(parsed.status).json({ errors: parsed.errors.map((e) => e.toJSON()) });
      return;
    }
    let context: GraphQLContext;
    try {
      context = await this.contextFor(req);
      await this.limiter.consume(this.bucket, context.user ? `user:${context.user.id}` : `ip:${req.ip}`);
    } catch (err) {
      if (err instanceof TooManyRequestsException) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      const error = toGraphQLError(err);
      res.status(Number(error.extensions.statusCode) || 401).json({ errors: [error.toJSON()] });
      return;
    }
    const document = parsed.document;
    const validationErrors = validate(this.schema, document, specifiedRules);
    if (validationErrors.length) {
      res.status(400).json({ errors: validationErrors.map((e) => e.toJSON()) });
      return;
    }
    const result = await execute({
      schema: this.schema,
      document,
      rootValue: this.resolvers.rootValue(),
      contextValue: context,
      variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: body.operationName ?? undefined,
    });
    if (context.searchDegraded) res.setHeader('X-Search-Degraded', 'true');
    const retryAfter = result.errors
      ?.map((e) => (e.originalError as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds)
      .find((s) => typeof s === 'number');
    if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
    res.status(200).json({ ...result, errors: result.errors?.map((e) => toGraphQLError(e).toJSON()) });
  }

  /** No token (Bearer, else the access_token cookie) = anonymous (public fields only); a bad token is a 401. */
  private async contextFor(req: Request): Promise<GraphQLContext> {
    const source = accessTokenFrom(req.headers);
    if (source.via === 'none') return {};
    if (source.via === 'malformed') throw new UnauthorizedException('Invalid token: expected "Authorization: Bearer <access token (JWT)>"');
    return { user: await this.auth.authenticate(source.token) };
  }
}
