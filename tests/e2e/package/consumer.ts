import { mount, type GoalWidgetHandle } from 'goalpost-widget';

// The element: document.createElement knows its class, addEventListener its events' details.
const widget = document.createElement('goal-widget');
widget.setAttribute('goals', '/web/data/pipedrive-goals.json');
widget.setAttribute('currencies', JSON.stringify({ 1: 'USD', 2: 'EUR' }));
widget.addEventListener('ready', (e) => {
  const q1 = widget.results('b7d20a44', '2026-01-01..2026-03-31');
  widget.dataset.heard = `${e.detail.goals} goals from ${e.detail.vendor}, Q1 target ${q1.totals.target} ${q1.currency}`;
});
widget.addEventListener('error', (e) => console.warn(e.detail.stage, e.detail.message));
document.body.append(widget);

// mount(): the same methods on a handle, and options that change without a remount.
const host = document.body.appendChild(document.createElement('div'));
const handle: GoalWidgetHandle = await mount(host, { goals: '/web/data/zendesk-goals.json', theme: 'dark' });
handle.setOptions({ theme: 'light', period: '2026-01-01..2026-03-31' });
host.addEventListener('ready', () => { host.dataset.goals = String(handle.state().goal_count); });
