/**
 * What the words of an agency cell say beyond the directory's names (docs/domain-rules.md §3): the level a name
 * is at (`Bộ`, `Sở`, `UBND huyện` …), the words that start an agency's name, the role words of
 * running text (`chủ trì`, `phối hợp với` …) and the generic "related agencies" phrases.
 * All work on folded words (foldVietnamese, abbreviations expanded: `UBND` → `uy ban nhan dan`).
 */

/** Administrative levels a name's first words give: a `Bộ` is never a `Sở`, a `Sở` never a `Phòng`. */
export type AgencyLevel =
  | 'bộ'
  | 'tổng cục'
  | 'cục'
  | 'chi cục'
  | 'sở'
  | 'phòng'
  | 'ubnd tỉnh'
  | 'ubnd thành phố'
  | 'ubnd huyện'
  | 'ubnd xã';

const UBND = ['uy', 'ban', 'nhan', 'dan'];

/** Level words after `UBND` (and `cấp` / `các`), longest first. */
const UBND_LEVELS: ReadonlyArray<[string[], AgencyLevel]> = [
  [['thanh', 'pho'], 'ubnd thành phố'],
  [['thi', 'xa'], 'ubnd huyện'],
  [['thi', 'tran'], 'ubnd xã'],
  [['tinh'], 'ubnd tỉnh'],
  [['huyen'], 'ubnd huyện'],
  [['quan'], 'ubnd huyện'],
  [['xa'], 'ubnd xã'],
  [['phuong'], 'ubnd xã'],
];

const HEAD_LEVELS: ReadonlyArray<[string[], AgencyLevel]> = [
  [['tong', 'cuc'], 'tổng cục'],
  [['chi', 'cuc'], 'chi cục'],
  [['cuc'], 'cục'],
  [['bo'], 'bộ'],
  [['so'], 'sở'],
  [['phong'], 'phòng'],
];

function startsWith(words: readonly string[], at: number, prefix: readonly string[]): boolean {
  return prefix.every((w, k) => words[at + k] === w);
}

/**
 * The level a name's first words give and how many words say it (`Sở Tư pháp` → sở, 1;
 * `UBND huyện Gò Dầu` → ubnd huyện, 5), or null. `plural`: also `Các sở …`, `UBND các huyện …`,
 * `UBND cấp huyện` (then `length` counts `các` / `cấp` too).
 */
export function levelPrefix(
  words: readonly string[],
  plural = false,
): { level: AgencyLevel; length: number } | null {
  let at = plural && words[0] === 'cac' ? 1 : 0;
  for (const [prefix, level] of HEAD_LEVELS) {
    if (startsWith(words, at, prefix)) return { level, length: at + prefix.length };
  }
  if (at > 0 || !startsWith(words, 0, UBND)) return null;
  at = UBND.length;
  if (plural && (words[at] === 'cac' || words[at] === 'cap')) at++;
  for (const [prefix, level] of UBND_LEVELS) {
    if (startsWith(words, at, prefix)) return { level, length: at + prefix.length };
  }
  return null;
}

/** The level of a name or a group's name (`Các sở, ban, ngành tỉnh` → sở), or null. */
export function levelOf(words: readonly string[]): AgencyLevel | null {
  return levelPrefix(words, true)?.level ?? null;
}

/**
 * First words of an agency's name. Inside a name unknown to the directory, `và` or a comma separates
 * two agencies only when what follows starts like one: "Sở Nội vụ và Công an tỉnh" is two,
 * "Đài Phát thanh và Truyền hình Bình Định" and "UBND các xã, phường" are one.
 * A word mapped to a set starts a name only before one of those words ("Công an", not "Công nghệ").
 */
const AGENCY_HEADS = new Map<string, ReadonlySet<string> | null>([
  ...['so', 'uy', 'ban', 'bo', 'dai', 'cuc', 'phong', 'cac', 'hoi', 'bao', 'vien', 'truong', 'doan']
    .concat(['hdnd', 'toa', 'dang', 'benh', 'cang', 'buu', 'cty', 'tong', 'vp'])
    .map((w): [string, null] => [w, null]),
  ['cong', new Set(['an', 'ty', 'doan'])],
  ['thanh', new Set(['tra', 'doan', 'uy'])],
  ['trung', new Set(['tam'])],
  ['van', new Set(['phong'])],
  ['tinh', new Set(['doan', 'uy'])],
  ['mat', new Set(['tran'])],
  ['lien', new Set(['doan', 'minh', 'hiep'])],
  ['ngan', new Set(['hang'])],
  ['kho', new Set(['bac'])],
  ['hoc', new Set(['vien'])],
  ['quy', new Set(['ho', 'dau', 'phat', 'bao'])],
  ['chi', new Set(['cuc', 'nhanh', 'hoi', 'doan'])],
  ['tap', new Set(['doan'])],
  ['hiep', new Set(['hoi'])],
]);

/**
 * Whether the folded words at `at` start an agency's name; `written`: the first word as written —
 * an acronym (`VNPT`, `MTTQ`) starts a name too.
 */
export function isAgencyHead(words: readonly string[], at: number, written: string): boolean {
  const word = words[at] ?? '';
  if (AGENCY_HEADS.has(word)) {
    const before = AGENCY_HEADS.get(word);
    return !before || before.has(words[at + 1] ?? '');
  }
  return /^\p{Lu}{2,}$/u.test(written);
}

/**
 * Role words of running text around the names ("Sở Nội vụ chủ trì, phối hợp với các cơ quan liên
 * quan thực hiện"), dropped where they start or end a name the directory does not know.
 */
const ROLE_PHRASES: readonly string[][] = [
  ['to', 'chuc', 'thuc', 'hien'],
  ['trien', 'khai', 'thuc', 'hien'],
  ['chiu', 'trach', 'nhiem'],
  ['co', 'trach', 'nhiem'],
  ['phoi', 'hop', 'voi'],
  ['phoi', 'hop', 'cung'],
  ['phoi', 'hop'],
  ['chu', 'tri'],
  ['thuc', 'hien'],
  ['tham', 'muu'],
  ['de', 'nghi'],
  ['giao'],
  ['cung'],
  ['voi'],
];
/** `giao` starts names too: Giao thông, Giáo dục, giao dịch. */
const NOT_ROLE_AFTER_GIAO = new Set(['thong', 'duc', 'dich', 'luu', 'ban']);

/** Number of words of a role phrase starting at `at` (0 when none). */
export function rolePhraseAt(words: readonly string[], at: number): number {
  const phrase = ROLE_PHRASES.find((p) => startsWith(words, at, p));
  if (!phrase) return 0;
  if (phrase[0] === 'giao' && NOT_ROLE_AFTER_GIAO.has(words[at + 1] ?? '')) return 0;
  return phrase.length;
}

/**
 * Verbs that start the action after the names in running text ("… phối hợp với Báo Bình Định đẩy
 * mạnh tuyên truyền …"): where written in lower case, the names end there (`Ban Tổ chức`, capitalised,
 * is a name). Role words (`thực hiện`, `phối hợp`) are not among them: names may follow those.
 */
const ACTION_PHRASES: readonly string[][] = [
  ['day', 'manh'],
  ['tang', 'cuong'],
  ['trien', 'khai'],
  ['huong', 'dan'],
  ['theo', 'doi'],
  ['kiem', 'tra'],
  ['bao', 'cao'],
  ['de', 'xuat'],
  ['ban', 'hanh'],
  ['danh', 'gia'],
  ['tong', 'hop'],
  ['chi', 'dao'],
  ['don', 'doc'],
  ['tien', 'hanh'],
  ['tap', 'trung'],
  ['khan', 'truong'],
  ['nghien', 'cuu'],
  ['ra', 'soat'],
  ['xay', 'dung'],
  ['hoan', 'thanh'],
  ['tuyen', 'truyen'],
  ['trinh'],
  ['nham'],
];

/** Whether an action verb starts at `at`; `written`: its first word as written (lower case only). */
export function isActionAt(words: readonly string[], at: number, written: string): boolean {
  if (written === '' || written !== written.toLocaleLowerCase('vi')) return false;
  return ACTION_PHRASES.some((p) => startsWith(words, at, p));
}

/**
 * "Các cơ quan liên quan", "các cơ quan, đơn vị có liên quan", "các địa phương liên quan": nobody
 * in particular — an open group when the directory has no such group, never an agency.
 */
export function isRelatedBodiesPhrase(words: readonly string[]): boolean {
  const text = words.join(' ');
  return /^(?:cac )?(?:(?:co quan|don vi|to chuc|dia phuong|bo|nganh|so|ca nhan|doanh nghiep)(?: va | )?)+(?:co )?lien quan$/.test(
    text,
  );
}
