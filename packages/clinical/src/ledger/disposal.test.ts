import { describe, expect, it } from 'vitest';
import type { DisposalReason, DisposalRoute } from './disposal.ts';
import { classifyDisposal } from './disposal.ts';

describe('disposal of controlled substances (rule 39)', () => {
  it.each<{ reason: DisposalReason; route: DisposalRoute; allowed: boolean; code?: string }>([
    { reason: 'expired', route: 'form-41', allowed: true },
    { reason: 'expired', route: 'reverse-distributor', allowed: true },
    { reason: 'expired', route: 'waste-log', allowed: false, code: 'stock-disposal-via-waste-log' },
    { reason: 'unwanted', route: 'waste-log', allowed: false, code: 'stock-disposal-via-waste-log' },
    { reason: 'recalled', route: 'breakage-record', allowed: false, code: 'disposal-route-mismatch' },
    { reason: 'wastage', route: 'waste-log', allowed: true },
    { reason: 'wastage', route: 'form-41', allowed: false, code: 'disposal-route-mismatch' },
    { reason: 'breakage', route: 'breakage-record', allowed: true },
    { reason: 'breakage', route: 'waste-log', allowed: false, code: 'disposal-route-mismatch' },
  ])('$reason via $route: allowed $allowed (rule 39)', ({ reason, route, allowed, code }) => {
    const d = classifyDisposal(reason, route);
    expect(d.allowed).toBe(allowed);
    expect(d.findings.map((f) => f.code)).toEqual(code === undefined ? [] : [code]);
    expect(d.findings.every((f) => f.rule === 39 && f.severity === 'block' && f.sources.includes('S38'))).toBe(true);
  });

  it('blocks expired stock on the waste log and names the allowed routes (rule 39)', () => {
    const d = classifyDisposal('expired', 'waste-log');
    expect(d.allowedRoutes).toEqual(['form-41', 'reverse-distributor']);
    expect(d.findings[0]?.message).toBe('Expired stock can leave inventory only through DEA Form 41 or a reverse distributor, not the waste log (rule 39).');
  });
});
