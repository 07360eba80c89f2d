// @vitest-environment happy-dom
import { createRef, render, type RefObject } from 'preact';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/messages';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import type { Entity, KnowledgeBase } from '../../src/knowledge/types';
import { articleSections, EntityHeader, relatedEntities } from '../../src/ui/entity-parts';

const entity = (id: string) => knowledgeBase.entities.find((e) => e.id === id)!;

/** The bundled knowledge base with one entity changed. */
const withEntity = (changed: Entity): KnowledgeBase => ({
  ...knowledgeBase,
  entities: knowledgeBase.entities.map((e) => (e.id === changed.id ? changed : e)),
});

describe('articleSections', () => {
  it('pairs each of the entity’s sections with its article, in order', () => {
    const cloud = entity('alibaba-cloud');
    const sections = articleSections(knowledgeBase, cloud);
    expect(sections.map((s) => s.article.id)).toEqual(cloud.articles.map((s) => s.articleId));
    expect(sections[0]!.role).toBe(cloud.articles[0]!.role);
    expect(sections[0]!.evidence).toBe(cloud.articles[0]!.evidence);
  });

  it('leaves out a section whose article is not in the knowledge base', () => {
    const cloud = entity('alibaba-cloud');
    const stray = { ...cloud.articles[0]!, articleId: 'no-such-article' };
    const changed = { ...cloud, articles: [stray, ...cloud.articles] };
    expect(articleSections(withEntity(changed), changed).map((s) => s.articleId)).toEqual(cloud.articles.map((s) => s.articleId));
  });
});

describe('relatedEntities', () => {
  it('gives each relation’s entity, in the relations’ order', () => {
    const cloud = entity('alibaba-cloud');
    expect(cloud.relations.length).toBeGreaterThan(1);
    expect(relatedEntities(knowledgeBase, cloud).map(({ type, entity }) => ({ type, target: entity.id }))).toEqual(cloud.relations);
  });

  it('leaves out a relation to an entity not in the knowledge base (it would be a chip with no name)', () => {
    const cloud = entity('alibaba-cloud');
    const changed = { ...cloud, relations: [{ type: 'competitor-of' as const, target: 'no-such-entity' }, ...cloud.relations] };
    expect(relatedEntities(withEntity(changed), changed).map((r) => r.entity.id)).toEqual(cloud.relations.map((r) => r.target));
  });
});

describe('EntityHeader', () => {
  const header = (props: { headingRef?: RefObject<HTMLHeadingElement | null>; extra?: string }) => {
    const root = document.createElement('div');
    render(
      <EntityHeader entity={entity('huawei')} language="fr" t={translator('fr')} titleId="title" headingRef={props.headingRef}>
        {props.extra && <button type="button">{props.extra}</button>}
      </EntityHeader>,
      root,
    );
    return root.querySelector('header')!;
  };

  it('names the entity in a heading with the given id, then its type, then what the surface adds', () => {
    const element = header({ extra: 'Fermer' });
    expect(element.querySelector('h2')!.id).toBe('title');
    expect([...element.children].map((child) => child.textContent)).toEqual(['Huawei', translator('fr')('entityType_company'), 'Fermer']);
  });

  it('makes the heading focusable (outside the Tab order) only for a surface that focuses it', () => {
    expect(header({}).querySelector('h2')!.hasAttribute('tabindex')).toBe(false);
    const ref = createRef<HTMLHeadingElement>();
    const heading = header({ headingRef: ref }).querySelector('h2')!;
    expect(heading.getAttribute('tabindex')).toBe('-1');
    expect(ref.current).toBe(heading);
  });
});
