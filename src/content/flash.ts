import type { PageMention } from '../page/page-mentions';
import type { MentionPainter } from '../page/painter';

/** A mention revealed from the popup blinks: off and on twice, 200 ms each, ending on. */
const FLASH_PHASES = 4;
const FLASH_PHASE_MS = 200;

/**
 * Blinks the active highlight of a revealed mention for about a second (steady with reduced
 * motion): the reader was looking at the popup, not the page. `openMention` says which mention
 * the card shows now: when the card closes or moves on, its own active state wins.
 */
export function mentionFlasher(painter: Pick<MentionPainter, 'setActive'>, openMention: () => PageMention | null, signal: AbortSignal): (mention: PageMention) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return (mention) => {
    clearTimeout(timer);
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    let phase = 0;
    const blink = () => {
      if (signal.aborted || openMention() !== mention) return;
      phase++;
      painter.setActive(phase % 2 === 1 ? null : mention);
      if (phase < FLASH_PHASES) timer = setTimeout(blink, FLASH_PHASE_MS);
    };
    timer = setTimeout(blink, FLASH_PHASE_MS);
  };
}
