// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { anchorBox, nearestRect } from '../../src/card/card-placement';
import { firstSentence, quotedEvidence } from '../../src/card/card-view';
import { stepTarget } from '../../src/content/mention-navigation';
import { holdBackTitles } from '../../src/card/title-tooltip';

const rect = (left: number, top: number, width: number, height: number) => new DOMRect(left, top, width, height);

describe('anchorBox', () => {
  it('is the line box itself for a mention on one line', () => {
    const line = rect(100, 50, 60, 20);
    expect(anchorBox([line], 0)).toEqual(line);
  });

  it('takes the hovered line horizontally and both lines vertically for a wrapped mention', () => {
    const lines = [rect(300, 50, 80, 20), rect(0, 70, 50, 20)];
    const box = anchorBox(lines, 1);
    expect([box.left, box.width, box.top, box.bottom]).toEqual([0, 50, 50, 90]);
  });

  it('ignores a far-away piece (a mention split across columns)', () => {
    const lines = [rect(300, 900, 80, 20), rect(0, 40, 50, 20)];
    expect(anchorBox(lines, 1).top).toBe(40);
    expect(anchorBox(lines, 1).bottom).toBe(60);
  });

  it('falls back to the last line when the mention lost lines since', () => {
    expect(anchorBox([rect(0, 0, 10, 10)], 3).width).toBe(10);
  });
});

describe('nearestRect', () => {
  it('finds the line box the pointer was on', () => {
    expect(nearestRect([rect(300, 50, 80, 20), rect(0, 70, 50, 20)], rect(0, 71, 50, 19))).toBe(1);
  });
});

describe('quotedEvidence', () => {
  const sentence = (length: number, paragraph = 1) => ({ sentence: 'x'.repeat(length), paragraph });

  it('quotes two short sentences', () => {
    expect(quotedEvidence([sentence(60), sentence(100), sentence(20)])).toHaveLength(2);
  });

  it('quotes one long sentence alone, so that the card stays compact', () => {
    expect(quotedEvidence([sentence(183), sentence(100)])).toHaveLength(1);
  });

  it('always quotes at least one sentence, however long', () => {
    expect(quotedEvidence([sentence(400)])).toHaveLength(1);
    expect(quotedEvidence([])).toHaveLength(0);
  });
});

describe('firstSentence', () => {
  it('keeps the first sentence of a description', () => {
    expect(firstSentence('Cloud arm of Alibaba, founded in 2009. It is the largest in China.', 'en')).toBe('Cloud arm of Alibaba, founded in 2009.');
    expect(firstSentence('Filiale cloud d’Alibaba. Elle est la première en Chine.', 'fr')).toBe('Filiale cloud d’Alibaba.');
  });

  it('keeps a one-sentence description whole', () => {
    expect(firstSentence('US software company', 'en')).toBe('US software company');
  });
});

describe('stepTarget', () => {
  // Mentions as positions on a page scrolled so that the window shows 1000 to 1800.
  const mentions = [100, 900, 1200, 1500, 2500];
  const where = (y: number) => ({ top: y - 1000, bottom: y - 1000 + 20 });
  const target = (from: number | null, direction: 1 | -1) => stepTarget(mentions, from, direction, where, 800);

  it('moves to the next or previous mention from an open card, wrapping around', () => {
    expect(target(1200, 1)).toBe(1500);
    expect(target(1200, -1)).toBe(900);
    expect(target(2500, 1)).toBe(100);
    expect(target(100, -1)).toBe(2500);
  });

  it('with no card open, starts from what the reader sees', () => {
    expect(target(null, 1)).toBe(1200);
    expect(target(null, -1)).toBe(1500);
  });

  it('wraps when nothing is left in that direction', () => {
    const below = (y: number) => ({ top: y - 5000, bottom: y - 5000 + 20 });
    expect(stepTarget(mentions, null, 1, below, 800)).toBe(100);
    expect(stepTarget([], null, 1, below, 800)).toBeUndefined();
  });
});

describe('holdBackTitles', () => {
  it('removes the titles over a mention and puts them back exactly', () => {
    document.body.innerHTML = '<p title="paragraph">See <a href="#" title="link">Alibaba <b>Cloud</b></a> here</p>';
    const link = document.querySelector('a')!;
    const nodes = [link.firstChild!, link.querySelector('b')!.firstChild!];
    const restore = holdBackTitles(nodes);
    expect(link.hasAttribute('title')).toBe(false);
    expect(document.querySelector('p')!.hasAttribute('title')).toBe(false);
    restore();
    expect(link.getAttribute('title')).toBe('link');
    expect(document.querySelector('p')!.getAttribute('title')).toBe('paragraph');
  });

  it('leaves alone a title the page set in the meantime, and elements that had none', () => {
    document.body.innerHTML = '<p><span title="old">Aliyun</span> <em>AWS</em></p>';
    const span = document.querySelector('span')!;
    const restore = holdBackTitles([span.firstChild!, document.querySelector('em')!.firstChild!]);
    span.setAttribute('title', 'new');
    restore();
    expect(span.getAttribute('title')).toBe('new');
    expect(document.querySelector('em')!.hasAttribute('title')).toBe(false);
  });
});
