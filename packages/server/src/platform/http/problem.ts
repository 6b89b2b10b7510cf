/**
 * Every error leaves as RFC 9457 problem+json naming the field and the reason. Validation
 * problems from the schemas, DomainErrors from services and Fastify's own body errors all meet
 * here; anything else is a 500 whose body carries nothing from inside the server.
 */
import { DOMAIN_ERROR_CODES, DomainError, type FieldProblem } from '@kith/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Sign in to continue',
  403: 'You do not have access to this',
  404: 'Not found',
  409: 'Conflict',
  413: 'The request is too large',
  415: 'Unsupported content type',
  429: 'Too many requests',
  500: 'Something went wrong',
};

export function problem(status: number, detail: string, errors?: FieldProblem[], extra = {}): Problem {
  return {
    type: status === 500 ? 'about:blank' : `https://kith.invalid/problems/${status}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors?.length ? { errors } : {}),
    ...extra,
  };
}

interface ValidationItem {
  instancePath: string;
  message?: string;
  keyword?: string;
  params?: { keys?: string[] };
}

/**
 * Zod issues to field problems, named as the client wrote them (a body member or a query
 * parameter); an unknown field is named itself, not its parent object.
 */
export function fieldProblems(items: ValidationItem[], context: string | undefined): FieldProblem[] {
  return items.flatMap((item) => {
    const path = item.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (item.keyword === 'unrecognized_keys' && item.params?.keys) {
      return item.params.keys.map((key) => ({
        field: path ? `${path}.${key}` : key,
        reason: 'Unknown field',
      }));
    }
    return [{ field: path || context || 'body', reason: item.message ?? 'Not valid' }];
  });
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const body = toProblem(error);
  if (body.status >= 500) request.log.error({ err: error }, 'request failed');
  return sendProblem(reply, { ...body, instance: request.url.split('?')[0] });
}

function toProblem(error: FastifyError): Problem {
  if (error instanceof DomainError) {
    return problem(DOMAIN_ERROR_CODES[error.code], error.message, error.problems, error.extra);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = fieldProblems(error.validation as ValidationItem[], error.validationContext);
    return problem(400, errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return clientProblem(error, status);
  return problem(500, 'The server could not complete this request. It has been logged.');
}

/** Fastify's own 4xx: malformed JSON, an oversize or empty body, a wrong content type. */
function clientProblem(error: FastifyError, status: number): Problem {
  const aboutBody = error.code?.startsWith('FST_ERR_CTP') ?? false;
  const reason =
    error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? 'The body is larger than this service accepts'
      : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.name === 'SyntaxError'
        ? 'The body is not valid JSON'
        : error.message;
  const field = aboutBody || error.name === 'SyntaxError' ? 'body' : undefined;
  return problem(status, reason, field ? [{ field, reason }] : undefined);
}
