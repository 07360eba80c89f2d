import type { KnowledgeBase } from '../knowledge/types';
import type { MentionMatcher } from '../matching/mention-matcher';
import type { PageMention } from '../page/page-mentions';
import { isAliasIgnored } from '../settings/settings';
import { updateSettings } from '../settings/storage';

export type Undo = () => Promise<void>;

/**
 * What the card's one-click buttons change. Each writes the settings, so the choice is
 * remembered, listed in options (where it can be undone) and applied at once to every
 * open tab, this one included, through the settings watcher.
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

export function settingsActions(kb: KnowledgeBase, matcher: MentionMatcher, site: string | undefined): CardActions {
  const aliasOf = (mention: PageMention) => matcher.aliases[mention.alias]!.rule.text;
  const showTopic = async (topicId: string) => {
    await updateSettings(kb, (settings) => {
      settings.disabledTopics = settings.disabledTopics.filter((id) => id !== topicId);
    });
  };
  return {
    site,
    aliasOf,
    async ignoreAliasHere(mention) {
      if (site === undefined) return null;
      const ignored = { site, entityId: mention.entityId, alias: aliasOf(mention) };
      await updateSettings(kb, (settings) => {
        if (!isAliasIgnored(site, ignored.entityId, ignored.alias, settings)) settings.ignoredAliases.push(ignored);
      });
      return async () => {
        await updateSettings(kb, (settings) => {
          settings.ignoredAliases = settings.ignoredAliases.filter(
            (item) => !(item.site === ignored.site && item.entityId === ignored.entityId && item.alias === ignored.alias),
          );
        });
      };
    },
    async hideTopic(topicId) {
      await updateSettings(kb, (settings) => {
        if (!settings.disabledTopics.includes(topicId)) settings.disabledTopics.push(topicId);
      });
      return () => showTopic(topicId);
    },
    showTopic,
  };
}
