// Mistakes the declarations must catch: each line below is a compile error, and tsc fails if it is not.
import { mount } from 'goalpost-widget';

const widget = document.createElement('goal-widget');
// @ts-expect-error: ready's detail has goals, vendor and pages
widget.addEventListener('ready', (e) => e.detail.title);
// @ts-expect-error: a match's time is a number of milliseconds
widget.addEventListener('match', (e) => e.detail.at.toUpperCase());
// @ts-expect-error: the element's state is not there before it starts
widget.state().goal_count;
// @ts-expect-error: show() opens a view by name
widget.show(null, 'settings');
// @ts-expect-error: themes are auto, light and dark
void mount(widget, { theme: 'purple' });
// @ts-expect-error: results() names a goal and a period
widget.results();

// ...and what is right compiles, this too.
const state = widget.state();
if (state.started) console.log(state.goal_count, state.period.label);
// state()'s goals are shared between calls and frozen; the array is the call's own.
if (state.started) state.goals.reverse();
// @ts-expect-error: a goal of state() cannot be changed
if (state.started) state.goals[0].title = 'renamed';
widget.remove();
