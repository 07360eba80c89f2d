/**
 * Deterministic fake company names, for a knowledge base grown to 10,000 aliases and
 * for the generated news page. Same seed, same names: runs stay comparable.
 */

/** mulberry32: small, fast and good enough to pick words; Math.random cannot be seeded. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

// Syllables that make invented but pronounceable brand stems (a few European accents
// too, as a real international knowledge base would have: Sjöberg, Évora, Müller).
const HEADS = [
  'Nor', 'Vel', 'Cas', 'Bri', 'Quan', 'Zen', 'Ael', 'Ost', 'Tru', 'Mar', 'Pel', 'Dra', 'Kel', 'Sol', 'Ver', 'Lum',
  'Hal', 'Tor', 'Fen', 'Gal', 'Riv', 'Stra', 'Ambr', 'Cor', 'Bel', 'Mon', 'Sev', 'Tal', 'Ul', 'Xen', 'Yar', 'Év',
  'Brü', 'Sjö', 'Ardo', 'Cam', 'Dun', 'Eri', 'Fal', 'Gor', 'Hel', 'Ith', 'Jor', 'Kas', 'Lin', 'Mer', 'Nex', 'Orv',
  'Pra', 'Quor', 'Ros', 'Sim', 'Tes', 'Umb', 'Val', 'Wes', 'Zar', 'Cres', 'Vant', 'Alt',
];
const MIDDLES = ['a', 'e', 'i', 'o', 'u', 'an', 'en', 'ar', 'or', 'el', 'il', 'ex', 'on', 'ia', 'er', ''];
const TAILS = [
  'vex', 'tron', 'dia', 'lis', 'mont', 'gate', 'ford', 'field', 'nova', 'tek', 'via', 'ris', 'wick', 'stone',
  'bridge', 'line', 'sys', 'com', 'net', 'ora', 'ium', 'ant', 'berg', 'haven', 'dale', 'mark', 'point', 'core',
  'logic', 'crest', 'wave', 'ton', 'ville', 'scape', 'quest', 'ix',
];
const SECTORS = [
  'Holdings', 'Group', 'Systems', 'Technologies', 'Capital', 'Energy', 'Logistics', 'Pharma', 'Bank', 'Motors',
  'Networks', 'Labs', 'Foods', 'Media', 'Insurance', 'Semiconductor', 'Robotics', 'Airlines', 'Telecom',
  'Partners', 'Industries', 'Mining', 'Retail', 'Software', 'Biotech', 'Analytics', 'Securities', 'Steel',
  'Chemicals', 'Shipping', 'Cloud', 'Payments', 'Aerospace', 'Microsystems', 'Data',
];
const QUALIFIERS = ['Global', 'International', 'North', 'Pacific', 'United', 'First', 'Advanced', 'Digital', 'Atlantic', 'General'];

/** `count` distinct names such as "Velorateks Holdings", "Nexiaford", "Cresonline Global Partners". */
export function fakeCompanyNames(count: number, seed = 0xbac5): string[] {
  const random = seededRandom(seed);
  const names = new Set<string>();
  while (names.size < count) {
    const stem = pick(random, HEADS) + pick(random, MIDDLES) + pick(random, TAILS);
    const shape = random();
    let name: string;
    if (shape < 0.25) name = stem;
    else if (shape < 0.85) name = `${stem} ${pick(random, SECTORS)}`;
    else name = `${stem} ${pick(random, QUALIFIERS)} ${pick(random, SECTORS)}`;
    names.add(name);
  }
  return [...names];
}
