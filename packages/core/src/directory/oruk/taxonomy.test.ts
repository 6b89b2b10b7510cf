import { describe, expect, it } from 'vitest';
import { orukFixtureJson } from '../../../test/fixtures/oruk/load.js';
import { importOrukJson } from './import-json.js';
import { importOrukTaxonomyTerms } from './import-terms.js';
import type { DirectoryService } from './model.js';
import { taxonomyTermIndex, unknownTaxonomyTerms } from './taxonomy.js';

const official = (): DirectoryService => importOrukJson(orukFixtureJson('examples-v3-uk/service_full.json'), { feedId: 'f' }).services[0]!.service;

describe('importing a vocabulary', () => {
  it('reads the official terms from a term, a page of terms and a taxonomy with its terms', () => {
    for (const file of ['taxonomy_term.json', 'taxonomy_term_list.json', 'taxonomy.json']) {
      const { terms, problems } = importOrukTaxonomyTerms(orukFixtureJson(`examples-v3-uk/${file}`));
      expect(problems, file).toEqual([]);
      expect(terms.map((t) => t.id), file).toEqual(['3f7b145d-84af-42d7-8fae-eaca714b02b2']);
    }
    const [fromTaxonomy] = importOrukTaxonomyTerms(orukFixtureJson('examples-v3-uk/taxonomy.json')).terms;
    expect(fromTaxonomy).toMatchObject({ taxonomy: 'taxonomy', taxonomy_id: '5c4d79d7-cc55-470e-9f1f-8cad074e4892' });
  });

  it('reads a v1 /taxonomies page, its vocabulary naming the taxonomy', () => {
    const page = { totalElements: 2, totalPages: 1, number: 0, size: 2, first: true, last: true, content: [
      { id: 'esdServiceTypes:1132', name: 'Lunch clubs', vocabulary: 'esdServiceTypes', parent_id: 'esdServiceTypes:1000' },
      { id: 'esdServiceTypes:1000', name: 'Social activities', vocabulary: 'esdServiceTypes' },
    ] };
    const { terms, problems } = importOrukTaxonomyTerms(page);
    expect(problems).toEqual([]);
    expect(terms[0]).toEqual({ id: 'esdServiceTypes:1132', name: 'Lunch clubs', taxonomy: 'esdServiceTypes', parent_id: 'esdServiceTypes:1000' });
  });

  it('leaves out a term with no id or name, or an id already given', () => {
    const { terms, problems } = importOrukTaxonomyTerms([
      { id: 'a', name: 'Advice', description: 'Advice services' },
      { name: 'No id', description: 'x' },
      { id: 'a', name: 'Again', description: 'y' },
    ]);
    expect(terms.map((t) => t.name)).toEqual(['Advice']);
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.path)).toEqual(['[1].id', '[2].id']);
  });
});

describe('checking a service against the known vocabulary', () => {
  it('knows the official example service by its term id', () => {
    const index = taxonomyTermIndex(importOrukTaxonomyTerms(orukFixtureJson('examples-v3-uk/taxonomy_term_list.json')).terms);
    expect(unknownTaxonomyTerms(official(), index)).toEqual([]);
  });

  it('names an unknown term by its place in the service', () => {
    const service = official();
    service.attributes.push({ id: 'x', taxonomy_term_id: 'made-up', taxonomy_term: { id: 'made-up', name: 'Ghost hunting', code: 'GH1', taxonomy: 'esdServiceTypes' } });
    const index = taxonomyTermIndex(importOrukTaxonomyTerms(orukFixtureJson('examples-v3-uk/taxonomy_term.json')).terms);
    expect(unknownTaxonomyTerms(service, index, { basePath: 'contents[4]' })).toEqual([
      { path: 'contents[4].attributes[1]', reason: 'Taxonomy term "Ghost hunting" (GH1) from esdServiceTypes is not in Kith\'s vocabulary', severity: 'warning' },
    ]);
    expect(unknownTaxonomyTerms(service, index, { severity: 'error' })[0]?.severity).toBe('error');
  });

  it('knows a term by its code within its taxonomy when the feed minted its own id', () => {
    const index = taxonomyTermIndex([{ id: 'kith-1132', name: 'Lunch clubs', code: '1132', taxonomy: 'esdServiceTypes' }]);
    const service = official();
    service.attributes = [{ id: 'a', taxonomy_term_id: 'feed-77', taxonomy_term: { id: 'feed-77', name: 'Lunch Clubs', code: '1132', taxonomy: 'ESDServiceTypes' } }];
    expect(unknownTaxonomyTerms(service, index)).toEqual([]);
    service.attributes[0]!.taxonomy_term!.taxonomy = 'another vocabulary';
    expect(unknownTaxonomyTerms(service, index)).toHaveLength(1);
  });
});
