// Types for goal-widget.js: the <goal-widget> element, its events and mount(). Written by hand from
// docs/embedding.md (the shapes), docs/progress.md (results) and docs/conditions.md (explain); the npm
// package's test compiles a page against them (tests/e2e/package.mjs).

export type Vendor = 'pipedrive' | 'hubspot' | 'giosg' | 'zendesk';
export type Format = 'auto' | Vendor;
export type Theme = 'auto' | 'light' | 'dark';
/** The period shown first: the current week, month, quarter or year, or `START..END` (YYYY-MM-DD). */
export type PeriodOption = 'week' | 'month' | 'quarter' | 'year' | `${string}..${string}`;
export type View = 'overview' | 'detail' | 'conversions' | 'url_tester' | 'editor';
export type DataSourceName = 'deals' | 'activities' | 'stageChanges' | 'events' | 'conversions';

/** A field-level problem: in a payload read, a method's body, or a data source's records. */
export interface FieldError {
  path: string;
  code: string;
  message: string;
  /** The HTTP status the vendor's API would answer. */
  status: number;
}

/** Thrown by the methods. */
export interface GoalWidgetError extends Error {
  code: string;
  status: number;
  path: string;
  errors: FieldError[];
}

/** A header callback's answer (docs/network.md): asked before each load cycle and each save, never stored or logged. */
export type HeadersAnswer = Record<string, string> | Headers;
/** What the headers callback is asked for: the request's URL (a goals URL, or where a save goes) and method. */
export interface HeadersRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
}
/** Where edits go: kept in the page (none, the default), or sent to the vendor each goal came from. */
export type SaveMode = 'none' | 'vendor';

/** mount()'s options: the element's attributes in camelCase, with objects where the attributes take JSON text. */
export interface GoalWidgetOptions {
  /** URL of a goals payload (Pipedrive, HubSpot, giosg or Zendesk Chat; paged responses are followed), several
   * separated by whitespace, or an array of them: their goals are shown together. */
  goals?: string | string[];
  deals?: string;
  activities?: string;
  stageChanges?: string;
  /** A page-view/event log in JSON lines: condition goals are matched over it. */
  events?: string;
  /** Conversions the vendor reported (Zendesk Chat), or giosg external goal matches. */
  conversions?: string;
  /** One format for every goals URL, or one per URL (an array, or separated by whitespace). */
  format?: Format | Format[] | string;
  save?: SaveMode;
  period?: PeriodOption;
  /** The day every figure is shown as of (YYYY-MM-DD); default the visitor's clock. */
  asOf?: string;
  theme?: Theme;
  /** A BCP 47 tag for numbers, dates and the widget's words (English, German, French or Spanish by its primary
   *  subtag; English for others); default the closest `lang` attribute around the element, then the page's, then
   *  the browser's. */
  locale?: string;
  /** Pipedrive currency ids to codes: `{ "1": "USD" }`. */
  currencies?: Record<string, string> | string;
  /** Team ids to user ids: `{ "31": [1202, 1203] }`. */
  teams?: Record<string, Array<string | number>> | string;
  /** An explicit exchange-rate table: `{ EUR: 1, USD: 0.92 }`. */
  rates?: Record<string, number> | string;
  /** giosg's condition-code table (docs/formats.md). */
  giosgCodes?: { codes: Array<{ code: number; field: string; op: string; name?: string }> } | string;
  /** Seconds between reloads (0: load once). */
  refresh?: number | string;
  /** Seconds per request. */
  timeout?: number | string;
  /** Retries per request. */
  retries?: number | string;
  /** The name of the widget and of its text mirror. */
  label?: string;
  /** A CSS height for the canvas if the element has none. */
  height?: string;
  headers?: (request: HeadersRequest) => HeadersAnswer | Promise<HeadersAnswer>;
}

/** The element's attributes (for typing them in a framework's templates). Object values are JSON text. */
export interface GoalWidgetAttributes {
  goals?: string;
  deals?: string;
  activities?: string;
  'stage-changes'?: string;
  events?: string;
  conversions?: string;
  format?: string;
  save?: SaveMode;
  period?: PeriodOption;
  'as-of'?: string;
  theme?: Theme;
  locale?: string;
  currencies?: string;
  teams?: string;
  rates?: string;
  'giosg-codes'?: string;
  refresh?: string;
  timeout?: string;
  retries?: string;
  'aria-label'?: string;
  height?: string;
}

//-----------------------------------------------------------------------------
// Events
//-----------------------------------------------------------------------------

/** One per goals URL, when it has loaded. */
export interface ReadyDetail {
  /** How many goals the widget shows now, from every source. */
  goals: number;
  vendor: Vendor;
  pages: number;
  /** The goals URL that loaded, and how many of the goals are its. */
  source: string;
  source_goals: number;
  /** What was read leniently (an unknown value of an optional field, with a safe fallback). */
  warnings: FieldError[];
}

export interface ErrorDetail {
  stage: 'load' | 'start' | 'options' | 'fetch' | 'read' | 'paging' | 'headers' | 'save';
  status?: number;
  message?: string;
  url?: string;
  page?: number;
  partial?: boolean;
  /** Set when a source failed: a data source's name, or a goals URL. */
  source?: DataSourceName | string;
  errors?: FieldError[];
  /** A save (stage 'save'): its id, what it was, and whether the change was undone. */
  save?: number;
  action?: 'add' | 'update' | 'remove';
  id?: string;
  vendor?: Vendor;
  method?: HeadersRequest['method'];
  reverted?: boolean;
  conflict?: boolean;
  timed_out?: boolean;
}

/** An edit the vendor took (save="vendor"). */
export interface SavedDetail {
  save: number;
  action: 'add' | 'update' | 'remove';
  /** The goal's id at the vendor (a created goal's new id); `local_id` is the one it had in the page. */
  id: string;
  local_id: string;
  source: string;
  vendor: Vendor;
  status: number;
  /** The vendor's response body. */
  body: VendorBody | null;
  warnings?: FieldError[];
}

interface DataCounts {
  ignored: number;
  errors?: FieldError[];
}
export type DataDetail =
  | (DataCounts & { source: 'deals' | 'activities' | 'stageChanges'; deals: number; activities: number; stage_changes: number })
  | (DataCounts & { source: 'events'; records: number; matches: number })
  | (DataCounts & { source: 'conversions'; conversions: number })
  | (DataCounts & { source: 'conversions'; external_matches: number; unlinked: number });

export interface GoalChangeDetail {
  action: 'add' | 'update' | 'remove';
  id: string;
  /** How many goals there are now. */
  goals: number;
}

export interface MatchDetail {
  goal: string;
  title: string;
  visitor: string;
  session: number;
  /** Milliseconds since 1970 (UTC). */
  at: number;
  url: string;
  value: number | null;
  /** The agent the goal's attribution credits, or null. */
  agent: string | null;
}

/** The widget's events: CustomEvents that bubble and are composed. */
export interface GoalWidgetEventMap {
  ready: CustomEvent<ReadyDetail>;
  data: CustomEvent<DataDetail>;
  error: CustomEvent<ErrorDetail>;
  'goal-change': CustomEvent<GoalChangeDetail>;
  match: CustomEvent<MatchDetail>;
  saved: CustomEvent<SavedDetail>;
}

//-----------------------------------------------------------------------------
// Method answers
//-----------------------------------------------------------------------------

export interface ShownGoal {
  id: string;
  title: string;
  progress: number | null;
  target: number;
  percent: number | null;
  /** The status as the widget says it, in its language: "on track", "im Plan", "no data"... */
  status: string;
  /** The same as a code that does not change with the language. */
  pace: 'on_track' | 'behind' | 'at_risk' | 'unknown' | 'no_data';
  /** The goal in one sentence, in the widget's language, as the mirror reads it. */
  text: string;
  /** The period on screen holds none of the loaded data. */
  no_data: boolean;
  value_text: string;
  target_text: string;
}

/** state() of a running widget. */
export interface GoalWidgetState {
  started: true;
  ready: boolean;
  loading: boolean;
  status: string;
  goal_count: number;
  /** The call's own array; its goals are frozen and shared with other calls until the list changes. */
  goals: Readonly<ShownGoal>[];
  period: { start: string; end: string; label: string };
  /** "No data in ..." when the period on screen holds none of the data. */
  notice: string | null;
  /** The as-of day (YYYY-MM-DD), or null for the visitor's clock. */
  as_of: string | null;
  /** The first and last instant of the loaded data (milliseconds since 1970). */
  data_span: { first: number; last: number } | null;
  tab: string;
  /** The catalog the widget speaks: 'en', 'de', 'fr' or 'es'. */
  lang: 'en' | 'de' | 'fr' | 'es';
  /** The loader's own words in that language, with {placeholders}. */
  phrases: { label: string; goal_reached: string; as_of: string };
  page: string;
  matches: number;
  conversions: number;
  errors: FieldError[];
  warnings: FieldError[];
  frames_drawn: number;
  loop_paused: boolean;
  event_sources: Partial<Record<DataSourceName, Record<string, number | boolean>>>;
  /** Each goals URL: its loader's fields, format, detected vendor, status line, goals, errors and warnings. */
  sources: Array<{ url: string; format: Format | 'unknown'; vendor: Vendor | 'unknown'; ready: boolean; status: string;
                   goals: number; errors: FieldError[]; warnings: FieldError[]; [loaderField: string]: unknown }>;
  save: SaveMode;
  /** Saves sent and not yet answered. */
  saving: Array<{ save: number; action: string; method: string; url: string; attempt: number }>;
  /** The loader's fields (docs/network.md): cycles, requests, retries, stale, last_error, ... */
  [loaderField: string]: unknown;
}

export interface NotStarted {
  started: false;
}

export interface DateRange {
  start: string;
  end: string;
}

export interface Interval extends DateRange {
  progress: number;
  target: number;
  percent: number | null;
}

/** results(): docs/progress.md. */
export interface GoalResults {
  goal_id: string;
  period: DateRange;
  interval: string;
  direction: string;
  tracking_metric: string;
  currency: string | null;
  intervals: Interval[];
  totals: { progress: number; target: number; percent: number | null };
  currency_conversion: 'none' | 'explicit_rate_table';
  other_currency_events: number;
  ignored: { total: number; by_reason: Record<string, number>; samples: FieldError[] };
  pace: {
    interval: DateRange;
    elapsed_fraction: number;
    prorated_target: number;
    progress: number;
    status: 'on_track' | 'behind' | 'at_risk';
    forecast: number;
  } | null;
}

export type Verdict = 'match' | 'no_match' | 'unsupported' | 'error';

/** explain(): docs/conditions.md. */
export interface Explanation {
  url: string;
  url_normalized: string | null;
  url_problem?: string;
  matched: string[];
  goals: Array<{
    goal: string;
    title: string;
    verdict: Verdict;
    combinator: string;
    room_allowed: boolean;
    conditions: Array<{
      index: number;
      field: string;
      op: string;
      pattern: string;
      subject: string;
      negate: boolean;
      case_sensitive: boolean;
      verdict: Verdict;
      reason: string;
    }>;
  }>;
}

/** track()'s event (docs/embedding.md); an agent touch is `{ agent_id, department_id }`. */
export interface TrackEvent {
  url?: string;
  event?: string;
  event_value?: string | number;
  goal_value?: number;
  title?: string;
  referrer?: string;
  room?: string;
  visitor_id?: string;
  /** Milliseconds since 1970, or an ISO 8601 time; default now. */
  at?: number | string;
  agent_id?: string;
  department_id?: string;
}

/** A vendor's response body, in the widget's vendor format (find, add, update, remove). */
export type VendorBody = unknown;

/** Which source an edit goes to when there are several: one of the goals URLs, or a vendor's name. */
export interface EditTarget {
  source?: string;
}
/** An edit's answer: the body at once, or with save="vendor" a Promise of the vendor's response body (rejected
 * with a GoalWidgetError, and the change undone, when the vendor refuses it or does not answer). */
export type EditAnswer = VendorBody | Promise<VendorBody>;

/** The methods of the element and of mount()'s handle. Each answers synchronously or throws a GoalWidgetError;
 * with save="vendor", add, update and remove answer Promises. */
export interface GoalWidgetMethods {
  track(event: TrackEvent): { matches: MatchDetail[] };
  results(id: string | number, period: string | DateRange): GoalResults;
  find(query?: Record<string, string | number | boolean>): VendorBody;
  explain(url: string): Explanation;
  add(goal: object, target?: EditTarget): EditAnswer;
  update(id: string | number, changes: object, target?: EditTarget): EditAnswer;
  show(id?: string | number | null, tab?: View): { tab: View; id: string | null };
}

//-----------------------------------------------------------------------------
// The element and mount()
//-----------------------------------------------------------------------------

type Listener<K extends keyof GoalWidgetEventMap> = (this: GoalWidget, event: GoalWidgetEventMap[K]) => unknown;

export interface GoalWidget extends GoalWidgetMethods {}

/** `<goal-widget>`. Attribute changes after mount are applied live; moving the element keeps its state. */
export declare class GoalWidget extends HTMLElement {
  static readonly observedAttributes: ReadonlyArray<keyof GoalWidgetAttributes>;
  /** Asked before each load of the goals and each save for request headers (docs/network.md). */
  headers?: GoalWidgetOptions['headers'];
  /** `{ started: false }` until the module runs. */
  state(): GoalWidgetState | NotStarted;
  /** Removes a goal; with no id, the element itself, as every element's remove() does. */
  remove(): void;
  remove(id: string | number, target?: EditTarget): EditAnswer;

  addEventListener<K extends keyof GoalWidgetEventMap>(type: K, listener: Listener<K>, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K, listener: (this: GoalWidget, event: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof GoalWidgetEventMap>(type: K, listener: Listener<K>, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K, listener: (this: GoalWidget, event: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** What mount() resolves to. */
export interface GoalWidgetHandle extends GoalWidgetMethods {
  element: HTMLElement;
  state(): GoalWidgetState;
  remove(id: string | number, target?: EditTarget): EditAnswer;
  /** Changed options (undefined for one taken away), applied without a remount. */
  setOptions(changes: GoalWidgetOptions): void;
  /** The module's JSON bridge, e.g. `call('set_theme', { theme: 'dark' })`. */
  call(method: 'set_theme', args: { theme: 'light' | 'dark' }): 'light' | 'dark';
  call(method: string, args?: object): unknown;
  /** Stops the module and takes the canvas and the mirror out of the element. */
  destroy(): void;
}

/** Mounts a widget into `element`; resolves once the module runs (the `ready` event says when the goals are in). */
export declare function mount(element: HTMLElement, options?: GoalWidgetOptions): Promise<GoalWidgetHandle>;

declare global {
  interface HTMLElementTagNameMap {
    'goal-widget': GoalWidget;
  }
}
