import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { AppError } from './errors.ts';

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

/** Sends the one error body every API error uses. */
export function sendError(reply: FastifyReply, err: AppError): FastifyReply {
  if (err.headers) reply.headers(err.headers);
  const body: { code: string; message: string; details?: unknown } = { code: err.code, message: err.message };
  if (err.details !== undefined) body.details = err.details;
  return reply.code(err.status).send({ error: body });
}

/** Maps anything thrown in a handler to an AppError; unknown errors become 500 with a request id. */
export function toAppError(err: unknown, req: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? 'body';
    const details = err.validation.flatMap((v) => {
      const p = [where, ...v.instancePath.split('/').filter(Boolean)].join('.');
      const keys = (v.params as { keys?: string[] } | undefined)?.keys;
      if (v.keyword === 'unrecognized_keys' && keys?.length) {
        return keys.map((k) => ({ path: `${p}.${k}`, message: 'unknown field' }));
      }
      return [{ path: p, message: v.message ?? 'invalid' }];
    });
    return new AppError('validation_failed', `invalid ${where}: ${details.map((d) => d.path).join(', ')}`, details);
  }
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413) {
    return new AppError('payload_too_large', 'request body is larger than the configured limit');
  }
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.statusCode === 415) {
    return new AppError('unsupported_media_type', 'unsupported content type');
  }
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e.statusCode === 400 && e.code?.startsWith('FST_'))) {
    return new AppError('bad_request', e.message ?? 'bad request');
  }
  if (e.statusCode === 429) return new AppError('rate_limited', e.message ?? 'too many requests');
  if (isDbUnavailable(err)) return new AppError('unavailable', 'the database is unavailable; try again shortly');
  req.log.error({ err }, 'unhandled error');
  return new AppError('internal', `internal error (request ${req.id})`);
}

function isDbUnavailable(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'ECONNREFUSED' || code === '57P01' || code === '57P03' || code === '08006' || code === '08001';
}

/** Builds the Fastify instance with validation, errors, cookies, rate limits and OpenAPI. */
export async function createHttp(config: Config, opts: { logger: boolean | object; cookieSecret: string }): Promise<App> {
  const app = Fastify({
    logger: opts.logger,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: () => crypto.randomUUID(),
    // One line per request drowns what matters; errors are logged with their request id.
    disableRequestLogging: true,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err, req, reply) => sendError(reply, toAppError(err, req)));
  app.setNotFoundHandler((req, reply) => sendError(reply, new AppError('not_found', `no route ${req.method} ${req.url.split('?')[0]}`)));

  await app.register(cookie, { secret: opts.cookieSecret });
  await app.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (req) => {
      const auth = req.headers.authorization;
      if (auth?.startsWith('Bearer ')) return `t:${auth.slice(7, 40)}`;
      const sid = req.cookies?.servus_session;
      return sid ? `s:${sid.slice(0, 40)}` : `ip:${req.ip}`;
    },
    allowList: (req) => req.url === '/healthz',
    errorResponseBuilder: (_req, ctx) => {
      const err = new AppError('rate_limited', `rate limit exceeded, retry in ${Math.ceil(ctx.ttl / 1000)} s`);
      return Object.assign(err, { statusCode: 429 });
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Servus API',
        version: '1',
        description:
          'REST API of Servus. Authenticate with the session cookie (web) or `Authorization: Bearer <api token>`. ' +
          'Errors are `{"error":{"code","message","details?"}}`; objects you may not see answer 404.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'servus_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // Operations stay folded under their tag until opened: the API has too many to unfold at once.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'none' } });
  return app;
}
