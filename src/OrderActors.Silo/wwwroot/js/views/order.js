import { api } from '../api.js';
import { h, fill } from '../dom.js';
import { money, number, time } from '../format.js';
import { channelLabel, layerLabel, statusLabel } from '../labels.js';
import { empty, holdChip, panel, statusBadge, title } from '../widgets.js';
import { orderForm, statusCommands } from './order-actions.js';
import { orderReturns, startReturnForm } from './order-returns.js';
import { isRmaEvent } from './returns.js';

// The stamps buyers and customer service ask about (已分仓 / 已出库 / 在途 …), in flow order.
const STAMPS = ['Paid', 'Allocated', 'Shipped', 'InTransit', 'Delivered', 'Completed'];

/** 订单详情: one order with its lines, allocations, holds, timeline stamps and allocation reasoning. */
export function orderView(section, route, reload) {
  const orderId = route.segments[0] ?? '';
  const body = h('div', { class: 'order' });
  section.append(title(`订单 ${orderId}`, 'Order'), body);

  return {
    wants: (stream, event) => (stream === 'order' && event.subject === orderId) || (isRmaEvent(event) && event.data?.orderId === orderId),
    async refresh() {
      let order;
      try {
        order = await api.order(orderId);
      } catch (error) {
        if (error.status === 404) {
          fill(body, empty(`找不到订单 No order ${orderId}`));
        }
        throw error;
      }
      fill(body,
        h('div', { class: 'order-status' }, statusBadge(order.status), h('span', { class: 'customer-status' }, `买家看到 Buyer sees: ${order.customerStatus}`),
          h('span', { class: 'commands' }, statusCommands(order, reload))),
        stamps(order.timeline),
        orderForm(order, reload),
        h('div', { class: 'panels' },
          panel('概要 Summary', summary(order)),
          panel('挂起 Holds', holds(order.holds))),
        panel('商品与分仓 Lines and allocations', lines(order.lines)),
        orderReturns(order),
        startReturnForm(order),
        h('div', { class: 'panels' },
          panel('分仓说明 Allocation explanation', explanation(order.allocationExplanation)),
          panel('时间线 Timeline', timeline(order.timeline))));
    },
  };
}

function stamps(timeline) {
  return h('ol', { class: 'stamps' }, STAMPS.map((status) => {
    const entry = timeline.findLast((t) => t.status === status);
    return h('li', { class: entry ? 'done' : 'pending', dataset: { stamp: status } },
      h('span', { class: 'stamp-label' }, statusLabel(status)),
      h('small', {}, status),
      h('time', { datetime: entry?.at }, entry ? time(entry.at) : '—'));
  }));
}

function summary(o) {
  const a = o.shippingAddress;
  return h('dl', { class: 'summary' },
    item('渠道 Channel', `${channelLabel(o.channel)} · ${o.externalOrderId}`),
    item('实付 Paid amount', money(o.amountFen)),
    item('运费 Shipping fee', money(o.shippingFeeFen)),
    item('收货人 Receiver', `${o.receiver.name} ${o.receiver.phone}`),
    item('地址 Address', `${a.province} ${a.city} ${a.district} ${a.detail}`),
    item('买家备注 Buyer note', o.buyerNote || '—'),
    item('承运 Carrier', o.trackingNo ? `${o.carrier} ${o.trackingNo}` : '—'),
    item('改派次数 Reroutes', number(o.reroutes)),
    item('下单 Created', time(o.createdAt)),
    item('更新 Updated', time(o.updatedAt)));
}

const item = (label, value) => h('div', {}, h('dt', {}, label), h('dd', {}, value));

function holds(list) {
  if (list.length === 0) {
    return empty('无 None');
  }
  return h('ul', { class: 'holds' }, list.map((hold) =>
    h('li', {}, holdChip(hold.code), hold.blocking ? null : h('span', { class: 'chip' }, '不阻塞 non-blocking'),
      h('div', {}, hold.message), h('small', { class: 'muted' }, time(hold.at)))));
}

function lines(list) {
  return h('table', { class: 'lines' },
    h('thead', {}, h('tr', {},
      h('th', {}, '商品 Item'), h('th', {}, 'SKU'), h('th', { class: 'num' }, '数量 Qty'), h('th', { class: 'num' }, '单价 Unit'),
      h('th', { class: 'num' }, '优惠 Discount'), h('th', {}, '分仓 Allocations'))),
    h('tbody', {}, list.map((l) =>
      h('tr', {},
        h('td', {}, l.title, l.variant ? h('small', { class: 'muted' }, ` ${l.variant}`) : null),
        h('td', {}, l.sku ? h('code', {}, l.sku) : h('span', { class: 'chip hold' }, '未映射 unmapped'), h('small', { class: 'muted' }, ` ${l.platformSkuId}`)),
        h('td', { class: 'num' }, number(l.quantity)),
        h('td', { class: 'num' }, money(l.unitPriceFen)),
        h('td', { class: 'num' }, money(l.lineDiscountFen + l.orderDiscountShareFen)),
        h('td', {}, l.allocations.length ? l.allocations.map((a) => h('span', { class: 'chip' }, `${a.warehouseId} × ${a.quantity}`)) : '—')))));
}

function explanation(entries) {
  if (entries.length === 0) {
    return empty('尚未分仓 Not allocated yet');
  }
  return h('ol', { class: 'explanation' }, entries.map((e) =>
    h('li', {}, h('span', { class: 'layer' }, `${layerLabel(e.layer)} ${e.layer}`.trim()), ' ', e.text)));
}

function timeline(entries) {
  return h('ol', { class: 'timeline' }, entries.map((t) =>
    h('li', { dataset: { status: t.status } },
      statusBadge(t.status),
      h('time', { datetime: t.at }, time(t.at)),
      h('span', { class: 'source' }, t.source),
      t.note ? h('div', { class: 'note' }, t.note) : null)));
}
