import type { PageMention } from '../page/page-mentions';

export type Undo = () => Promise<void>;

/**
 * What the card's one-click buttons change: the card's contract, which the content script
 * fulfils with the settings (src/content/settings-actions.ts).
 */
export interface CardActions {
  /** The site the page belongs to ("Not this company here" applies to it). */
  readonly site: string | undefined;
  /** The alias text that fired for a mention. */
  aliasOf(mention: PageMention): string;
  /** "Not this company here": stop highlighting this alias of this entity on this site. */
  ignoreAliasHere(mention: PageMention): Promise<Undo | null>;
  /** "Hide this topic" everywhere. */
  hideTopic(topicId: string): Promise<Undo>;
  showTopic(topicId: string): Promise<void>;
}
