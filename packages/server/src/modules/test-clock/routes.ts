/**
 * Test mode only (GLIA_TEST_CLOCK=1 on the embedded database): end-to-end tests
 * move the server's clock forward to chart a 40-minute infusion and an hour of
 * recovery in seconds. Never registered otherwise.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ClockAdvance, ClockNow } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { invalidField } from '../../errors.ts';
import { allow, ANY_STAFF } from '../../security/access.ts';

export async function testClockRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const clock = deps.testClock!;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/test/clock', { config: allow(...ANY_STAFF), schema: { hide: true, response: { 200: ClockNow } } }, () => ({ now: deps.now().toISOString() }));
  r.post('/api/test/clock', { config: allow(...ANY_STAFF), schema: { hide: true, body: ClockAdvance, response: { 200: ClockNow } } }, (req) => {
    if (req.body.setTo !== undefined) {
      const at = new Date(req.body.setTo);
      if (at.getTime() < deps.now().getTime()) throw invalidField('setTo', 'must not move the clock backwards');
      clock.set(at);
    }
    if (req.body.advanceMinutes !== undefined) clock.advance(req.body.advanceMinutes * 60_000);
    return { now: deps.now().toISOString() };
  });
}
