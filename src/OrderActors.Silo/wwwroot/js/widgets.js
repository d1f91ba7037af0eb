import { h } from './dom.js';
import { number } from './format.js';
import { showError } from './notices.js';
import { breakerLabel, holdLabel, statusLabel } from './labels.js';
import { kindLabel, rmaStatusLabel } from './return-labels.js';

export const statusBadge = (status) =>
  h('span', { class: `badge status-${status}`, title: status }, statusLabel(status), h('small', {}, status));

export const breakerBadge = (state) =>
  h('span', { class: `badge breaker-${state}`, title: state }, breakerLabel(state), h('small', {}, state));

export const holdChip = (code) => h('span', { class: 'chip hold', title: code }, holdLabel(code), h('code', {}, code));

export const rmaBadge = (status) =>
  h('span', { class: `badge rma-${status}`, title: status }, rmaStatusLabel(status), h('small', {}, status));

export const kindChip = (kind) => h('span', { class: 'chip kind', dataset: { kind } }, kindLabel(kind), h('small', {}, kind));

export const rmaLink = (rmaId) => h('a', { href: `#/rma/${encodeURIComponent(rmaId)}`, class: 'rma-link' }, rmaId);

export const orderLink = (orderId) => h('a', { href: `#/order/${encodeURIComponent(orderId)}`, class: 'order-link' }, orderId);

/** A heading with the Chinese title and its English name. */
export const title = (chinese, english, ...extra) => h('header', { class: 'view-head' }, h('h1', {}, chinese, h('small', {}, english)), ...extra);

export const stat = (label, value, options = {}) =>
  h('div', { class: `stat ${options.tone ?? ''}`, dataset: { stat: options.key } },
    h('div', { class: 'stat-value' }, value),
    h('div', { class: 'stat-label' }, label));

export const panel = (heading, content) => h('article', { class: 'panel' }, h('h2', {}, heading), content);

export const empty = (text) => h('p', { class: 'empty' }, text);

/**
 * Runs a command from a button: the button is disabled and says what is happening until the server
 * answers; a failure shows the server's problem details. Resolves to the answer, or undefined on failure.
 */
export async function runCommand(button, busyText, action) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = busyText;
  try {
    return await action();
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

/** Previous / next over a paged list; `go(page)` navigates. `unit` counts the items: 单 orders, 条 notifications. */
export function pager(result, go, unit = '单') {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return h('div', { class: 'pager' },
    h('button', { type: 'button', disabled: result.page <= 1, onclick: () => go(result.page - 1) }, '‹ 上一页 Prev'),
    h('span', { class: 'pager-info' }, `第 ${result.page} / ${pages} 页 · 共 ${result.total} ${unit}`),
    h('button', { type: 'button', disabled: result.page >= pages, onclick: () => go(result.page + 1) }, '下一页 Next ›'));
}

/** A select with an "all" option; `pairs` are [value, label]. */
export function select(name, allLabel, pairs, selected, onchange) {
  return h('select', { name, onchange },
    h('option', { value: '' }, allLabel),
    pairs.map(([value, label]) => h('option', { value, selected: value === selected }, label)));
}

/**
 * 全部 and one tab per status of `statuses` ([value, Chinese]), each with its count from `counts`; the chosen one
 * is marked for screen readers as well. `choose(status)` navigates ('' for all).
 */
export function statusTabs(statuses, counts, chosen, choose) {
  const all = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const tab = (status, label, count) => h('button', {
    type: 'button',
    class: `status-tab ${status === chosen ? 'active' : ''}`,
    'aria-pressed': String(status === chosen),
    dataset: { status: status || 'all', count: String(count) },
    onclick: () => choose(status),
  }, label, h('span', { class: 'tab-count' }, number(count)));
  return [
    tab('', '全部 All', all),
    statuses.map(([status, zh]) => tab(status, [zh, ' ', h('small', {}, status)], counts[status] ?? 0)),
  ];
}
