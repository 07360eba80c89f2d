import type { LocalSense, MatchableAlias } from './mention-matcher';

/** What deciding needs of a mention: whose it is, by which alias, and how its own neighbourhood reads it. */
export interface SensedMention {
  entityId: string;
  alias: number;
  sense: LocalSense;
}

/**
 * One sense per page ("one sense per discourse", a classic observation of word-sense
 * disambiguation): the mentions of a `pageSense` alias on one document are read together.
 * Evidence for our sense is each of its mentions that its own neighbourhood confirms, and
 * each mention of the same entity by another alias ("Microsoft Azure" for "Azure");
 * evidence against is each of its mentions that a phrase of the other sense rejects (the
 * folk tale's thieves around "Alibaba"). A mention with no evidence of its own takes the
 * page's sense: ours when the evidence for outweighs the evidence against, the other when
 * it is the other way round, and with neither (or a tie) the alias's own default: ours
 * unless it needs a `near` phrase. Local evidence always wins: a confirmed mention is shown
 * and a rejected one is not, whatever the page says.
 *
 * Returns the mentions to show, in their order: the page's whole set must be given (a
 * document with its shadow trees; each frame is a document of its own), and decided again
 * whenever it changes, so a mention first left out lights up when later content settles
 * its sense, and the other way round.
 */
export function settlePageSense<M extends SensedMention>(mentions: readonly M[], aliases: readonly MatchableAlias[]): M[] {
  if (mentions.every((mention) => mention.sense === 'ours')) return mentions as M[];

  /** For minus against, per `pageSense` alias; mentions by every other alias, per entity. */
  const balance = new Map<number, number>();
  const byOtherAliases = new Map<string, number>();
  for (const { entityId, alias, sense } of mentions) {
    if (aliases[alias]!.rule.pageSense) {
      balance.set(alias, (balance.get(alias) ?? 0) + (sense === 'ours' ? 1 : sense === 'other' ? -1 : 0));
    } else {
      byOtherAliases.set(entityId, (byOtherAliases.get(entityId) ?? 0) + 1);
    }
  }
  const ours = (alias: number, entityId: string): boolean => {
    const weight = (balance.get(alias) ?? 0) + (byOtherAliases.get(entityId) ?? 0);
    if (weight !== 0) return weight > 0;
    return !aliases[alias]!.rule.near?.length;
  };
  return mentions.filter((mention) => mention.sense === 'ours' || (mention.sense === 'open' && ours(mention.alias, mention.entityId)));
}
