import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectVectorFormat } from './detect.ts';

const shared = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../../../shared/spec/${name}`, import.meta.url), 'utf8'));

describe('vector format detection', () => {
  it('recognises the shared instrument and PK files by their keys', () => {
    expect(detectVectorFormat(shared('instrument-vectors.json'))).toBe('instruments');
    expect(detectVectorFormat(shared('pk-vectors.json'))).toBe('pk');
  });

  it.each([
    [{ vectors: [] }, 'instruments'],
    [{ responseRemissionVectors: [] }, 'instruments'],
    [{ results: {} }, 'pk'],
    [{ models: {} }, 'pk'],
    [{ vectors: [], results: {} }, null],
    [{}, null],
    [[], null],
    [null, null],
    ['results', null],
  ])('detects %j as %s', (doc, expected) => {
    expect(detectVectorFormat(doc)).toBe(expected);
  });
});
