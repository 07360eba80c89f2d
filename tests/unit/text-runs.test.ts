import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { TextRunWalker } from '../../src/page/text-runs';

let window: Window;
afterEach(() => void window?.happyDOM.close());

function body(html: string): Node {
  window = new Window();
  window.document.body.innerHTML = html;
  // The walker only reads node properties (no layout): happy-dom's DOM is enough for the run logic.
  return window.document.body as unknown as Node;
}

/** Every run's text, read in one go. */
function runsOf(root: Node): string[] {
  const texts: string[] = [];
  new TextRunWalker(root).collect((run) => texts.push(run.text));
  return texts;
}

describe('TextRunWalker', () => {
  it('joins text across inline elements and breaks at blocks, line breaks and skipped code', () => {
    const root = body('<p>Alibaba <b>Cloud</b> and <a>Jack <i>Ma</i></a></p><div>Jack<br>Ma</div><p>Huawei <code>x</code> ZTE</p>');
    expect(runsOf(root)).toEqual(['Alibaba Cloud and Jack Ma', 'Jack', 'Ma', 'Huawei ', ' ZTE']);
  });

  it('never enters skipped or editable subtrees', () => {
    const root = body('<p>one</p><script>Alibaba</script><div contenteditable>Huawei</div><div contenteditable="false">ZTE</div><svg><text>AWS</text></svg>');
    expect(runsOf(root)).toEqual(['one', 'ZTE']);
  });

  it('resumes where it paused, and reads the subtree again when the page took out the node it stood on', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p>paragraph ${i}</p>`).join('');
    const root = body(paragraphs);
    const texts: string[] = [];
    const walker = new TextRunWalker(root);
    expect(walker.collect((run) => texts.push(run.text), () => true)).toBe(false);
    const readSoFar = texts.length;
    expect(readSoFar).toBeGreaterThan(0);
    expect(readSoFar).toBeLessThan(200);
    // Resuming untouched carries on without repeating or missing anything.
    const untouched = new TextRunWalker(body(paragraphs));
    const all: string[] = [];
    while (!untouched.collect((run) => all.push(run.text), () => true));
    expect(all).toEqual(Array.from({ length: 200 }, (_, i) => `paragraph ${i}`));

    // The page removes everything the walk had not read yet.
    const paragraphElements = [...(root as unknown as Element).children];
    for (const element of paragraphElements.slice(readSoFar - 1)) element.remove();
    expect(walker.collect((run) => texts.push(run.text))).toBe(true);
    expect(walker.lost).toBe(true);
  });
});
