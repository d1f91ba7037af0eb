import { api } from '../api.js';
import { h, fill } from '../dom.js';
import { money, time } from '../format.js';
import { navigate } from '../hash.js';
import { HOLD_CODES, channelLabel, holdLabel, statusLabel } from '../labels.js';
import { showInfo } from '../notices.js';
import { can } from '../session.js';
import { empty, holdChip, orderLink, pager, runCommand, select, title } from '../widgets.js';

const PAGE_SIZE = 50;

/** 异常队列: orders on hold, filtered by hold code, each with a Release button for a role that may release (orders.write). */
export function exceptionsView(section, route, reload) {
  const holdCode = route.params.get('holdCode') ?? '';
  const page = Number(route.params.get('page') ?? '1');
  const go = (code, toPage) => navigate('exceptions', { holdCode: code, page: toPage });
  const filters = h('div', { class: 'filters' });
  const list = h('div', { class: 'list' });
  section.append(title('异常队列', 'Exception queue'), filters, list);

  const release = async (orderId, button) => {
    const order = await runCommand(button, '放行中… Releasing', () => api.releaseHold(orderId));
    if (order) {
      showInfo(`${orderId} 已放行 released → ${statusLabel(order.status)} ${order.status}`);
      reload();
    }
  };

  return {
    wants: (stream, event) => stream === 'order' && (event.data?.status === 'OnHold' || event.data?.previousStatus === 'OnHold'),
    async refresh() {
      const [result, dashboard] = await Promise.all([
        api.orders({ status: 'OnHold', holdCode, page, pageSize: PAGE_SIZE }),
        api.dashboard(),
      ]);
      const counts = dashboard.holdsByCode;
      const codes = [...new Set([...HOLD_CODES.map(([code]) => code), ...Object.keys(counts)])];
      fill(filters,
        h('label', {}, '挂起原因 Hold code ',
          select('holdCode', `全部 All (${dashboard.holds})`,
            codes.map((code) => [code, `${holdLabel(code)} ${code} (${counts[code] ?? 0})`]), holdCode,
            (e) => go(e.target.value, 1))));
      fill(list, result.items.length === 0
        ? empty('没有挂起订单 Nothing on hold')
        : [table(result.items, release), pager(result, (p) => go(holdCode, p))]);
    },
  };
}

function table(items, release) {
  const releases = can('orders.write');
  return h('table', { class: 'orders' },
    h('thead', {}, h('tr', {},
      h('th', {}, '订单号 Order'), h('th', {}, '渠道 Channel'), h('th', {}, '挂起原因 Holds'),
      h('th', { class: 'num' }, '金额 Amount'), h('th', {}, '下单 Created'), releases ? h('th', {}, '') : null)),
    h('tbody', {}, items.map((o) =>
      h('tr', { dataset: { order: o.orderId } },
        h('td', {}, orderLink(o.orderId)),
        h('td', {}, channelLabel(o.channel)),
        h('td', {}, o.holdCodes.map(holdChip)),
        h('td', { class: 'num' }, money(o.amountFen)),
        h('td', {}, time(o.createdAt)),
        releases ? h('td', { class: 'actions' }, releaseButton(o.orderId, release)) : null))));
}

function releaseButton(orderId, release) {
  const button = h('button', { type: 'button', class: 'primary', dataset: { action: 'release' } }, '放行 Release');
  button.addEventListener('click', () => release(orderId, button));
  return button;
}
