import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { createEntitySearch } from '../../src/popup/search';

const search = createEntitySearch(knowledgeBase);
const ids = (query: string) => search(query).map((result) => result.entity.id);

describe('entity search (fuse.js)', () => {
  it('forgives a typo in a name: huawey finds Huawei, first', () => {
    expect(ids('huawey')[0]).toBe('huawei');
  });

  it('forgives a missing letter: alibba finds Alibaba (the group and its cloud)', () => {
    expect(ids('alibba').slice(0, 2)).toEqual(['alibaba-group', 'alibaba-cloud']);
  });

  it('finds AWS from the start of its long name: amazon web', () => {
    expect(ids('amazon web')[0]).toBe('aws');
  });

  it('finds an entity by an alias and says which one matched', () => {
    expect(search('aliyun')[0]).toEqual({ entity: expect.objectContaining({ id: 'alibaba-cloud' }), alias: 'Aliyun' });
    expect(ids('阿里云')[0]).toBe('alibaba-cloud');
  });

  it('does not name the alias when a name matched', () => {
    expect(search('huawei')[0]).toEqual({ entity: expect.objectContaining({ id: 'huawei' }) });
  });

  it('searches descriptions and roles: a word found only there still finds its entity', () => {
    expect(ids('lobby')).toContain('aws');
    expect(ids('sanctions')).toContain('zte');
  });

  it('ignores accents and case', () => {
    expect(ids('ADMINISTRATION TRUMP')[0]).toBe('trump-administration');
    expect(ids('Groupe Alibabà')[0]).toBe('alibaba-group');
  });

  it('drops results far behind the best: an exact three-letter name is not followed by fuzzy noise', () => {
    expect(ids('aws')).toEqual(['aws']);
    expect(ids('zte')).toEqual(['zte']);
  });

  it('finds entities only reached through relations (not named in the article)', () => {
    expect(ids('microsft')).toEqual(expect.arrayContaining(['microsoft-azure', 'microsoft']));
  });

  it('returns nothing for an empty or blank query, and nothing for nonsense', () => {
    expect(search('')).toEqual([]);
    expect(search('   ')).toEqual([]);
    expect(search('qxzvwk')).toEqual([]);
  });
});
