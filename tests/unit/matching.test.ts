import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import type { AliasRule } from '../../src/knowledge/types';
import { buildAutomaton, scanText, type Automaton } from '../../src/matching/automaton';
import { scriptOf } from '../../src/matching/fold';
import { MentionMatcher, type MatchableAlias } from '../../src/matching/mention-matcher';
import { settlePageSense } from '../../src/matching/page-sense';

/** A hand-built alias: case-sensitive and accent-insensitive unless told otherwise, as in knowledge.yaml. */
function alias(entityId: string, text: string, options: Partial<AliasRule> = {}): MatchableAlias {
  return { entityId, rule: { text, caseSensitive: true, accentSensitive: false, script: scriptOf(text), ...options } };
}

/** `[entityId, text as on the page]` for each mention, in order. */
function mentions(matcher: MentionMatcher, text: string, language?: string): Array<[string, string]> {
  return matcher.find(text, language).map((mention) => [mention.entityId, text.slice(mention.start, mention.end)]);
}

const bundled = MentionMatcher.forKnowledgeBase(knowledgeBase);
/** What the extension shows on a page holding only `text`: its mentions, their senses settled over the page. */
const shownInKb = (text: string, language?: string) => settlePageSense(bundled.find(text, language), bundled.aliases);
const inKb = (text: string, language?: string) => shownInKb(text, language).map((mention): [string, string] => [mention.entityId, text.slice(mention.start, mention.end)]);
const entitiesInKb = (text: string, language?: string) => shownInKb(text, language).map((m) => m.entityId);

describe('Unicode normalisation', () => {
  const matcher = new MentionMatcher([
    alias('pekin', 'Pékin'),
    alias('cafe', 'Café', { accentSensitive: true }),
    alias('dusseldorf', 'Du\u0308sseldorf'), // the alias itself written decomposed
  ]);

  it('matches an accented alias in composed (NFC) and decomposed (NFD) text', () => {
    expect(mentions(matcher, 'Les autorités de Pékin ont répondu.')).toEqual([['pekin', 'Pékin']]);
    expect(mentions(matcher, 'Les autorités de Pe\u0301kin ont répondu.')).toEqual([['pekin', 'Pe\u0301kin']]);
  });

  it('keeps a trailing combining accent inside the mention (NFD "Cafe\\u0301")', () => {
    expect(mentions(matcher, 'Le Cafe\u0301 de Flore')).toEqual([['cafe', 'Cafe\u0301']]);
    expect(mentions(matcher, 'Le Café de Flore')).toEqual([['cafe', 'Café']]);
  });

  it('matches an alias written in NFD against NFC text', () => {
    expect(mentions(matcher, 'Flights to Düsseldorf resumed.')).toEqual([['dusseldorf', 'Düsseldorf']]);
  });

  it('ignores accents unless the alias is accent-sensitive (Pékin / Pekin)', () => {
    expect(mentions(matcher, 'Officials in Pekin said no.')).toEqual([['pekin', 'Pekin']]);
    expect(mentions(matcher, 'Un Cafe sans accent')).toEqual([]);
  });

  it('folds case only where the alias is case-insensitive', () => {
    const cased = new MentionMatcher([alias('alibaba', 'Alibaba'), alias('alicloud', 'AliCloud', { caseSensitive: false })]);
    expect(mentions(cased, 'ALIBABA and alibaba are not Alibaba.')).toEqual([['alibaba', 'Alibaba']]);
    expect(mentions(cased, 'ALICLOUD, alicloud, Alicloud')).toEqual([
      ['alicloud', 'ALICLOUD'],
      ['alicloud', 'alicloud'],
      ['alicloud', 'Alicloud'],
    ]);
    expect(entitiesInKb('aws, Aws and AWS')).toEqual(['aws']);
    expect(entitiesInKb('Resellers sell alicloud and ALICLOUD credits')).toEqual(['alibaba-cloud', 'alibaba-cloud']);
  });

  it('treats typographic apostrophes and hyphens as their plain forms', () => {
    const matcher = new MentionMatcher([alias('oflaherty', "O'Flaherty"), alias('sino', 'Sino-American')]);
    for (const apostrophe of ["'", '\u2019', '\u2018', '\u02bc']) {
      expect(mentions(matcher, `a novel by Liam O${apostrophe}Flaherty`)).toEqual([['oflaherty', `O${apostrophe}Flaherty`]]);
    }
    for (const hyphen of ['-', '\u2010', '\u2011', '\u2013', '\u2212']) {
      expect(mentions(matcher, `the Sino${hyphen}American talks`)).toEqual([['sino', `Sino${hyphen}American`]]);
    }
  });

  it('reads non-breaking spaces, tabs and line breaks inside a multiword alias as one space', () => {
    expect(inKb('Alibaba\u00a0Cloud opened')).toEqual([['alibaba-cloud', 'Alibaba\u00a0Cloud']]);
    expect(inKb('founder Jack\nMa said')).toEqual([['jack-ma', 'Jack\nMa']]);
    expect(inKb('founder Jack\r\n   Ma said')).toEqual([['jack-ma', 'Jack\r\n   Ma']]);
    expect(inKb('Jack\u202fMa and Amazon  Web\tServices')).toEqual([
      ['jack-ma', 'Jack\u202fMa'],
      ['aws', 'Amazon  Web\tServices'],
    ]);
  });

  it('skips soft hyphens and zero-width characters inside a name', () => {
    expect(inKb('Ali\u00adbaba and Hua\u200bwei')).toEqual([
      ['alibaba-group', 'Ali\u00adbaba'],
      ['huawei', 'Hua\u200bwei'],
    ]);
  });
});

describe('word boundaries', () => {
  it('never matches a Latin alias inside a longer word', () => {
    expect(inKb('the next Alibabas of Africa')).toEqual([]);
    expect(inKb('sensors from ZTEK and AWSome swag, HuaweiCloudFans forum')).toEqual([]);
    expect(inKb('model ZTE5G and AWS3000, xAWS')).toEqual([]);
    expect(inKb('Les AWSé et les Alibabaé')).toEqual([]);
  });

  it('matches next to punctuation, hyphens and digits that are not part of the name', () => {
    expect(entitiesInKb('Alibaba-backed start-ups; (AWS) and AWS/Azure cloud deals.')).toEqual([
      'alibaba-group',
      'aws',
      'aws',
      'microsoft-azure',
    ]);
    expect(entitiesInKb('Alibaba.com, "Huawei", ZTE: 5G')).toEqual(['alibaba-group', 'huawei', 'zte']);
  });

  it('needs no boundary around a CJK alias', () => {
    expect(inKb('他在阿里巴巴工作了十年。')).toEqual([['alibaba-group', '阿里巴巴']]);
    expect(inKb('阿里云与华为云竞争')).toEqual([
      ['alibaba-cloud', '阿里云'],
      ['huawei', '华为'],
    ]);
  });

  it('matches CJK aliases with characters outside the BMP (𠮷野家)', () => {
    const matcher = new MentionMatcher([alias('yoshinoya', '𠮷野家'), alias('other', '野村')]);
    expect(mentions(matcher, '昨日は𠮷野家で食べた。野村さんも。')).toEqual([
      ['yoshinoya', '𠮷野家'],
      ['other', '野村'],
    ]);
  });

  it('treats CJK characters as boundaries for Latin aliases', () => {
    expect(inKb('使用AWS服务和Azure云平台')).toEqual([
      ['aws', 'AWS'],
      ['microsoft-azure', 'Azure'],
    ]);
  });
});

describe('possessives and elisions', () => {
  it('matches English possessives, without the possessive in the mention', () => {
    expect(inKb("Alibaba's results, Alibaba’s shares, AWS’ margins and Huawei's phones")).toEqual([
      ['alibaba-group', 'Alibaba'],
      ['alibaba-group', 'Alibaba'],
      ['aws', 'AWS'],
      ['huawei', 'Huawei'],
    ]);
  });

  it('matches after French elisions', () => {
    expect(inKb("les clients d’Aliyun, l'Alibaba de 2015, qu'Amazon Web Services perde, jusqu’à AWS", 'fr')).toEqual([
      ['alibaba-cloud', 'Aliyun'],
      ['alibaba-group', 'Alibaba'],
      ['aws', 'Amazon Web Services'],
      ['aws', 'AWS'],
    ]);
  });

  it("does not count a possessive as a context word (\"Alibaba's forty...\")", () => {
    const matcher = new MentionMatcher([alias('x', 'Acme', { notFollowedBy: ['s'] })]);
    expect(mentions(matcher, "Acme's results")).toEqual([['x', 'Acme']]);
  });
});

describe('leftmost-longest', () => {
  it('reads "Alibaba Cloud" as one mention of alibaba-cloud, not also alibaba-group', () => {
    expect(inKb('Alibaba Cloud said')).toEqual([['alibaba-cloud', 'Alibaba Cloud']]);
    expect(inKb('Alibaba Group Holding Ltd')).toEqual([['alibaba-group', 'Alibaba Group Holding']]);
    expect(inKb('Microsoft Azure and Google Cloud Platform')).toEqual([
      ['microsoft-azure', 'Microsoft Azure'],
      ['google-cloud', 'Google Cloud Platform'],
    ]);
  });

  it('reads "Amazon Web Services (AWS)" as two mentions', () => {
    expect(inKb('Amazon Web Services (AWS) leads')).toEqual([
      ['aws', 'Amazon Web Services'],
      ['aws', 'AWS'],
    ]);
  });

  it('prefers the leftmost of overlapping candidates, then the longest', () => {
    const matcher = new MentionMatcher([alias('a', 'New York'), alias('b', 'York Times'), alias('c', 'New York Times')]);
    expect(mentions(matcher, 'The New York Times and the York Times')).toEqual([
      ['c', 'New York Times'],
      ['b', 'York Times'],
    ]);
    const shifted = new MentionMatcher([alias('a', 'New York'), alias('b', 'York Times')]);
    expect(mentions(shifted, 'New York Times')).toEqual([['a', 'New York']]);
  });

  it('falls back to the shorter alias when a rule rejects the longer one', () => {
    const matcher = new MentionMatcher([alias('group', 'Acme'), alias('cloud', 'Acme Cloud', { notFollowedBy: ['Print'] })]);
    expect(mentions(matcher, 'Acme Cloud Print closed')).toEqual([['group', 'Acme']]);
    expect(mentions(matcher, 'Acme Cloud grew')).toEqual([['cloud', 'Acme Cloud']]);
  });

  it('reports two entities sharing one alias text only once (the first alias wins)', () => {
    const matcher = new MentionMatcher([alias('first', 'Mercury', { near: ['planet'] }), alias('second', 'Mercury', { near: ['singer'] })]);
    expect(mentions(matcher, 'the planet Mercury')).toEqual([['first', 'Mercury']]);
    expect(mentions(matcher, 'the singer Freddie Mercury')).toEqual([['second', 'Mercury']]);
  });
});

describe('context rules, one mechanism for all data', () => {
  it('notFollowedBy: rejects a name glued to the phrase, not one past punctuation', () => {
    const matcher = new MentionMatcher([alias('pub', 'The Information', { notFollowedBy: ['commissioner'] })]);
    expect(mentions(matcher, 'The Information Commissioner said')).toEqual([]);
    expect(mentions(matcher, 'The Information Commissioner’s Office said')).toEqual([]);
    expect(mentions(matcher, 'According to The Information, commissioners met')).toEqual([['pub', 'The Information']]);
  });

  it('notPrecededBy: rejects a name right after the phrase', () => {
    const matcher = new MentionMatcher([alias('cloud', 'Azure', { notPrecededBy: ['per pale'] })]);
    expect(mentions(matcher, 'Per pale Azure and Gules')).toEqual([]);
    expect(mentions(matcher, 'paid per pale, Azure said')).toEqual([['cloud', 'Azure']]);
  });

  it('notNear and near: look `within` words on both sides', () => {
    const matcher = new MentionMatcher([
      alias('tale', 'Alibaba', { notNear: ['thieves'], within: 3 }),
      alias('zte', '中兴', { near: ['华为'] }),
    ]);
    expect(mentions(matcher, 'Alibaba met the thieves')).toEqual([]);
    expect(mentions(matcher, 'the thieves met Alibaba')).toEqual([]);
    expect(mentions(matcher, 'Alibaba said on Tuesday, unlike the thieves')).toEqual([['tale', 'Alibaba']]);
    expect(mentions(matcher, '中兴、华为等企业')).toEqual([['zte', '中兴']]);
    expect(mentions(matcher, '光武中兴是历史事件')).toEqual([]);
  });

  it('counts each CJK character as a word, so phrases are found in unspaced text', () => {
    const matcher = new MentionMatcher([alias('alibaba', '阿里巴巴', { notFollowedBy: ['与四十大盗'] })]);
    expect(mentions(matcher, '阿里巴巴与四十大盗的故事')).toEqual([]);
    expect(mentions(matcher, '阿里巴巴与腾讯竞争')).toEqual([['alibaba', '阿里巴巴']]);
  });

  it('matches a phrase word written with a capital only with that capital', () => {
    const matcher = new MentionMatcher([alias('cloud', 'Azure', { notNear: ['Argent', 'gules'] })]);
    expect(mentions(matcher, 'Azure, a saltire Argent')).toEqual([]);
    expect(mentions(matcher, "L'argent qu'Azure rapporte", 'fr')).toEqual([['cloud', 'Azure']]);
    expect(mentions(matcher, 'Azure and GULES')).toEqual([]);
  });

  it('ignores accents in phrases (sésame / Sesame)', () => {
    const matcher = new MentionMatcher([alias('x', 'Alibaba', { notNear: ['sésame ouvre-toi'] })]);
    expect(mentions(matcher, '« Sesame, ouvre-toi ! » cria Alibaba')).toEqual([]);
  });

  it('languages: applies an alias only on pages in its languages, or when the language is unknown', () => {
    const matcher = new MentionMatcher([alias('pub', 'The Informer', { languages: ['fr'] })]);
    expect(mentions(matcher, 'selon The Informer', 'fr')).toEqual([['pub', 'The Informer']]);
    expect(mentions(matcher, 'selon The Informer', 'fr-CA')).toEqual([['pub', 'The Informer']]);
    expect(mentions(matcher, "John Ford's The Informer", 'en')).toEqual([]);
    expect(mentions(matcher, 'The Informer')).toEqual([['pub', 'The Informer']]);
  });
});

describe('traps in the bundled knowledge base, and genuine mentions beside them', () => {
  it('heraldic "Azure" is not Microsoft Azure', () => {
    expect(inKb('The blazon reads: Azure, a lion rampant Or, armed and langued Gules.', 'en')).toEqual([]);
    expect(inKb('The parish bears Per pale Azure and Gules, a fess wavy Argent.', 'en')).toEqual([]);
    expect(inKb('The Scrope family bore Azure, a bend Or.', 'en')).toEqual([]);
    expect(inKb('En héraldique anglaise, on écrirait « Azure, three fleurs-de-lis Or ».', 'fr')).toEqual([]);
    expect(inKb('The Nova Scotia flag is Argent, a saltire Azure; the province chose Azure to host its digital services.', 'en'))
      .toEqual([]); // a blazon in the same sentence wins: precision first
    expect(inKb('La province a choisi Azure pour héberger ses services numériques.', 'fr')).toEqual([['microsoft-azure', 'Azure']]);
  });

  it('the colour "Azure" is not Microsoft Azure', () => {
    expect(inKb('Divers explore the arch beneath Azure waters, under an Azure sky.', 'en')).toEqual([]);
    expect(inKb('Azure is a bright, cyan-blue colour named after lapis lazuli.', 'en')).toEqual([]);
    expect(inKb('Our linen shirt now comes in Azure, Coral and Ivory.', 'en')).toEqual([]);
    expect(inKb('L’Azuré du serpolet, un papillon bleu azur, a disparu de la Côte d’Azur.', 'fr')).toEqual([]);
  });

  it('genuine Azure mentions still match, in English and French', () => {
    expect(inKb('Microsoft said Azure revenue grew 33%, ahead of AWS.', 'en')).toEqual([
      ['microsoft-azure', 'Azure'],
      ['aws', 'AWS'],
    ]);
    expect(inKb('Azure outage disrupts Teams across Europe', 'en')).toEqual([['microsoft-azure', 'Azure']]);
    expect(inKb('Le chiffre d’affaires d’Azure a progressé de 33 %.', 'fr')).toEqual([['microsoft-azure', 'Azure']]);
    expect(inKb('À Nice, sur la Côte d’Azur, un centre de données Azure ouvrira.', 'fr')).toEqual([['microsoft-azure', 'Azure']]);
  });

  it('the folk tale is not Alibaba Group', () => {
    expect(inKb('This year’s pantomime is Alibaba and the Forty Thieves.', 'en')).toEqual([]);
    expect(inKb('Danny Hughes plays Alibaba, the poor woodcutter.', 'en')).toEqual([]);
    expect(inKb('Dans cette version, Alibaba et les quarante voleurs se poursuivent.', 'fr')).toEqual([]);
    expect(inKb('Le film Alibaba et les 40 voleurs est rediffusé.', 'fr')).toEqual([]);
    expect(inKb('Ali Baba et les Quarante Voleurs ; Ali Baba’s cave', 'fr')).toEqual([]);
    expect(inKb('《阿里巴巴与四十大盗》是最著名的故事之一。', 'zh')).toEqual([]);
  });

  it('the company named after the tale is still Alibaba', () => {
    expect(entitiesInKb('Jack Ma named his company Alibaba after the tale of Ali Baba and the Forty Thieves.', 'en')).toEqual([
      'jack-ma',
      'alibaba-group',
    ]);
    expect(entitiesInKb('Le nom Alibaba, emprunté au conte Ali Baba et les quarante voleurs, a plu.', 'fr')).toEqual([
      'alibaba-group',
    ]);
  });

  it('"The Information Commissioner\'s Office" and other "The Information …" are not the publication', () => {
    expect(inKb("The Information Commissioner's Office fined the retailer.", 'en')).toEqual([]);
    expect(inKb('The Information Commissioner’s deputy said; The Information Age; The Information Tribunal.', 'en')).toEqual([]);
    expect(inKb('The Information and Privacy Commissioner of Ontario opened an inquiry.', 'en')).toEqual([]);
    expect(inKb('How To Protect The Information On Your Phone', 'en')).toEqual([]);
    expect(inKb("L’Information Commissioner’s Office (ICO) a infligé une amende.", 'fr')).toEqual([]);
    expect(inKb('The Information by James Gleick traces the idea of information.', 'en')).toEqual([]);
  });

  it('the publication still matches, possessive included', () => {
    expect(inKb('The Information reported on Tuesday that OpenAI is raising money.', 'en')).toEqual([
      ['the-information', 'The Information'],
    ]);
    expect(inKb('The Information’s reporters obtained emails.', 'en')).toEqual([['the-information', 'The Information']]);
    expect(inKb('Selon The Information, qui cite trois sources.', 'fr')).toEqual([['the-information', 'The Information']]);
    expect(inKb('The Information Reports Alibaba Cuts Cloud Plans', 'en')).toEqual([
      ['the-information', 'The Information'],
      ['alibaba-group', 'Alibaba'],
    ]);
  });

  it('"The Informer" is The Information on French pages only, and never the film', () => {
    expect(inKb('Selon The Informer, Alibaba aurait gelé son expansion.', 'fr')).toEqual([
      ['the-information', 'The Informer'],
      ['alibaba-group', 'Alibaba'],
    ]);
    expect(inKb('John Ford’s The Informer won four Academy Awards.', 'en')).toEqual([]);
    expect(inKb('La Cinémathèque projette The Informer, le film de John Ford.', 'fr')).toEqual([]);
  });

  it('other people named Ma are not Jack Ma', () => {
    expect(inKb('Ma Huateng, better known as Pony Ma, founded Tencent. Ma, 51, is richer.', 'en')).toEqual([]);
    expect(inKb('Yo-Yo Ma played Bach; Ma Ying-jeou and Ma Long attended.', 'en')).toEqual([]);
    expect(inKb('Ma mère disait que Yo-Yo Ma jouait à Paris.', 'fr')).toEqual([]);
    expect(inKb('Jack Ma, known in China as Ma Yun (马云), co-founded Alibaba.', 'en')).toEqual([
      ['jack-ma', 'Jack Ma'],
      ['jack-ma', 'Ma Yun'],
      ['jack-ma', '马云'],
      ['alibaba-group', 'Alibaba'],
    ]);
  });

  it('the Amazon river and Google search are not our entities', () => {
    expect(inKb('The Amazon river at Manaus fell to its lowest level; the Amazon rainforest burns.', 'en')).toEqual([]);
    expect(inKb('Le niveau de l’Amazone n’a jamais été aussi bas.', 'fr')).toEqual([]);
    expect(inKb('Google search handles 90% of queries; la recherche Google domine.', 'en')).toEqual([]);
    expect(inKb('Google Cloud Print and Google Cloud Messaging were discontinued.', 'en')).toEqual([]);
    expect(inKb('Amazon Web Services will fund satellite monitoring of the Amazon basin.', 'en')).toEqual([
      ['aws', 'Amazon Web Services'],
    ]);
    expect(inKb('The ruling does not affect Google Cloud, which competes with AWS.', 'en')).toEqual([
      ['google-cloud', 'Google Cloud'],
      ['aws', 'AWS'],
    ]);
  });

  it('other AWS, GCP and "trump administration" are not ours', () => {
    expect(inKb('Inspectors work to AWS D1.1, the code of the American Welding Society.', 'en')).toEqual([]);
    expect(inKb('Les données des AWS sont transmises toutes les dix minutes.', 'fr')).toEqual([]);
    expect(inKb('Breaches of Good Clinical Practice (GCP) were found in the clinical trial.', 'en')).toEqual([]);
    expect(inKb('Concerns about jobs trump administration arguments.', 'en')).toEqual([]);
    expect(inKb('The Trump administration and Trump’s administration', 'en')).toEqual([
      ['trump-administration', 'Trump administration'],
      ['trump-administration', 'Trump’s administration'],
    ]);
    expect(inKb("L’administration Trump a ajouté Huawei et ZTE à sa liste.", 'fr')).toEqual([
      ['trump-administration', 'administration Trump'],
      ['huawei', 'Huawei'],
      ['zte', 'ZTE'],
    ]);
  });
});

describe('the automaton', () => {
  it('reports every occurrence, overlapping ones included, with offsets in the original text', () => {
    const automaton = buildAutomaton(['he', 'she', 'his', 'hers']);
    const found: Array<[number, number, number]> = [];
    scanText(automaton, 'ushers', (pattern, start, end) => found.push([pattern, start, end]));
    expect(found).toEqual([
      [1, 1, 4],
      [0, 2, 4],
      [3, 2, 6],
    ]);
  });

  it('maps offsets back across collapsed spaces and skipped characters', () => {
    const automaton = buildAutomaton(['Jack Ma']);
    const found: Array<[number, number]> = [];
    const text = 'x  J\u00adack \n\t Ma!';
    scanText(automaton, text, (_pattern, start, end) => found.push([start, end]));
    expect(found).toEqual([[3, 14]]);
    expect(text.slice(3, 14)).toBe('J\u00adack \n\t Ma');
  });

  it('rejects an empty or over-long pattern', () => {
    expect(() => buildAutomaton([' '])).toThrow(/pattern length/);
    expect(() => buildAutomaton(['x'.repeat(300)])).toThrow(/pattern length/);
  });

  const generatedNames = (count: number): string[] => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const syllables = ['al', 'be', 'cor', 'dan', 'el', 'fi', 'gor', 'ha', 'in', 'jo', 'ka', 'lu', 'mo', 'nor', 'os', 'pa', 'qui', 'ro', 'sa', 'tri', 'um', 've', 'wa', 'xi', 'yo', 'zé'];
    const word = () => {
      let text = '';
      for (let i = 2 + Math.floor(random() * 3); i > 0; i--) text += syllables[Math.floor(random() * syllables.length)];
      return text.charAt(0).toUpperCase() + text.slice(1);
    };
    const names = new Set<string>();
    while (names.size < count) names.add(random() < 0.5 ? word() : `${word()} ${word()}`);
    return [...names];
  };

  /** An automaton whose transition tables count their reads: the scan's whole per-character work. */
  function countingReads(automaton: Automaton): { automaton: Automaton; reads: () => number } {
    let reads = 0;
    const counted = <Table extends object>(table: Table): Table =>
      new Proxy(table, {
        get(target, key) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key);
        },
      });
    const { rowOf, rows, firstChild, nextSibling, edgeClass, failure } = automaton;
    return {
      automaton: {
        ...automaton,
        rowOf: counted(rowOf),
        rows: counted(rows),
        firstChild: counted(firstChild),
        nextSibling: counted(nextSibling),
        edgeClass: counted(edgeClass),
        failure: counted(failure),
      },
      reads: () => reads,
    };
  }

  it('reads a few table entries per character whatever the number of aliases', () => {
    const names = generatedNames(10_000);
    const prose = `Today ${names[17]} met ${names[9_999]}, and Alibaba Cloud signed with ${names[4_242]}. `.repeat(20);
    // The hardest text for a large automaton: its own aliases run together, every character a step deeper or a failure.
    const aliasesOnly = names.slice(0, 500).join('');
    for (const patterns of [['Alibaba', 'Alibaba Cloud', 'AWS'], names.slice(0, 1_000), [...names, 'Alibaba', 'Alibaba Cloud', 'AWS']]) {
      const automaton = buildAutomaton(patterns);
      for (const text of [prose, aliasesOnly]) {
        const counting = countingReads(automaton);
        scanText(counting.automaton, text, () => {});
        // Two reads in a state with a full row, a few more in one without (it has few
        // children to look through); failure steps add at most one state per character overall.
        expect(counting.reads(), `${patterns.length} aliases`).toBeLessThanOrEqual(6 * text.length);
      }
    }
  });

  it('builds a matcher of 10,000 generated aliases that finds each of them, and only them', () => {
    const names = generatedNames(10_000);
    const matcher = new MentionMatcher(names.map((name, i) => alias(`e${i}`, name)));
    for (const i of [0, 1, 777, 5_000, 9_998, 9_999]) {
      const found = matcher.find(`Shares of ${names[i]} rose; ${names[i]}’s rivals fell.`);
      expect(found.map((mention) => mention.entityId)).toEqual([`e${i}`, `e${i}`]);
    }
    expect(matcher.find(`x${names[3]}x and ${names[3]!.toUpperCase()}`)).toEqual([]);
  });
});

describe('one sense per page (pageSense)', () => {
  const matcher = new MentionMatcher([
    alias('azure', 'Azure', { pageSense: true, near: ['cloud'], notNear: ['heraldry'], within: 4 }),
    alias('azure', 'Microsoft Azure'),
    alias('alibaba', 'Alibaba', { pageSense: true, notNear: ['thieves'], cues: ['shares'], within: 3 }),
  ]);
  /** The texts shown on a page holding `parts`, far enough apart that no window reaches from one to the next. */
  const page = (...parts: string[]) => parts.join(' and then one two three four five six seven. ');
  const shown = (...parts: string[]) => {
    const text = page(...parts);
    return settlePageSense(matcher.find(text), matcher.aliases).map((mention) => text.slice(mention.start, mention.end));
  };

  it('reads each mention’s own neighbourhood: confirmed, rejected, or open', () => {
    const text = page('Azure cloud prices', 'Azure heraldry books', 'A quiet Azure');
    expect(matcher.find(text).map((mention) => mention.sense)).toEqual(['ours', 'other', 'open']);
  });

  it('gives an open mention the page’s sense: ours where the page confirms it, by another alias too', () => {
    expect(shown('Azure')).toEqual([]); // needs `near`, and nothing on the page settles it
    expect(shown('Azure', 'more about the Azure cloud')).toEqual(['Azure', 'Azure']);
    expect(shown('Azure', 'We moved to Microsoft Azure')).toEqual(['Azure', 'Microsoft Azure']);
  });

  it('gives an open mention the other sense where the page rejects the name more than it confirms it', () => {
    expect(shown('Alibaba')).toEqual(['Alibaba']); // no `near`: ours unless the page says otherwise
    expect(shown('Alibaba', 'the forty thieves of Alibaba')).toEqual([]);
    // Two confirmations outweigh one rejection: the open mention is the company again.
    expect(shown('Alibaba', 'the forty thieves of Alibaba', 'Alibaba shares rose', 'Alibaba shares fell')).toEqual(['Alibaba', 'Alibaba', 'Alibaba']);
  });

  it('lets local evidence win over the page’s: a rejected mention is never shown, a confirmed one always', () => {
    expect(shown('Microsoft Azure', 'Microsoft Azure', 'the Azure heraldry')).toEqual(['Microsoft Azure', 'Microsoft Azure']);
    expect(shown('thieves of Alibaba', 'thieves of Alibaba', 'Alibaba shares')).toEqual(['Alibaba']);
  });

  it('decides each alias apart, and leaves aliases without pageSense as they were', () => {
    expect(shown('the forty thieves of Alibaba', 'Alibaba', 'Microsoft Azure')).toEqual(['Microsoft Azure']);
    const text = page('the forty thieves of Alibaba', 'Alibaba', 'Microsoft Azure');
    expect(matcher.find(text).filter((mention) => mention.alias === 1).map((mention) => mention.sense)).toEqual(['ours']);
  });
});

describe('names in capitals (allCaps)', () => {
  it('matches a proper name set all in capitals, where the alias allows it', () => {
    expect(inKb('ALIBABA PUTS ITS US CLOUD PUSH ON HOLD')).toEqual([['alibaba-group', 'ALIBABA']]);
    expect(inKb('Le groupe ALIBABA et la filiale d’ALIBABA CLOUD', 'fr')).toEqual([['alibaba-group', 'ALIBABA'], ['alibaba-cloud', 'ALIBABA CLOUD']]);
    expect(inKb('HUAWEI AND ZTE UNDER PRESSURE; JACK MA SILENT')).toEqual([['huawei', 'HUAWEI'], ['zte', 'ZTE'], ['jack-ma', 'JACK MA']]);
  });

  it('never for a name made of ordinary words, nor one a colour spells', () => {
    expect(inKb('THE INFORMATION ON THIS PAGE IS PROVIDED AS IS')).toEqual([]);
    expect(inKb('AZURE SKIES OVER THE BAY')).toEqual([]);
    expect(inKb('THE TRUMP ADMINISTRATION')).toEqual([]);
  });

  it('matches capitals only in full: a name half in capitals is still not the name', () => {
    expect(inKb('ALIbaba and HUAwei')).toEqual([]);
  });
});
