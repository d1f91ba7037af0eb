import { api } from '../api.js';
import { h, fill } from '../dom.js';
import { maskedPhone, number, time } from '../format.js';
import { navigate } from '../hash.js';
import { NOTIFICATION_STATUSES, eventLabel, notificationStatusLabel } from '../notification-labels.js';
import { showInfo } from '../notices.js';
import { can } from '../session.js';
import { empty, pager, runCommand, select, statusTabs, title } from '../widgets.js';
import { channelsPanel } from './notification-channels.js';

const PAGE_SIZE = 50;
const FILTERS = ['status', 'channel'];

// Delivery attempts change the outbox without a hub event: the view reads it again every few seconds.
const POLL_MS = 5000;

/**
 * 通知: the notification outbox by status (tabs with counts: 待发送, 已送达, 失败 — the dead letter) and channel,
 * newest first, paged, a 重试 Retry on each dead letter for a role that may (notifications.write); below it the
 * tenant's channels (通知渠道) and, for that role, the form to set one.
 */
export function notificationsView(section, route, reload) {
  const current = Object.fromEntries(FILTERS.map((name) => [name, route.params.get(name) ?? '']));
  const page = Number(route.params.get('page') ?? '1');
  const go = (changes) => navigate('notifications', { ...current, page: 1, ...changes });
  const tabs = h('nav', { class: 'status-tabs', 'aria-label': '通知状态 Notification status' });
  const filters = h('div', { class: 'filters' });
  const list = h('div', { class: 'list' });
  const channels = channelsPanel(reload);
  section.append(title('通知', 'Notifications'), tabs, filters, list, channels.element);

  const retry = async (n, button) => {
    let conflict = false;
    const retried = await runCommand(button, '重试中… Retrying', () => api.retryNotification(n.notificationId).catch((error) => {
      conflict = error.status === 409;
      throw conflict ? explainConflict(error) : error;
    }));
    if (retried) {
      showInfo(`通知 ${n.notificationId} 已重新排队 queued again → ${notificationStatusLabel(retried.status)} ${retried.status}`);
    }
    if (retried || conflict) {
      reload();
    }
  };

  return {
    wants: () => false,
    everyMs: POLL_MS,
    async refresh() {
      const [result, counts, channelList] = await Promise.all([
        api.notifications({ ...current, page, pageSize: PAGE_SIZE }),
        api.notificationCounts(),
        api.notificationChannels(),
      ]);
      fill(tabs, statusTabs(NOTIFICATION_STATUSES, counts, current.status, (status) => go({ status })));
      const names = [...new Set([...channelList.items.map((c) => c.name), current.channel].filter(Boolean))];
      fill(filters,
        h('label', {}, '渠道 Channel ', select('channel', '全部 All', names.map((name) => [name, name]), current.channel,
          (e) => go({ channel: e.target.value }))));
      fill(list, result.items.length === 0
        ? empty('没有符合条件的通知 No matching notifications')
        : [table(result.items, retry), pager(result, (p) => go({ page: p }), '条')]);
      channels.show(channelList.items);
    },
  };
}

function table(items, retry) {
  const retries = can('notifications.write');
  return h('table', { class: 'notifications' },
    h('thead', {}, h('tr', {},
      h('th', {}, '事件 Event'), h('th', {}, '标题 Subject'), h('th', {}, '渠道 Channel'), h('th', {}, '状态 Status'),
      h('th', { class: 'num' }, '次数 Attempts'), h('th', {}, '最近错误 Last error'), h('th', {}, '下次发送 / 送达 Next / Delivered'),
      h('th', {}, '收件人 Recipient'), h('th', {}, '创建 Created'), retries ? h('th', {}, '') : null)),
    h('tbody', {}, items.map((n) =>
      h('tr', { dataset: { notification: String(n.notificationId), status: n.status } },
        h('td', { dataset: { field: 'event' } }, eventChip(n.eventKind)),
        h('td', { dataset: { field: 'subject' } }, n.subject),
        h('td', { dataset: { field: 'channel' } }, n.channel),
        h('td', { dataset: { field: 'status' } }, statusBadge(n.status)),
        h('td', { class: 'num', dataset: { field: 'attempts' } }, number(n.attempts)),
        h('td', { class: 'last-error', dataset: { field: 'lastError' }, title: n.lastError ?? '' }, n.lastError ?? '—'),
        h('td', { dataset: { field: 'when' } }, when(n)),
        h('td', { dataset: { field: 'recipient' } }, maskedPhone(n.recipient)),
        h('td', {}, time(n.createdAt)),
        retries ? h('td', { class: 'actions' }, n.status === 'failed' ? retryButton(n, retry) : null) : null))));
}

export const eventChip = (kind) => h('span', { class: 'chip event', title: kind }, eventLabel(kind), h('small', {}, kind));

const statusBadge = (status) =>
  h('span', { class: `badge notification-${status}`, title: status }, notificationStatusLabel(status), h('small', {}, status));

/** When a pending one is tried next, when a delivered one arrived; a dead letter waits for a person. */
function when(n) {
  if (n.status === 'pending' && n.nextAttemptAt) {
    return h('span', {}, '下次 Next ', h('time', { datetime: n.nextAttemptAt }, time(n.nextAttemptAt)));
  }
  if (n.status === 'delivered' && n.deliveredAt) {
    return h('span', {}, '送达 Delivered ', h('time', { datetime: n.deliveredAt }, time(n.deliveredAt)));
  }
  return '—';
}

function retryButton(n, retry) {
  const button = h('button', { type: 'button', class: 'primary', dataset: { action: 'retry' } }, '重试 Retry');
  button.addEventListener('click', () => retry(n, button));
  return button;
}

/** A retry of one that is no longer failed (someone else sent it again) says what it is now. */
function explainConflict(error) {
  const problem = error.problem ?? {};
  const status = problem.currentStatus;
  const now = status ? `当前状态 Current status: ${notificationStatusLabel(status)} ${status}` : '';
  return { status: error.status, problem: { ...problem, detail: [problem.detail, now].filter(Boolean).join(' — ') } };
}
