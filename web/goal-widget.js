// goalpost loader: the <goal-widget> custom element and the mount() function.
//
//   <script type="module" src="web/goal-widget.js"></script>
//   <goal-widget goals="data/pipedrive-goals.json"></goal-widget>
//
// Each widget gets its own module instance (its own memory and main loop) but all of them share one
// compiled WebAssembly.Module, so the wasm is downloaded and compiled once per page.
// Nothing is added to `window` and no stylesheet is injected: styles are set on the widget's own nodes.
import createGoalpost from './goalpost.js';

const wasmUrl = new URL('./goalpost.wasm', import.meta.url);
let compiledModule = null;
let nextCanvasId = 0;
// Glyphs the browser drew for the widgets, by CSS font (wasm/browser_font.cpp): every widget on the page
// with the same font and pixel ratio reuses them instead of drawing them again.
const glyphCache = new Map();

// Compiles goalpost.wasm once per page. A failed download can be retried by the next widget.
function compileModuleOnce() {
  if (!compiledModule) {
    compiledModule = (async () => {
      const response = await fetch(wasmUrl);
      if (!response.ok) throw new Error(`goalpost: could not load ${wasmUrl} (HTTP ${response.status})`);
      const isWasmMime = (response.headers.get('content-type') || '').startsWith('application/wasm');
      return isWasmMime ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer());
    })();
    compiledModule.catch(() => { compiledModule = null; });
  }
  return compiledModule;
}

function resolveDataUrl(url) {
  return url ? new URL(url, document.baseURI).href : '';
}

// `goals` is one URL or several, separated by whitespace (an attribute) or in an array (mount()).
function resolveGoalUrls(urls) {
  const list = Array.isArray(urls) ? urls : String(urls || '').split(/\s+/);
  return list.filter(Boolean).map(resolveDataUrl).join(' ');
}

function resolveTheme(theme) {
  if (theme === 'light' || theme === 'dark') return theme;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

// The language the widget speaks where the page does not set `locale`: the closest lang attribute around the
// element (through shadow roots to their hosts), else the document's, else the browser's.
function pageLanguage(element) {
  let node = element;
  while (node) {
    const holder = node.closest('[lang]');
    if (holder && usableTag(holder.lang)) return holder.lang;
    // lang="" (unknown here) or a tag Intl refuses ("en_US", as CMSes write it): ask further out.
    const from = holder || node;
    node = (holder && holder.parentElement) || from.getRootNode().host || null;
  }
  return [document.documentElement.lang, navigator.language].find(usableTag) || 'en';
}

// A tag Intl takes: a malformed one would make the number formatter throw and the mount fail.
function usableTag(tag) {
  if (!tag) return false;
  try {
    return Intl.getCanonicalLocales(tag).length > 0;
  } catch {
    return false;
  }
}

// Number and date conventions of the page's locale, for the C++ formatter (which has no Intl), and its
// language, which picks the widget's words (English, German, French or Spanish; English for the rest).
function describeLocale(locale, element) {
  const tag = (usableTag(locale) && locale) || (element ? pageLanguage(element) : [document.documentElement.lang, navigator.language].find(usableTag)) || 'en';
  const parts = new Intl.NumberFormat(tag).formatToParts(1234567.5);
  const part = (type, fallback) => (parts.find((p) => p.type === type) || { value: fallback }).value;
  const dateParts = new Intl.DateTimeFormat(tag).formatToParts(new Date(Date.UTC(2001, 10, 22)));
  return {
    tag,
    language: tag,
    decimal: part('decimal', '.'),
    group: part('group', ','),
    dateOrder: dateParts.filter((p) => p.type !== 'literal').map((p) => p.type[0]).join(''),
    dateSeparator: (dateParts.find((p) => p.type === 'literal') || { value: '/' }).value,
  };
}

// The languages the widget speaks besides English (widget/ui/messages.hpp, Lang). The shipped module carries
// only English; each other language's texts are a file next to this loader (lang/de.json, ...), fetched once per
// page when a widget needs it, while the module compiles.
const PACK_LANGUAGES = ['de', 'fr', 'es'];
const LANGUAGE_WAIT_MS = 3000;  // how long a widget's start waits for its language's file
const MAX_PACK_CHARS = 1 << 20;
const languagePacks = new Map();  // code -> { loading: Promise of the pack or null, pack once it is in }
const packCode = (tag) => String(tag).split(/[-_]/)[0].toLowerCase();
// The pack for `tag`'s language, or null (English, a language the widget does not speak, a failed load).
function languagePack(tag) {
  const code = packCode(tag);
  if (!PACK_LANGUAGES.includes(code)) return Promise.resolve(null);
  if (!languagePacks.has(code)) {
    const url = new URL(`./lang/${code}.json`, import.meta.url);
    const entry = {};
    entry.loading = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      })
      .then((text) => {
        // Handed to the module inside its options, whose reader has limits: an oversized or deeply nested
        // file would make the whole start unreadable instead of being refused.
        if (text.length > MAX_PACK_CHARS) throw new Error('too large');
        const pack = JSON.parse(text);
        const texts = Array.isArray(pack && pack.texts) ? pack.texts.map((t) => (typeof t === 'string' ? t : null)) : null;
        return { lang: String(pack && pack.lang), catalog: String(pack && pack.catalog), texts };
      })
      .then((pack) => (entry.pack = pack), (error) => {
        languagePacks.delete(code);  // the next widget or locale change may try again
        console.warn(`goalpost: could not load ${url} (${error.message}); the widget speaks English`);
        return null;
      });
    languagePacks.set(code, entry);
  }
  return languagePacks.get(code).loading;
}
// `tag`'s texts if they can be handed over at once: null for English or a language without a file, the pack
// once it is in; undefined while it loads (or before it was asked for).
const packAtHand = (tag) => (PACK_LANGUAGES.includes(packCode(tag)) ? languagePacks.get(packCode(tag))?.pack : null);

// `promise`, or what `late()` gives if it has not settled within `ms`; the timer goes when either comes.
function within(promise, ms, late) {
  let timer;
  const expired = new Promise((resolve) => { timer = setTimeout(() => resolve(late()), ms); });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

function hideVisually(node) {
  Object.assign(node.style, {
    position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: '0', border: '0',
    overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap',
  });
}

// A text mirror of what the canvas shows, for screen readers, plus a polite live region for matches.
function createMirror(element) {
  const mirror = document.createElement('div');
  hideVisually(mirror);
  const list = document.createElement('ul');
  list.setAttribute('role', 'list');
  const live = document.createElement('div');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  // The as-of day and an empty period's note, read before the goals.
  const notice = document.createElement('p');
  mirror.append(notice, list, live);
  element.appendChild(mirror);
  return { mirror, notice, list, live };
}

// The loader's own words in the page's language, from the module's catalog (state().phrases); English before
// the module has said them. Values go in as text.
const PHRASES = { label: 'Goals', goal_reached: 'Goal reached: {title}', as_of: 'As of {day}.' };
function phrase(mirror, key, values = {}) {
  const pattern = (mirror.phrases && mirror.phrases[key]) || PHRASES[key];
  return pattern.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// Lines already in the list are kept and only retold when their text changed: replacing 10,000 lines made the
// widget's next frame wait about 0.4 s for the page's layout (the backend measures the canvas every frame).
function renderMirror(mirror, state) {
  const goals = state.goals || [];
  const lines = mirror.list.children;
  const told = mirror.told || (mirror.told = new WeakMap());  // line -> the goal it was last told from
  goals.forEach((goal, i) => {
    let item = lines[i];
    if (!item) item = mirror.list.appendChild(document.createElement('li'));
    // The module's goals are frozen and kept while unchanged: one an edit left says what the line says, and
    // reading back 10,000 lines' texts took longer than the rest of an add() at 10,000 goals.
    if (told.get(item) === goal) return;
    told.set(item, goal);
    if (item.dataset.goalId !== goal.id) item.dataset.goalId = goal.id;
    // The module says each goal in one sentence, with the numbers, units and status the canvas shows.
    if (item.textContent !== goal.text) item.textContent = goal.text;  // always text, never markup
  });
  while (lines.length > goals.length) mirror.list.lastElementChild.remove();
  if (state.phrases) mirror.phrases = state.phrases;
  const notes = [state.as_of ? phrase(mirror, 'as_of', { day: state.as_of }) : '', state.notice || ''].filter(Boolean);
  mirror.notice.textContent = notes.join(' ');
  mirror.list.setAttribute('aria-busy', state.loading ? 'true' : 'false');
}

// The page's headers callback answers with a plain object or a Headers; only its string pairs go on.
// The answer is handed to the module for one load cycle, in memory only: never stored, logged, put in a
// URL, or shown in state() or events.
async function collectHeaders(provider, request) {
  const answer = await provider(request);
  if (answer === null || typeof answer !== 'object') throw new TypeError('the headers callback must return an object');
  const entries = answer instanceof Headers ? [...answer.entries()] : Object.entries(answer || {});
  return Object.fromEntries(entries.map(([name, value]) => [String(name), String(value)]));
}

// Object options may come as objects (mount) or as JSON text (attributes); never evaluated as code.
function plainObject(value) {
  if (typeof value === 'string') {
    try { value = JSON.parse(value); } catch { return {}; }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

// null, not undefined: a removed option reaches the module, which takes its default.
function numberOption(value) {
  const number = value === undefined || value === null || value === '' ? NaN : Number(value);
  return Number.isFinite(number) ? number : null;
}

// Every attribute the element reads, with what the module is given for it (wasm/app.cpp apply_options: at
// gp_start, then through set_options when it changes; null: the loader keeps it). mount()'s options are the
// attributes in camelCase (aria-label: label). An attribute is one line here.
const ATTRIBUTES = {
  goals: resolveGoalUrls,
  deals: resolveDataUrl,
  activities: resolveDataUrl,
  'stage-changes': resolveDataUrl,
  events: resolveDataUrl,
  conversions: resolveDataUrl,
  format: (format) => (Array.isArray(format) ? format.join(' ') : format) || 'auto',
  save: (save) => save || 'none',
  period: (period) => period || '',
  'as-of': (day) => day || '',
  theme: resolveTheme,
  locale: describeLocale,
  currencies: plainObject,
  rates: plainObject,
  teams: plainObject,
  'giosg-codes': plainObject,
  refresh: numberOption,
  timeout: numberOption,
  retries: numberOption,
  'aria-label': null,
  height: null,
};
const optionOf = (attribute) => (attribute === 'aria-label' ? 'label' : attribute.replace(/-(.)/g, (_, c) => c.toUpperCase()));
const MODULE_OPTIONS = Object.fromEntries(Object.entries(ATTRIBUTES).filter(([, give]) => give).map(([a, give]) => [optionOf(a), give]));

// `element`: where the widget sits, for what depends on its place (the lang attributes around it).
function moduleOptions(options, keys, element) {
  return Object.fromEntries(keys.filter((key) => key in MODULE_OPTIONS).map((key) => [key, MODULE_OPTIONS[key](options[key], element)]));
}

// Bubbling and composed: a listener on an ancestor, a framework's root or a shadow host hears it.
function emit(element, type, detail) {
  element.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

// The goals' first GETs begin here, while the wasm downloads and compiles, not once the module runs: the
// module takes each reply over for its own first request of the same URL (wasm/fetch_transport.cpp), and asks
// anew for anything else. Only while `goalsEarly()` says so: where the page has a headers callback, their
// requests carry its headers. It is asked in a microtask, so that a module that imports the loader and then
// sets an element's `headers` has done so. The data URLs (deals, events, ...) are not fetched early: measured
// over an emulated slow network they took bandwidth from the wasm and made the first frame later
// (docs/network.md). What the module did not take is dropped when its first load ends.
function prefetchFirstLoad(options, goalsEarly) {
  const replies = new Map();
  let dropped = false;
  queueMicrotask(() => {
    if (dropped) return;
    let urls = [];
    try {
      urls = goalsEarly() ? resolveGoalUrls(options.goals).split(' ') : [];
    } catch {
      return;  // a goals URL the URL parser refuses: the module reports it
    }
    for (const url of new Set(urls.filter((u) => /^https?:/.test(u)))) {
      const controller = new AbortController();
      const reply = fetch(url, { signal: controller.signal })
        .then(async (response) => ({
          status: response.status,
          body: new Uint8Array(await response.arrayBuffer()),
          etag: response.headers.get('etag'),
          retryAfter: response.headers.get('retry-after'),
        }))
        .catch(() => ({ status: 0 }));  // offline, refused, CORS, aborted: what the module calls a network error
      replies.set(url, { reply, controller });
    }
  });
  return {
    // A Promise of the reply, given once; the module's timeout counts from here, as its own request's would.
    take(url, timeoutMs) {
      const entry = replies.get(url);
      if (!entry) return null;
      replies.delete(url);
      return within(entry.reply, timeoutMs, () => {
        entry.controller.abort();
        return { status: -1 };  // what the module calls a timeout
      });
    },
    drop() {
      dropped = true;
      for (const { controller } of replies.values()) controller.abort();
      replies.clear();
    },
  };
}
function sizeCanvas(canvas, height) {
  canvas.style.height = height || '100%';
  if (!height && canvas.clientHeight === 0) canvas.style.height = '360px';
}

function createCanvas(element, options) {
  const canvas = document.createElement('canvas');
  canvas.id = `goalpost-canvas-${++nextCanvasId}`;
  canvas.tabIndex = 0;  // focusable, so that keyboard input reaches the widget only when it has focus
  canvas.style.display = 'block';
  canvas.style.width = '100%';
  canvas.style.touchAction = 'pan-y';
  canvas.style.outlineOffset = '-2px';
  element.appendChild(canvas);
  sizeCanvas(canvas, options.height);
  return canvas;
}

/**
 * Mounts a widget into `element`.
 * options: { goals: a URL, several separated by whitespace, or an array of them,
 *            deals, activities, stageChanges, events, conversions: URLs,
 *            format: 'auto'|'pipedrive'|'hubspot'|'giosg'|'zendesk', or one per goals URL,
 *            save: 'none' (edits stay in the page) | 'vendor' (each edit is sent to its goal's vendor),
 *            period: 'month'|...|'START..END',
 *            asOf: 'YYYY-MM-DD' (the day every figure is shown as of; default: the visitor's clock),
 *            theme: 'auto'|'light'|'dark', locale, currencies: {id: code}, rates: {code: rate},
 *            giosgCodes: {codes: [{code, field, op, name}]} (docs/formats.md), teams: {team: [user ids]},
 *            height: CSS length, label,
 *            refresh: seconds between reloads (0: once), timeout: seconds per request, retries: per request,
 *            headers: async ({url, method}) => ({ Authorization: ... }) asked before each load and each save
 *            (docs/network.md) }
 * Resolves to a handle { element, state(), call(), setOptions(changes), destroy(), and the element's methods
 * (track, results, find, explain, add, update, remove, show) } once the module runs; events on `element`
 * report the rest (docs/embedding.md).
 */
export async function mount(element, options = {}) {
  return mountWidget(element, options, () => typeof (options && options.headers) !== 'function');
}

// `goalsEarly()`: whether the goals requests may start before the module runs (the page gives no headers).
async function mountWidget(element, options, goalsEarly) {
  options = { ...options };  // setOptions() changes this copy, never the page's object
  const firstLoad = prefetchFirstLoad(options, goalsEarly);  // the goals, while the wasm compiles
  const startLocale = describeLocale(options.locale, element);  // the pack and the module see the same one
  const startLanguage = languagePack(startLocale.tag);
  const canvas = createCanvas(element, options);
  const mirror = createMirror(element);
  // Edits sent to a vendor (save: 'vendor'), by save id: settled by a "saved" event or a save "error".
  const saves = new Map();
  const settleSave = (type, detail) => {
    const pending = (type === 'saved' || (type === 'error' && detail.stage === 'save')) && saves.get(detail.save);
    if (!pending) return;
    saves.delete(detail.save);
    if (type === 'saved') pending.resolve(detail.body);
    else pending.reject(Object.assign(new Error(detail.message), { code: 'save_failed', status: detail.status, errors: detail.errors || [], details: detail }));
  };
  let alive = true;
  let localeAsked = 0;  // locale changes asked for by the page; the latest one wins
  const label = () => {
    canvas.setAttribute('aria-label', options.label || phrase(mirror, 'label'));
    mirror.list.setAttribute('aria-label', options.label || phrase(mirror, 'label'));
  };
  label();
  let module;
  let readState = () => ({ started: false });
  try {
    const wasmModule = await compileModuleOnce();
    module = await createGoalpost({
      glyphCache,
      goalpostCanvas: canvas,
      goalpostTakePrefetch: firstLoad.take,
      instantiateWasm(imports, receiveInstance) {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => receiveInstance(instance, wasmModule));
        return {};
      },
      onGoalpostEvent(type, detailJson) {
        const detail = JSON.parse(detailJson);
        settleSave(type, detail);
        // The mirror follows every event (each can change what the canvas shows), when the module says its
        // lines changed (their revision moves).
        if (module._gp_mirror_revision() !== mirror.revision) {
          mirror.revision = module._gp_mirror_revision();
          renderMirror(mirror, readState());
        }
        if (type === 'match') mirror.live.textContent = phrase(mirror, 'goal_reached', { title: detail.title || detail.goal });
        emit(element, type, detail);
      },
      onGoalpostNeedHeaders(ticket, requestJson) {
        collectHeaders(options.headers, JSON.parse(requestJson)).then((headers) => JSON.stringify(headers), () => 'null')
          .then((json) => alive && module.ccall('gp_set_headers', null, ['number', 'string'], [ticket, json]));
      },
      print: () => {},
      printErr: (text) => console.warn('goalpost:', text),
    });
  } catch (error) {
    firstLoad.drop();
    canvas.remove();
    mirror.mirror.remove();
    emit(element, 'error', { stage: 'load', message: String(error && error.message || error) });
    throw error;
  }

  // A language file that is slow to come does not hold the widget back: it starts in English and takes the
  // language when the file is in (undefined: still loading).
  const startPack = packAtHand(startLocale.tag) ?? (await within(startLanguage, LANGUAGE_WAIT_MS, () => undefined));
  const startOptions = {
    ...moduleOptions(options, Object.keys(MODULE_OPTIONS).filter((key) => key !== 'locale'), element),
    canvas: `#${canvas.id}`,
    page: location.href,
    fontFamily: getComputedStyle(element).fontFamily,
    zoneOffset: -new Date().getTimezoneOffset(),
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
    headers: typeof options.headers === 'function',
    locale: startLocale,
    languagePack: startPack ?? null,
  };
  const status = module.ccall('gp_start', 'number', ['string'], [JSON.stringify(startOptions)]);
  if (status !== 0) {
    firstLoad.drop();
    canvas.remove();
    mirror.mirror.remove();
    throw new Error(`goalpost: the widget did not start (code ${status})`);
  }
  // The module asks for its goals in gp_start, or once the headers callback answered (microtasks later):
  // by the next task every early reply it wants is taken.
  setTimeout(firstLoad.drop);

  // The goal list (2 MB of JSON at 10,000 goals) is read and parsed only when the module's mirror revision
  // moved; every state() and the mirror share its goals until then, frozen, so that a page changing one
  // changes no other reader's. Each state() gets its own array of them.
  // After an edit the module writes only the goals it changed, and names the others by their place in the
  // list held here (gp_state(2)); a list of another revision than the one held is asked for in full.
  let shown = { revision: -1, goals: null };
  const shownGoals = () => {
    const revision = module._gp_mirror_revision();
    if (revision === shown.revision) return shown.goals;
    if (shown.goals) {
      const changes = JSON.parse(module.UTF8ToString(module._gp_state(2)));
      if (changes.base === shown.revision) {
        const held = shown.goals;
        shown = { revision: module._gp_mirror_revision(), goals: changes.goals.map((entry) => (typeof entry === 'number' ? held[entry] : Object.freeze(entry))) };
        return shown.goals;
      }
    }
    const goals = JSON.parse(module.UTF8ToString(module._gp_state(1))).map(Object.freeze);
    // Read again: writing the list may have moved the revision (a minute passed), and the module's next
    // gp_state(2) is based on the list it wrote, not on the one asked for.
    shown = { revision: module._gp_mirror_revision(), goals };
    return shown.goals;
  };
  readState = () => {
    const state = JSON.parse(module.UTF8ToString(module._gp_state(0)));
    if (state.started) state.goals = shownGoals().slice();
    return state;
  };
  mirror.phrases = readState().phrases;
  label();
  if (startPack === undefined) takeLocale(startLocale, 0);  // its file is late: when it comes
  canvas.setAttribute('aria-describedby', (mirror.list.id = `${canvas.id}-mirror`));

  // Redraw when the widget's box changes; the module sleeps otherwise.
  const resizeObserver = new ResizeObserver(() => module._gp_wake());
  resizeObserver.observe(canvas);
  // Follow the system theme while the page asks for 'auto' (which setOptions may change).
  const darkQuery = matchMedia('(prefers-color-scheme: dark)');
  const onThemeChange = () => {
    if (!options.theme || options.theme === 'auto') call('set_theme', { theme: resolveTheme() });
  };
  darkQuery.addEventListener('change', onThemeChange);
  // The widget draws with the page's font. A web font still loading at mount is drawn again once it is in.
  if (document.fonts && document.fonts.status === 'loading') {
    document.fonts.ready.then(() => {
      if (alive) call('set_font', { family: getComputedStyle(element).fontFamily });
    }, () => {});
  }
  // Follow a single-page app's navigations: the Navigation API sees pushState too where the browser has it;
  // popstate and hashchange cover the rest. The URL is also checked before track(), which defaults to it.
  let pageUrl = startOptions.page;
  const followPage = () => {
    if (location.href === pageUrl) return;
    pageUrl = location.href;
    call('set_page', { url: pageUrl });
  };
  const navigation = typeof window.navigation === 'object' && window.navigation;
  const pageEvents = [[window, 'popstate'], [window, 'hashchange']];
  if (navigation && typeof navigation.addEventListener === 'function') pageEvents.push([navigation, 'navigatesuccess']);
  for (const [target, type] of pageEvents) target.addEventListener(type, followPage);

  // The module's JSON method bridge: gp_call returns a module-owned buffer, copied here at once.
  function callModule(method, args) {
    const text = module.ccall('gp_call', 'number', ['string', 'string'], [method, JSON.stringify(args)]);
    const reply = JSON.parse(module.UTF8ToString(text));
    if (reply.error) {
      const { code, status, path, errors } = reply.error;
      throw Object.assign(new Error(reply.error.message), { code, status, path, errors: errors || [], details: reply.error });
    }
    return reply;
  }
  function call(method, args = {}) {
    return callModule(method, args).result;
  }
  // add, update and remove: the change shows at once. With saving on, a Promise of the vendor's response
  // body, rejected (and the change undone) when the vendor refuses it or does not answer.
  function edit(method, args) {
    if (options.save !== 'vendor') return call(method, args);
    try {
      const reply = callModule(method, args);
      if (!reply.save) return Promise.resolve(reply.result);
      return new Promise((resolve, reject) => saves.set(reply.save, { resolve, reject }));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  // Hands the module `locale` with its language's texts: at once when they are at hand, else when they come,
  // unless the page asked for another locale meanwhile (`asked` is the change's number; 0: the start's).
  function takeLocale(locale, asked) {
    const apply = (pack) => {
      if (!alive || asked !== localeAsked) return;
      call('set_options', { locale, languagePack: pack });
      renderMirror(mirror, readState());
      label();
    };
    const pack = packAtHand(locale.tag);
    if (pack !== undefined) apply(pack);
    else languagePack(locale.tag).then(apply).catch((error) => console.warn('goalpost:', error.message));
  }
  const sourceArgs = (args, extra) => (extra && extra.source ? { ...args, source: extra.source } : args);

  return {
    element,
    state: readState,
    call,
    track: (event) => {
      followPage();
      return call('track', { event });
    },
    results: (id, period) => call('results', { id, period }),
    find: (query = {}) => call('find', { query }),
    explain: (url) => call('explain', { url }),
    add: (goal, extra) => edit('add', sourceArgs({ goal }, extra)),
    update: (id, changes, extra) => edit('update', sourceArgs({ id, changes }, extra)),
    remove: (id, extra) => edit('remove', sourceArgs({ id }, extra)),
    show: (id, tab) => call('show', { id: id || '', tab: tab || '' }),
    // Changed options ({theme: 'dark'}, {deals: url}; undefined: removed), applied without a remount. A
    // locale in a language whose texts are not in yet takes effect when they are (state().lang then says it).
    setOptions(changes) {
      Object.assign(options, changes);
      if ('label' in changes) label();
      if ('height' in changes) sizeCanvas(canvas, options.height);
      const forModule = moduleOptions(options, Object.keys(changes), element);
      const locale = forModule.locale;
      delete forModule.locale;
      if (Object.keys(forModule).length) call('set_options', forModule);
      renderMirror(mirror, readState());
      label();  // the default label follows the language
      if (locale) takeLocale(locale, ++localeAsked);
    },
    destroy() {
      alive = false;
      for (const pending of saves.values()) pending.reject(Object.assign(new Error('the widget was removed'), { code: 'destroyed' }));
      saves.clear();
      resizeObserver.disconnect();
      darkQuery.removeEventListener('change', onThemeChange);
      for (const [target, type] of pageEvents) target.removeEventListener(type, followPage);
      module._gp_stop();
      firstLoad.drop();
      canvas.remove();
      mirror.mirror.remove();
    },
  };
}

export class GoalWidget extends HTMLElement {
  static observedAttributes = Object.keys(ATTRIBUTES);
  #handle = null;
  #mounting = null;
  #leaving = 0;

  #options() {
    const options = {};
    for (const name in ATTRIBUTES) options[optionOf(name)] = this.getAttribute(name) || undefined;
    return options;
  }

  connectedCallback() {
    clearTimeout(this.#leaving);  // moved in the document, not removed: the widget keeps its state
    if (this.#mounting) return;
    if (!this.style.display) this.style.display = 'block';
    const options = this.#options();
    // The goals load starts early unless the page has given its headers callback by then (prefetchFirstLoad).
    const mounting = mountWidget(this, {
      ...options,
      // Looked up at each load cycle and save, so a page may set `element.headers = async () => ({...})`
      // after the element is in the document.
      headers: (request) => (typeof this.headers === 'function' ? this.headers(request) : {}),
    }, () => typeof this.headers !== 'function').then((handle) => {
      if (this.#mounting !== mounting) return handle;  // removed meanwhile, and destroyed for it
      this.#handle = handle;
      // Attributes that changed while the module loaded.
      const now = this.#options();
      const changes = Object.fromEntries(Object.entries(now).filter(([key, value]) => value !== options[key]));
      if (Object.keys(changes).length) handle.setOptions(changes);
      return handle;
    }, () => null);
    this.#mounting = mounting;
  }

  disconnectedCallback() {
    // A move (removed, then inserted again before this task ends) keeps the widget; a removal destroys it.
    this.#leaving = setTimeout(() => {
      const mounting = this.#mounting;
      this.#mounting = this.#handle = null;
      mounting.then((handle) => handle && handle.destroy());
    });
  }

  attributeChangedCallback(name, before, after) {
    if (this.#handle && before !== after) this.#handle.setOptions({ [optionOf(name)]: after || undefined });
  }

  /** The widget's loaded state as a plain object (the module's inspection call). */
  state() {
    return this.#handle ? this.#handle.state() : { started: false };
  }

  #started() {
    if (!this.#handle) throw new Error('goalpost: the widget has not started yet (wait for its ready event)');
    return this.#handle;
  }

  #call(method, args) {
    return this.#started().call(method, args);
  }

  /** Reports a page view or event ({url, event, event_value, goal_value, visitor_id, at, ...}); answers {matches}. */
  track(event) { return this.#started().track(event); }
  /** A goal's results for "START..END" or {start, end}, in the progress engine's JSON shape. */
  results(id, period) { return this.#call('results', { id, period }); }
  /** Goals matching Pipedrive-style dot filters, e.g. {'type.name': 'deals_won'}. */
  find(query = {}) { return this.#call('find', { query }); }
  /** Every goal's verdict for a URL, condition by condition. */
  explain(url) { return this.#call('explain', { url }); }
  /** Adds a goal ({source}: which goals URL or vendor, when there are several); a Promise with save="vendor". */
  add(goal, extra) { return this.#started().add(goal, extra); }
  update(id, changes, extra) { return this.#started().update(id, changes, extra); }
  /** Removes a goal; with no id, the element itself (as every element's remove() does). */
  remove(id, extra) { return id === undefined ? super.remove() : this.#started().remove(id, extra); }
  /** Opens a view: a goal's detail (`show(id)`), or a tab by name (`show(null, 'conversions')`). */
  show(id, tab) { return this.#call('show', { id: id || '', tab: tab || '' }); }
}

if (!customElements.get('goal-widget')) customElements.define('goal-widget', GoalWidget);
