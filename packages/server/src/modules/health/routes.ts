import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { HealthResponse } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { publicRoute } from '../../security/access.ts';

export async function healthRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { database } = opts.deps;
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: publicRoute('load balancers and monitors check liveness without a session'),
    schema: { tags: ['system'], summary: 'Liveness and database reachability', response: { 200: HealthResponse } },
  }, async () => {
    await database.db.execute(sql`SELECT 1`);
    return { status: 'ok' as const, database: database.kind };
  });
}
