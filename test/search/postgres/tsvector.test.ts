/**
 * The tsvector and tsquery literals written in Node are read by PostgreSQL as meant: quotes and
 * backslashes inside words, a word too long for PostgreSQL, an article longer than its positions.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/pages/article.ts';
import { gramQuery, gramsVector, MAX_POSITION, quoteLexeme, wordQuery } from '../../../src/search/postgres/tsvector.ts';
import { migratedDatabaseForSuite, postgresAvailable } from '../../support/postgres.ts';

const article = (body: string[]): Article => ({
  id: 'x',
  file: 'f.txt',
  date: '2024-01-01',
  title: '标题',
  kicker: '',
  subtitle: '',
  authors: [],
  body,
  captions: [],
  kind: 'feature',
  regions: [],
  summary: '',
  keywords: [],
});

describe.runIf(postgresAvailable())('tsvector literals', () => {
  const suite = migratedDatabaseForSuite();
  const matches = async (vector: string, query: string) =>
    (await suite.pool().query<{ hit: boolean }>('SELECT $1::tsvector @@ $2::tsquery AS hit', [vector, query])).rows[0].hit;

  it('keeps quotes and backslashes inside a word', async () => {
    const vector = `${quoteLexeme("o'neil")} ${quoteLexeme('a\\b')}`;
    expect(await matches(vector, quoteLexeme("o'neil"))).toBe(true);
    expect(await matches(vector, wordQuery('a\\b'))).toBe(true);
  });

  it('leaves out a word too long for PostgreSQL, and the text past its last position', async () => {
    const blob = 'x'.repeat(3000);
    const long = article([`${blob} 电商平台`, '甲乙'.repeat(MAX_POSITION), '末尾独有的句子']);
    const vector = gramsVector(long);
    expect(await matches(vector, gramQuery('电商')!)).toBe(true);
    expect(await matches(vector, gramQuery('独有')!)).toBe(false);
    expect(gramQuery(blob)).toBeUndefined();
  });
});
