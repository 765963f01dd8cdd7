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

// The page's headers callback answers with a plain object or a Headers; only its string pairs go on.
// The answer is handed to the module for one load cycle, in memory only: never stored, logged, put in a
// URL, or shown in state() or events.
async function collectHeaders(provider) {
  const answer = await provider();
  if (answer === null || typeof answer !== 'object') throw new TypeError('the headers callback must return an object');
  const entries = answer instanceof Headers ? [...answer.entries()] : Object.entries(answer || {});
  return Object.fromEntries(entries.map(([name, value]) => [String(name), String(value)]));
}

function numberOption(value) {
  const number = value === undefined || value === null || value === '' ? NaN : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function emit(element, type, detail) {
  element.dispatchEvent(new CustomEvent(type, { detail }));
}

function createCanvas(element, options) {
  const canvas = document.createElement('canvas');
  canvas.id = `goalpost-canvas-${++nextCanvasId}`;
  canvas.tabIndex = 0;  // focusable, so that keyboard input reaches the widget only when it has focus
  canvas.setAttribute('aria-label', options.label || 'Goals');
  canvas.style.display = 'block';
  canvas.style.width = '100%';
  canvas.style.height = options.height || '100%';
  canvas.style.touchAction = 'pan-y';
  canvas.style.outlineOffset = '-2px';
  element.appendChild(canvas);
  if (!options.height && canvas.clientHeight === 0) canvas.style.height = '360px';
  return canvas;
}

/**
 * Mounts a widget into `element`.
 * options: { goals: URL, format: 'auto'|'pipedrive'|'hubspot'|'giosg'|'zendesk', height: CSS length, label,
 *            refresh: seconds between reloads (0: once), timeout: seconds per request, retries: per request,
 *            headers: async () => ({ Authorization: ... }) asked before each load (docs/network.md) }
 * Resolves to a handle { element, state(), destroy() } once the module runs; the 'ready' and 'error'
 * events on `element` report data loading.
 */
export async function mount(element, options = {}) {
  const canvas = createCanvas(element, options);
  let module;
  try {
    const wasmModule = await compileModuleOnce();
    module = await createGoalpost({
      instantiateWasm(imports, receiveInstance) {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => receiveInstance(instance, wasmModule));
        return {};
      },
      onGoalpostEvent(type, detailJson) {
        emit(element, type, JSON.parse(detailJson));
      },
      onGoalpostNeedHeaders(cycle) {
        collectHeaders(options.headers).then((headers) => JSON.stringify(headers), () => 'null')
          .then((json) => module.ccall('gp_set_headers', null, ['number', 'string'], [cycle, json]));
      },
      print: () => {},
      printErr: (text) => console.warn('goalpost:', text),
    });
  } catch (error) {
    canvas.remove();
    emit(element, 'error', { stage: 'load', message: String(error && error.message || error) });
    throw error;
  }

  const startOptions = {
    canvas: `#${canvas.id}`,
    goals: resolveDataUrl(options.goals),
    format: options.format || 'auto',
    refresh: numberOption(options.refresh),
    timeout: numberOption(options.timeout),
    retries: numberOption(options.retries),
    headers: typeof options.headers === 'function',
  };
  const status = module.ccall('gp_start', 'number', ['string'], [JSON.stringify(startOptions)]);
  if (status !== 0) {
    canvas.remove();
    throw new Error(`goalpost: the widget did not start (code ${status})`);
  }

  // Redraw when the widget's box changes; the module sleeps otherwise.
  const resizeObserver = new ResizeObserver(() => module._gp_wake());
  resizeObserver.observe(canvas);

  return {
    element,
    state: () => JSON.parse(module.UTF8ToString(module._gp_state())),
    destroy() {
      resizeObserver.disconnect();
      module._gp_stop();
      canvas.remove();
    },
  };
}

class GoalWidget extends HTMLElement {
  #handle = null;
  #mounting = null;

  connectedCallback() {
    if (this.#mounting) return;
    if (!this.style.display) this.style.display = 'block';
    this.#mounting = mount(this, {
      goals: this.getAttribute('goals'),
      format: this.getAttribute('format') || 'auto',
      height: this.getAttribute('height') || undefined,
      label: this.getAttribute('aria-label') || undefined,
      refresh: this.getAttribute('refresh') || undefined,
      timeout: this.getAttribute('timeout') || undefined,
      retries: this.getAttribute('retries') || undefined,
      // Looked up at each load cycle, so a page may set `element.headers = async () => ({...})` after
      // the element is in the document.
      headers: () => (typeof this.headers === 'function' ? this.headers() : {}),
    }).then((handle) => { this.#handle = handle; return handle; }, () => null);
  }

  disconnectedCallback() {
    const mounting = this.#mounting;
    this.#mounting = null;
    if (mounting) mounting.then((handle) => handle && handle.destroy());
    this.#handle = null;
  }

  /** The widget's loaded state as a plain object (the module's inspection call). */
  state() {
    return this.#handle ? this.#handle.state() : { started: false };
  }
}

if (!customElements.get('goal-widget')) customElements.define('goal-widget', GoalWidget);
