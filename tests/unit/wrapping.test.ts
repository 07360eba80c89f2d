import { describe, expect, it } from 'vitest';
import { mentionParts, piecesAround, type Piece } from '../../src/page/wrapping-painter';

/** The pieces as text: page text plain, marks in brackets. */
const cut = (data: string, pieces: Piece[]) =>
  pieces.map(({ start, end, part }) => (part === null ? data.slice(start, end) : `[${data.slice(start, end)}]`)).join('|');

describe('piecesAround', () => {
  const data = 'Huawei, ZTE and Huawei again';

  it('cuts page text around each mark, covering the whole node once', () => {
    const pieces = piecesAround(data.length, [{ start: 8, end: 11 }]);
    expect(cut(data, pieces)).toBe('Huawei, |[ZTE]| and Huawei again');
  });

  it('makes no empty piece for a mark at the start or the end, or for a node that is all one mark', () => {
    expect(cut(data, piecesAround(data.length, [{ start: 0, end: 6 }, { start: 22, end: 28 }]))).toBe('[Huawei]|, ZTE and Huawei|[ again]');
    expect(cut('Aliyun', piecesAround(6, [{ start: 0, end: 6 }]))).toBe('[Aliyun]');
  });

  it('takes parts in any order and says which part each mark is for', () => {
    const pieces = piecesAround(data.length, [{ start: 16, end: 22 }, { start: 0, end: 6 }, { start: 8, end: 11 }]);
    expect(cut(data, pieces)).toBe('[Huawei]|, |[ZTE]| and |[Huawei]| again');
    expect(pieces.filter((piece) => piece.part !== null).map((piece) => piece.part)).toEqual([1, 2, 0]);
  });

  it('gives no mark to a part that is empty, runs past the end or overlaps an earlier one', () => {
    const pieces = piecesAround(data.length, [{ start: 0, end: 6 }, { start: 3, end: 9 }, { start: 11, end: 11 }, { start: 20, end: 40 }]);
    expect(cut(data, pieces)).toBe('[Huawei]|, ZTE and Huawei again');
  });

  it('leaves a node with no part whole', () => {
    expect(piecesAround(5, [])).toEqual([{ start: 0, end: 5, part: null }]);
  });
});

describe('mentionParts', () => {
  const text = (data: string) => ({ data }) as Text;

  it('covers the mention in its one node', () => {
    const node = text('Investors watched Huawei closely.');
    expect(mentionParts({ nodes: [node], startOffset: 18, endOffset: 24 })).toEqual([{ node, start: 18, end: 24 }]);
  });

  it('covers the end of the first node, the whole of those between and the start of the last (`Alibaba <b>Cl</b>oud`)', () => {
    const [first, middle, last] = [text('Investors watched Alibaba '), text('Cl'), text('oud closely.')];
    expect(mentionParts({ nodes: [first, middle, last], startOffset: 18, endOffset: 3 })).toEqual([
      { node: first, start: 18, end: 26 },
      { node: middle, start: 0, end: 2 },
      { node: last, start: 0, end: 3 },
    ]);
  });
});
