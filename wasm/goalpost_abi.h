/* goalpost's module ABI: every function the page's loader (web/goal-widget.js) calls, and every callback
 * the module calls back on its module object. Kept in step with EXPORTED_FUNCTIONS in wasm/CMakeLists.txt
 * (tests/lint_abi.py checks it).
 *
 * One widget per module instance. Strings are UTF-8 and NUL-terminated.
 * Ownership: a `const char*` argument is the caller's and is read during the call only; a `const char*`
 * returned is the module's, valid until the next call of the same function (copy it with UTF8ToString).
 *
 * Callbacks the loader passes in the module arguments (nothing is put on `window`):
 *   onGoalpostEvent(type, detailJson)      every event of docs/embedding.md ("ready", "data", "error",
 *                                          "goal-change", "match", "saved"), dispatched on the element;
 *   onGoalpostNeedHeaders(ticket, reqJson) the page's headers for one request or load cycle; reqJson is
 *                                          {"url", "method"}. Answer with gp_set_headers(ticket, ...).
 */
#ifndef GOALPOST_ABI_H
#define GOALPOST_ABI_H

#ifdef __cplusplus
extern "C" {
#endif

/* Starts the widget with its options (a JSON object: docs/embedding.md, widget/ui/widget_options.hpp).
 * Returns 0: started; 1: already started; 2: the options are not a JSON object; 3: no WebGL2 context for
 * the canvas. Problems with single options are "error" events (stage "start"); the widget still starts. */
int gp_start(const char* options_json);

/* The inspection state as JSON (docs/embedding.md, "state()"), in two parts: `part` 0 is the object without
 * its goal list, `part` 1 the goal list alone (a JSON array, written again only when gp_mirror_revision()
 * moves). `part` 2 is the goal list as {"base": revision, "goals": [...]}, where an entry that is a number
 * is the entry at that place in the list of revision `base` (the list part 1 or part 2 handed last), and
 * the others are written out: after one goal's edit, that goal alone is. Module-owned: part 0 is valid
 * until the next call for part 0, part 1 until gp_mirror_revision() moves, part 2 until the next call for
 * part 2 (copy any at once). */
const char* gp_state(int part);

/* A number that moves whenever what the accessibility mirror shows moves (its goal lines, the as-of day,
 * an empty period's note, loading): the loader rebuilds the mirror only then. */
unsigned gp_mirror_revision(void);

/* Calls a method by name with a JSON object of arguments. Answers {"result": ...} or {"error": {code,
 * message, status, path, errors?}}; an edit sent to a vendor also carries {"save": id}, settled later by a
 * "saved" event or an "error" event with stage "save" and the same id. Module-owned; valid until the next
 * call. Never aborts the widget. */
const char* gp_call(const char* method, const char* args_json);

/* The page's answer to onGoalpostNeedHeaders(ticket): a JSON object of header names to strings, or null
 * (or anything else) when its callback failed. Kept for that one request or cycle, in memory only. An
 * unknown or already answered ticket is ignored. */
void gp_set_headers(unsigned ticket, const char* headers_json);

/* Something outside the module changed what should be drawn (size, visibility): the canvas's size is
 * measured again (only then, and at the first frame) and a few frames are drawn. */
void gp_wake(void);

/* Stops drawing and loading, and releases the GL context and listeners. The instance can then be dropped. */
void gp_stop(void);

#ifdef __cplusplus
}
#endif

#endif /* GOALPOST_ABI_H */
