import type { KnowledgeBase } from '../../src/knowledge/types';
import { fakeCompanyNames, pick, seededRandom } from './fake-companies';

/**
 * A long news page (a "latest stories" feed after much infinite scrolling): many
 * <article>s of ordinary business prose that names the knowledge base's companies here
 * and there, sometimes across inline elements (`Alibaba <b>Cloud</b>`), among many
 * companies we do not know. Deterministic, so that runs compare.
 */
export function newsPage(kb: Pick<KnowledgeBase, 'entities'>, targetBytes = 5_000_000, seed = 0x5eed): string {
  const random = seededRandom(seed);
  // Names as a journalist writes them: the case-sensitive Latin aliases, as spelled in the KB.
  const known = kb.entities.flatMap((entity) => entity.aliases.filter((alias) => alias.script === 'latin').map((alias) => alias.text));
  const others = fakeCompanyNames(400, seed);

  const organisation = (): string => {
    if (known.length === 0 || random() > 0.12) return pick(random, others);
    const name = pick(random, known);
    const words = name.split(' ');
    const shape = random();
    // Links and emphasis around or inside names, as news sites mark them up.
    if (shape < 0.25) return `<a href="/topic/${encodeURIComponent(name)}">${name}</a>`;
    if (shape < 0.35 && words.length > 1) return `${words[0]} <b>${words.slice(1).join(' ')}</b>`;
    return name;
  };
  const fills: Record<string, () => string> = {
    org: organisation,
    place: () => pick(random, PLACES),
    person: () => `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`,
    noun: () => pick(random, NOUNS),
    adj: () => pick(random, ADJECTIVES),
    verb: () => pick(random, VERBS),
    day: () => pick(random, DAYS),
    pct: () => `${(random() * 12).toFixed(1)} per cent`,
    money: () => `$${(1 + random() * 90).toFixed(1)} billion`,
    number: () => String(Math.floor(100 + random() * 9000)),
  };
  const sentence = () => pick(random, SENTENCES).replace(/\{(\w+)\}/g, (_, slot: string) => fills[slot]!());
  const paragraph = () => `<p>${Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ')}</p>`;

  const parts: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Ledger — Technology and business, latest</title>',
    '<style>body{font:17px/1.55 Georgia,serif;max-width:44em;margin:0 auto;padding:0 1em}article{border-top:1px solid #ccc}</style>',
    '</head><body><header><h1>The Ledger</h1><nav><ul>',
    ...SECTIONS.map((section) => `<li><a href="/${section.toLowerCase()}">${section}</a></li>`),
    '</ul></nav></header><main>',
  ];
  let bytes = parts.join('').length;
  for (let index = 1; bytes < targetBytes; index++) {
    const article = [
      `<article id="story-${index}"><h2><a href="/story/${index}">${sentence().replace(/<[^>]+>/g, '').slice(0, 90)}</a></h2>`,
      `<p class="byline">By <span class="author">${fills.person!()}</span> · <time datetime="2025-11-${String(1 + (index % 28)).padStart(2, '0')}">${fills.day!()}</time></p>`,
      ...Array.from({ length: 4 + Math.floor(random() * 6) }, paragraph),
      random() < 0.4 ? `<figure><img alt="" src="/img/${index}.jpg" width="640" height="360"><figcaption>${sentence()}</figcaption></figure>` : '',
      random() < 0.3 ? `<blockquote><p>“${sentence()}”</p></blockquote>` : '',
      `<aside><h3>Related</h3><ul>${Array.from({ length: 3 }, () => `<li><a href="/story/${Math.floor(random() * index) + 1}">${sentence()}</a></li>`).join('')}</ul></aside>`,
      '</article>',
    ].join('');
    parts.push(article);
    bytes += article.length;
  }
  parts.push('</main><footer><p>© The Ledger. All rights reserved.</p></footer></body></html>');
  return parts.join('');
}

const SECTIONS = ['World', 'Business', 'Technology', 'Markets', 'Policy', 'Science', 'Opinion'];
const SENTENCES = [
  '{org} said on {day} it would {verb} its {noun} business in {place}.',
  'Analysts at {org} expect {noun} spending to grow by {pct} next year.',
  '{person}, a spokesperson for {org}, declined to comment on the {noun} deal.',
  'Shares of {org} rose {pct} in {place} trading after the {noun} announcement.',
  'The {adj} {noun} market is worth an estimated {money}, according to {org}.',
  'Regulators in {place} have opened an inquiry into the {noun} practices of {org}.',
  '{org} and {org} signed a {noun} agreement worth {money}.',
  'In a statement, {org} said the {adj} {noun} plan would create {number} jobs in {place}.',
  '“We are not in a hurry,” said {person}, who leads the {noun} unit at {org}.',
  'The move puts {org} in direct competition with {org} in {place}.',
  'Critics say the {adj} {noun} rules favour large groups such as {org}.',
  'Last quarter, revenue from {noun} at {org} fell {pct} to {money}.',
  '{person} told reporters in {place} that the {noun} talks with {org} had stalled.',
  'The deal, first reported on {day}, still needs approval from regulators in {place}.',
  'Customers of {org} complained about {adj} {noun} prices for the third month in a row.',
];
const PLACES = ['Beijing', 'Shanghai', 'Hangzhou', 'Shenzhen', 'Seattle', 'Brussels', 'London', 'Paris', 'Frankfurt', 'Singapore', 'Tokyo', 'São Paulo', 'Washington', 'Dublin', 'Bangalore', 'Nairobi'];
const FIRST_NAMES = ['Anna', 'Wei', 'James', 'Chloé', 'Rahul', 'Maria', 'Kenji', 'Fatima', 'Lucas', 'Olivia', 'Chen', 'Sofia', 'David', 'Amara', 'Hugo'];
const LAST_NAMES = ['Schmidt', 'Zhang', 'Okafor', 'Dubois', 'Patel', 'García', 'Tanaka', 'Haddad', 'Silva', 'Brown', 'Liu', 'Rossi', 'Cohen', 'Mensah', 'Lefèvre'];
const NOUNS = ['cloud', 'chip', 'data centre', 'payments', 'logistics', 'advertising', 'e-commerce', 'streaming', 'satellite', 'battery', 'software', 'telecoms', 'AI', 'security', 'retail'];
const ADJECTIVES = ['global', 'regional', 'fast-growing', 'crowded', 'lucrative', 'troubled', 'new', 'domestic', 'European', 'Asian'];
const VERBS = ['expand', 'sell', 'restructure', 'spin off', 'close', 'invest in', 'review', 'double'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
