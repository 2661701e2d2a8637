import { Injectable, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { buildSchema, execute, GraphQLError, GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import { AuthService } from '../auth/auth.service';
import { bearerToken } from '../auth/guards/jwt-auth.guard';
import { AppConfig } from '../config/app-config';
import { toGraphQLError } from './graphql-errors';
import { GraphQLContext, GraphQLResolvers } from './graphql-resolvers';
import { playgroundHtml } from './playground';
import { queryLimitsRule } from './query-limits';
import { TYPE_DEFS } from './schema.graphql';

interface GraphQLBody { query?: unknown; variables?: unknown; operationName?: unknown }

/**
 * Serves POST /graphql beside the REST API (outside the /api prefix, like Apollo's middleware):
 * optional bearer token checked by the same AuthService as the REST guard, depth/complexity
 * limits, errors with the REST status in extensions. GET /graphql is a GraphiQL playground in
 * development only.
 */
@Injectable()
export class GraphQLHttpService implements OnModuleInit {
  private readonly schema: GraphQLSchema = buildSchema(TYPE_DEFS);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly resolvers: GraphQLResolvers,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter.getInstance<{ post: Function; get: Function }>();
    app.post('/graphql', (req: Request, res: Response, next: NextFunction) => void this.handle(req, res).catch(next));
    app.get('/graphql', (_req: Request, res: Response) => {
      if (this.config.env.APP_ENV !== 'development') return res.status(404).json({ statusCode: 404, error: 'Not Found', message: 'GraphQL playground is available in development only' });
      res.type('html').send(playgroundHtml('/graphql'));
    });
  }

  private async handle(req: Request, res: Response): Promise<void> {
    const body = (req.body ?? {}) as GraphQLBody;
    if (typeof body.query !== 'string' || !body.query.trim()) {
      res.status(400).json({ errors: [{ message: 'query must be a non-empty string', extensions: { code: 'BAD_REQUEST', statusCode: 400, details: [{ field: 'query', message: 'required' }] } }] });
      return;
    }
    let context: GraphQLContext;
    try {
      context = await this.contextFor(req);
    } catch (err) {
      res.status(401).json({ errors: [toGraphQLError(err).toJSON()] });
      return;
    }
    let document;
    try {
      document = parse(body.query);
    } catch (err) {
      res.status(400).json({ errors: [(err as GraphQLError).toJSON()] });
      return;
    }
    const validationErrors = validate(this.schema, document, [...specifiedRules, queryLimitsRule()]);
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
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
    });
    res.status(200).json({ ...result, errors: result.errors?.map((e) => toGraphQLError(e).toJSON()) });
  }

  /** No Authorization header = anonymous (public fields only); a bad token is a 401. */
  private async contextFor(req: Request): Promise<GraphQLContext> {
    const header = req.headers.authorization;
    if (!header) return {};
    const token = bearerToken(header);
    if (!token) throw new UnauthorizedException('Malformed bearer token');
    return { user: await this.auth.authenticate(token) };
  }
}
