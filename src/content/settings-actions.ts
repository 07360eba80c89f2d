import type { CardActions } from '../card/card-actions';
import type { KnowledgeBase } from '../knowledge/types';
import type { MentionMatcher } from '../matching/mention-matcher';
import type { PageMention } from '../page/page-mentions';
import { isAliasIgnored } from '../settings/settings';
import { updateSettings } from '../settings/storage';

/**
 * The card's one-click actions, written to the settings: each choice is remembered, listed
 * in options (where it can be undone) and applied at once to every open tab, this one
 * included, through the settings watcher.
 */
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
