// Word lists for synthetic articles. The text is nonsense with the shape of
// news copy: the parser and renderer only care about its structure and length.

export const CATEGORIES = [
  { name: 'Politics', description: 'Elections, parties, parliaments and the rules of political competition.' },
  { name: 'Government', description: 'Ministries, budgets and public institutions and how they decide.' },
  { name: 'Economy', description: 'Prices, jobs, trade and the public finances.' },
  { name: 'Security', description: 'Policing, conflict and the wider security sector.' },
  { name: 'Health', description: 'Hospitals, vaccination campaigns and public health.' },
  { name: 'Education', description: 'Schools, universities and the people who run them.' },
  { name: 'Environment', description: 'Water, weather, land and the changing climate.' },
  { name: 'Business', description: 'Companies, markets and the people behind them.' },
  { name: 'Technology', description: 'Networks, phones and the digital public sphere.' },
  { name: 'Culture', description: 'Books, music, film and the everyday life of cities.' },
  { name: 'Region', description: 'Cross-border issues from trade to water.' },
  { name: 'Sport', description: 'Cricket, football and the athletes of the region.' },
] as const;

export const FIRST_NAMES = [
  'Amina', 'Bilal', 'Farida', 'Hamid', 'Laila', 'Omar', 'Parisa', 'Rahim', 'Sadia', 'Tariq',
  'Zainab', 'Yusuf', 'Mariam', 'Karim', 'Nadia', 'Javed', 'Soraya', 'Idris', 'Hina', 'Wahid',
];

export const LAST_NAMES = [
  'Ahmadi', 'Baloch', 'Chaudhry', 'Durrani', 'Faizi', 'Ghani', 'Hashimi', 'Iqbal', 'Jalali', 'Khan',
  'Lodi', 'Mirza', 'Noori', 'Qureshi', 'Rahimi', 'Sultani', 'Tajik', 'Usmani', 'Wardak', 'Zahir',
];

export const ROLES = [
  'Political correspondent', 'Economics editor', 'Security correspondent', 'Health reporter',
  'Regional editor', 'Data reporter', 'Culture writer', 'Sports reporter', 'Staff writer',
];

export const SOURCES = ['Dateline Kabul', 'Dateline Islamabad', 'Dateline Peshawar', 'DID Press', 'Agencies', 'Dateline Herat'];

export const PLACES = [
  'Kabul', 'Herat', 'Kandahar', 'Mazar-i-Sharif', 'Jalalabad', 'Islamabad', 'Lahore', 'Karachi', 'Peshawar',
  'Quetta', 'Multan', 'Gilgit', 'Bamyan', 'Kunduz', 'Ghazni', 'Torkham', 'Chaman', 'Gwadar', 'Faisalabad', 'Swat',
];

export const NOUNS = [
  'council', 'budget', 'market', 'river', 'school', 'hospital', 'road', 'border', 'election', 'court',
  'ministry', 'province', 'district', 'harvest', 'bridge', 'report', 'committee', 'tariff', 'contract', 'assembly',
  'farmer', 'teacher', 'trader', 'driver', 'official', 'minister', 'engineer', 'doctor', 'student', 'judge',
  'plan', 'survey', 'fund', 'project', 'reform', 'dispute', 'agreement', 'campaign', 'network', 'programme',
  'price', 'wage', 'loan', 'grant', 'permit', 'license', 'census', 'audit', 'crossing', 'pipeline',
];

export const VERBS = [
  'approves', 'delays', 'reviews', 'expands', 'questions', 'announces', 'suspends', 'restores', 'funds', 'rejects',
  'debates', 'extends', 'cuts', 'raises', 'opens', 'closes', 'audits', 'backs', 'blocks', 'revisits',
];

export const ADJECTIVES = [
  'provincial', 'federal', 'local', 'regional', 'new', 'long-awaited', 'disputed', 'annual', 'emergency', 'public',
  'private', 'rural', 'urban', 'seasonal', 'temporary', 'permanent', 'national', 'independent', 'joint', 'interim',
];

export const FILLER = [
  'the', 'a', 'of', 'in', 'on', 'for', 'with', 'after', 'before', 'during', 'and', 'but', 'while', 'as', 'that',
  'which', 'its', 'their', 'this', 'last', 'next', 'some', 'most', 'many', 'few', 'several', 'more', 'less',
  'said', 'says', 'told', 'added', 'expected', 'planned', 'reported', 'according', 'to', 'by', 'from', 'over',
  'under', 'about', 'around', 'between', 'across', 'within', 'without', 'year', 'month', 'week', 'season',
];

/** Tags: every adjective with every noun is far too many; every fourth pair gives a few hundred. */
export const TAGS: readonly string[] = ADJECTIVES.flatMap((adjective, a) =>
  NOUNS.filter((_, n) => (a + n) % 4 === 0).map((noun) => `${adjective} ${noun}`),
);
