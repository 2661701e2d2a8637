import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-responses';

const DESCRIPTION = [
  'Identity (sign-in, sessions, password reset), catalog and search (products, facets, suggestions, categories),',
  'orders (place with an Idempotency-Key, list, state machine) and operations (service API keys).',
  'Every error has one shape, the ErrorBody schema: {statusCode, error, message, details?, requestId, path, timestamp}.',
  'Search degrades to PostgreSQL while the search node is away (X-Search-Degraded: true, "degraded": true).',
].join(' ');

type Operation = { responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }> };

/**
 * The OpenAPI document of the gateway: decorators give each route its summary, schemas and error
 * statuses; this adds the shared info and gives every documented 4xx/5xx the ErrorBody schema (a
 * route that only wrote a description still shows the body it gets).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Commerce API gateway')
    .setDescription(DESCRIPTION)
    .setVersion('1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addCookieAuth('access_token')
    .build();
  const doc = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDto] });
  const errorSchema = { $ref: `#/components/schemas/${ErrorBodyDto.name}` };
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item) as Operation[]) {
      for (const [status, response] of Object.entries(op?.responses ?? {})) {
        if (Number(status) >= 400 && !response.content) response.content = { 'application/json': { schema: errorSchema } };
      }
    }
  }
  return doc;
}
