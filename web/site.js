// The demo site's URL tester: asks the Zendesk widget's explain() and lists each goal's verdict as text.
// A separate file because the site's Content-Security-Policy allows no inline script.
const form = document.querySelector('#url-tester');
const verdicts = document.querySelector('#url-tester-verdicts');
const widget = document.querySelector('#zendesk');

function describe(goal) {
  const reasons = goal.conditions.map((c) => `${c.verdict}: ${c.reason}`).join('; ');
  return `${goal.title || goal.goal}: ${goal.verdict}${reasons ? ` (${reasons})` : ''}`;
}

function show(lines) {
  verdicts.replaceChildren(...lines.map((line) => {
    const item = document.createElement('li');
    item.textContent = line;  // data is always text, never markup
    return item;
  }));
}

if (form && widget) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      const report = widget.explain(form.elements.url.value);
      show(report.url_problem ? [`The URL cannot be used: ${report.url_problem}`] : report.goals.map(describe));
    } catch (error) {
      show([error.message]);
    }
  });
}
