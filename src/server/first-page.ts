import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The first page in one round trip (issue #18 goal 5: an agency's first page on a phone ≤ 2 s at
 * 1.6 Mbit/s). When index.html is asked, the server asks its own API, with the request's cookies and
 * nothing else, for what the page's first render will ask — the session (or its 401), and for an agency
 * the menu's count, the bell and the inbox's lists — and sends the answers inside the page as JSON the
 * browser never runs (`<script type="application/json">`, the CSP unchanged), with `modulepreload`
 * links to the page's chunks. The SPA's api.ts answers each of those first GETs from it once. The same
 * routes, hooks and access rules answer as over the network: nothing is embedded that the user's own
 * request would not get, and a list answered other than 200 is left out (the SPA then asks for it).
 */
export const FIRST_ANSWERS_ID = 'dondoc-first-answers';

/** The sign-in page (web/src/App.tsx loads it lazily) and what it asks: the ways to sign in. */
const LOGIN_MODULE = 'src/pages/LoginPage.tsx';
const LOGIN_ANSWERS = ['/api/auth/providers'];

/** The inbox (Việc của đơn vị) of an agency, its default tab: what InboxPage.tsx asks at first render. */
const INBOX_MODULE = 'src/pages/inbox/InboxPage.tsx';
const INBOX_ANSWERS = [
  '/api/assignments?role=all&state=open_on_time&order=asc&sort=dueOn&page=1&pageSize=20',
  ...['open_on_time', 'open_overdue', 'done_on_time', 'done_late'].map(
    (state) => `/api/assignments?role=all&state=${state}&pageSize=1`,
  ),
];
/** What the app frame of an agency asks on every page: the bell (NotificationBell.tsx), the menu's count (nav-counts.ts). */
const AGENCY_FRAME_ANSWERS = [
  '/api/notifications?pageSize=8',
  '/api/assignments?state=open_overdue&role=all&pageSize=1',
];

/**
 * JSON that can sit inside a `<script>` element whatever its strings hold: `<` (so no `</script>` and
 * no `<!--`), `>` and `&` as \u escapes, and U+2028/U+2029, which JSON allows and older JavaScript
 * parsers did not. JSON.parse reads the same value back.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

export interface Shell {
  /** index.html as built */
  html: string;
  /** the files a page module needs beyond the entry's own (its chunk first), from the Vite manifest */
  chunksOf(module: string): string[];
}

/** index.html and the Vite manifest of a build folder (`web/dist/`), read once at start. */
export function readShell(root: string): Shell | null {
  if (!existsSync(`${root}index.html`)) return null;
  const html = readFileSync(`${root}index.html`, 'utf8');
  const manifestPath = `${root}.vite/manifest.json`;
  const manifest: Record<string, ManifestChunk> = existsSync(manifestPath)
    ? JSON.parse(readFileSync(manifestPath, 'utf8'))
    : {};
  const closure = (key: string, into: Set<string>) => {
    if (into.has(key) || !manifest[key]) return;
    into.add(key);
    for (const child of manifest[key].imports ?? []) closure(child, into);
  };
  const initial = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) closure(key, initial);
  return {
    html,
    chunksOf: (module) => {
      const needed = new Set<string>();
      closure(module, needed);
      return [...needed].filter((key) => !initial.has(key)).map((key) => `/${manifest[key]?.file}`);
    },
  };
}

/** The page a path opens for a signed-in user of this role, when it is one whose first answers are known. */
function knownFirstPage(url: string, role: string): 'inbox' | null {
  if (role !== 'agency') return null;
  // `/` sends an agency to its inbox (web/src/routes.tsx, homePath); another tab or filter asks other lists
  return url === '/' || url === '/viec-cua-don-vi' ? 'inbox' : null;
}

/** An answer of the API as index.html carries it: the status and the JSON body. */
interface Answer {
  status: number;
  body: unknown;
}

/** GET `url` of the API as the page's own request would (its cookies, nothing else of it). */
async function askApi(app: FastifyInstance, url: string, cookie: string | undefined): Promise<Answer> {
  const answer = await app.inject({
    method: 'GET',
    url,
    headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) },
  });
  return { status: answer.statusCode, body: answer.json() };
}

/**
 * index.html for this request with the first answers of its page inside: for the public (no cookie,
 * or one that opens no session) the session's 401 and, but on the public pages, the sign-in page's
 * chunks and its ways to sign in, so that it shows without asking; for
 * a signed-in user the session, and for an agency its frame's and its inbox's lists. `personal` when
 * the page holds the user's data.
 */
export async function pageWithFirstAnswers(
  app: FastifyInstance,
  shell: Shell,
  request: FastifyRequest,
): Promise<{ html: string; personal: boolean }> {
  const cookie = request.headers.cookie;
  const session = await askApi(app, '/api/auth/session', cookie);
  const answers: Record<string, Answer> = {};
  if (session.status === 200 || session.status === 401) answers['/api/auth/session'] = session;
  const user = session.status === 200 ? (session.body as { user: { role: string } }).user : null;
  const page = user ? knownFirstPage(request.url, user.role) : null;
  // the public is sent to the sign-in page, but for the public pages (Công khai)
  const signIn = user === null && !request.url.startsWith('/cong-khai');
  const urls =
    user?.role === 'agency'
      ? [...AGENCY_FRAME_ANSWERS, ...(page ? INBOX_ANSWERS : [])]
      : signIn
        ? LOGIN_ANSWERS
        : [];
  const asked = await Promise.all(urls.map((url) => askApi(app, url, cookie)));
  urls.forEach((url, i) => {
    // a refusal or a failure is left for the SPA to ask (and show) itself
    if (asked[i]?.status === 200) answers[url] = asked[i];
  });
  const preloads = page ? shell.chunksOf(INBOX_MODULE) : signIn ? shell.chunksOf(LOGIN_MODULE) : [];
  const head = [
    ...preloads.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
    `<script type="application/json" id="${FIRST_ANSWERS_ID}">${jsonForHtml(answers)}</script>`,
  ].join('\n    ');
  // a function, not a string: `$&`, `$'`, `` $` `` in the user's data are not replacement patterns
  return { html: shell.html.replace('</head>', () => `    ${head}\n  </head>`), personal: user !== null };
}
