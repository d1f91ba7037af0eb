import { h } from './dom.js';

const INFO_LIFETIME_MS = 8000;
const region = () => document.getElementById('notices');

// The server's words stay as it wrote them; a refusal of the role also says so in the operators' terms.
const HINTS = {
  403: '当前角色无此权限 Your role does not allow this',
};

/** Shows what went wrong, as the server put it, until the operator closes it. */
export function showError(error) {
  const problem = error.problem ?? { title: error.message || String(error) };
  const key = `${problem.title}|${problem.detail ?? ''}`;
  const existing = [...region().children].find((n) => n.dataset.key === key);
  if (existing) {
    // A live refresh failing again repeats the same problem: count it instead of stacking copies.
    const repeats = existing.querySelector('.repeats');
    repeats.dataset.count = String(Number(repeats.dataset.count) + 1);
    repeats.textContent = `×${repeats.dataset.count}`;
    return;
  }
  const notice = h('div', { class: 'notice error', role: 'alert', dataset: { key } },
    h('div', { class: 'notice-body' },
      h('strong', { class: 'notice-title' }, problem.title, error.status ? ` (${error.status})` : ''),
      HINTS[error.status] ? h('div', { class: 'notice-hint' }, HINTS[error.status]) : null,
      problem.detail ? h('div', { class: 'notice-detail' }, problem.detail) : null,
      fieldErrors(problem.errors)),
    h('span', { class: 'repeats', dataset: { count: '1' } }),
    closeButton());
  region().append(notice);
}

/** A short confirmation that fades by itself. */
export function showInfo(text) {
  const notice = h('div', { class: 'notice info', role: 'status' }, h('div', { class: 'notice-body' }, text), closeButton());
  region().append(notice);
  setTimeout(() => notice.remove(), INFO_LIFETIME_MS);
}

function fieldErrors(errors) {
  if (!errors || typeof errors !== 'object') {
    return null;
  }
  return h('ul', { class: 'notice-fields' },
    Object.entries(errors).map(([field, messages]) => h('li', {}, h('code', {}, field), ' ', [].concat(messages).join(' '))));
}

function closeButton() {
  return h('button', { class: 'notice-close', type: 'button', title: '关闭 Close', onclick: (e) => e.currentTarget.parentElement.remove() }, '×');
}
