import { api } from '../api.js';
import { h, fill } from '../dom.js';
import { money, time } from '../format.js';
import { navigate } from '../hash.js';
import { CHANNELS, ORDER_STATUSES, channelLabel } from '../labels.js';
import { can } from '../session.js';
import { empty, holdChip, orderLink, pager, select, statusBadge, title } from '../widgets.js';

const PAGE_SIZE = 50;
const FILTERS = ['status', 'channel', 'warehouseId'];

/** 订单查询: the order list with filters and paging, and a box to open one order by id. */
export function ordersView(section, route) {
  const current = Object.fromEntries(FILTERS.map((name) => [name, route.params.get(name) ?? '']));
  const page = Number(route.params.get('page') ?? '1');
  const go = (changes) => navigate('orders', { ...current, page: 1, ...changes });

  // Warehouses are `read`: a supplier, whose list the server keeps to its own warehouses, has no such filter.
  const warehouseFilter = can('read')
    ? h('label', {}, '仓库 Warehouse ', select('warehouseId', '全部 All', [], current.warehouseId, (e) => go({ warehouseId: e.target.value })))
    : null;
  const idInput = h('input', { type: 'search', name: 'orderId', placeholder: '订单号 Order id, e.g. taobao-123', size: 28 });
  const openForm = h('form', { class: 'open-order' }, idInput, h('button', { type: 'submit' }, '打开 Open'));
  openForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const id = idInput.value.trim();
    if (id) {
      location.hash = `#/order/${encodeURIComponent(id)}`;
    }
  });
  const list = h('div', { class: 'list' });
  section.append(
    title('订单查询', 'Orders'),
    h('div', { class: 'filters' },
      h('label', {}, '状态 Status ', select('status', '全部 All', ORDER_STATUSES.map(([v, zh]) => [v, `${zh} ${v}`]), current.status, (e) => go({ status: e.target.value }))),
      h('label', {}, '渠道 Channel ', select('channel', '全部 All', CHANNELS.map(([v, zh]) => [v, `${zh} ${v}`]), current.channel, (e) => go({ channel: e.target.value }))),
      warehouseFilter,
      openForm),
    list);

  let warehousesWanted = warehouseFilter !== null;
  return {
    wants: (stream) => stream === 'order',
    async refresh() {
      const [result, warehouses] = await Promise.all([
        api.orders({ ...current, page, pageSize: PAGE_SIZE }),
        warehousesWanted ? api.warehouses() : null,
      ]);
      if (warehouses) {
        warehousesWanted = false;
        warehouseFilter.querySelector('select').replaceWith(select('warehouseId', '全部 All',
          warehouses.map((w) => [w.warehouseId, `${w.name} ${w.warehouseId}`]), current.warehouseId, (e) => go({ warehouseId: e.target.value })));
      }
      fill(list, result.items.length === 0
        ? empty('没有符合条件的订单 No matching orders')
        : [table(result.items), pager(result, (p) => go({ page: p }))]);
    },
  };
}

function table(items) {
  return h('table', { class: 'orders' },
    h('thead', {}, h('tr', {},
      h('th', {}, '订单号 Order'), h('th', {}, '渠道 Channel'), h('th', {}, '状态 Status'), h('th', {}, '买家看到 Buyer sees'),
      h('th', {}, '仓库 Warehouses'), h('th', {}, '挂起 Holds'), h('th', { class: 'num' }, '金额 Amount'), h('th', {}, '下单 Created'))),
    h('tbody', {}, items.map((o) =>
      h('tr', { dataset: { order: o.orderId } },
        h('td', {}, orderLink(o.orderId)),
        h('td', {}, channelLabel(o.channel)),
        h('td', {}, statusBadge(o.status)),
        h('td', {}, o.customerStatus),
        h('td', {}, o.warehouseIds.join(', ') || '—'),
        h('td', {}, o.holdCodes.map(holdChip)),
        h('td', { class: 'num' }, money(o.amountFen)),
        h('td', {}, time(o.createdAt))))));
}
