/** The OpenAPI 3.1 document at /api/docs, generated from the same zod schemas the routes use. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { API_SCOPES, RESOURCE_WORDS, type ResourceKind } from '@kith/core';
import { z } from 'zod';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  })
  .loose()
  .describe('RFC 9457 problem details');

/** Each API scope and, in words, the parts of a record it covers (core's API_SCOPES). */
function scopeDescriptions(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(API_SCOPES).map(([scope, resources]) => [
      scope,
      Object.entries(resources)
        .map(([kind, actions]) => `${(actions as readonly string[]).join(', ')} ${RESOURCE_WORDS[kind as ResourceKind]}`)
        .join('; '),
    ]),
  );
}

export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kith API', version: '1', description: 'Integrated community care: registry and shared record' },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kith_session', description: 'Staff: the session cookie from sign-in; changes also need the x-csrf-token header' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API clients: an access token from POST /api/v1/oauth/token' },
          clientCredentials: {
            type: 'oauth2',
            flows: { clientCredentials: { tokenUrl: '/api/v1/oauth/token', scopes: scopeDescriptions() } },
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { deepLinking: false },
    staticCSP: true,
    // Its policy upgrades every request to HTTPS, which a server on plain HTTP cannot answer, and
    // Swagger UI sets inline styles; these documentation pages hold no person data.
    transformStaticCSP: (header) =>
      header.replace(/\s*upgrade-insecure-requests;?/, '').replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline'"),
  });
}
