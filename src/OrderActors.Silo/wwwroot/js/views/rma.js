import { api, returnAddressQrUrl } from '../api.js';
import { h, fill } from '../dom.js';
import { number, percent, time } from '../format.js';
import { channelLabel } from '../labels.js';
import { reasonSourceLabel } from '../return-labels.js';
import { empty, kindChip, orderLink, panel, rmaBadge, title } from '../widgets.js';
import { reasonCorrection, receiveForm, statusCommands } from './rma-actions.js';
import { refundPanel } from './rma-refund.js';
import { isRmaEvent } from './returns.js';

/** 售后单: one RMA with its lines, the refund to the fen, the reason, the return address and the timeline. */
export function rmaView(section, route, reload) {
  const rmaId = route.segments[0] ?? '';
  const body = h('div', { class: 'rma' });
  section.append(title(`售后单 ${rmaId}`, 'RMA'), body);

  return {
    wants: (stream, event) => isRmaEvent(event) && (event.data?.rmaId ?? event.subject) === rmaId,
    async refresh() {
      let rma;
      try {
        rma = await api.rma(rmaId);
      } catch (error) {
        if (error.status === 404) {
          fill(body, empty(`找不到售后单 No RMA ${rmaId}`));
        }
        throw error;
      }
      fill(body,
        h('div', { class: 'order-status rma-status' }, rmaBadge(rma.status), kindChip(rma.kind),
          h('span', { class: 'rma-order' }, '订单 Order ', orderLink(rma.orderId)),
          rma.replacementOrderId ? h('span', { class: 'rma-replacement' }, '换货新单 Replacement ', orderLink(rma.replacementOrderId)) : null,
          h('span', { class: 'commands' }, statusCommands(rma, reload))),
        await receiveForm(rma, reload),
        h('div', { class: 'panels' },
          panel('概要 Summary', summary(rma)),
          panel('退货原因 Reason', reason(rma, reload))),
        panel('退货商品 Lines', lines(rma.lines)),
        refundPanel(rma.refund),
        h('div', { class: 'panels' },
          panel('退货地址 Return address', returnAddress(rma)),
          panel('时间线 Timeline', timeline(rma.timeline))));
    },
  };
}

const item = (label, value) => h('div', {}, h('dt', {}, label), h('dd', {}, value));

function summary(r) {
  return h('dl', { class: 'summary' },
    item('渠道 Channel', `${channelLabel(r.channel)} · ${r.externalOrderId}`),
    item('发起人 Created by', r.createdBy ?? '—'),
    item('申请 Created', time(r.createdAt)),
    item('更新 Updated', time(r.updatedAt)));
}

function reason(r, reload) {
  return h('div', { class: 'rma-reason' },
    h('dl', { class: 'summary' },
      item('原因 Code', h('span', { class: 'chip reason-code', dataset: { reasonCode: r.reasonCode ?? '' } }, r.reasonCode ?? '—')),
      item('置信度 Confidence', h('span', { class: 'confidence' }, percent(r.reasonConfidence))),
      item('来源 Source', h('span', { class: 'reason-source', dataset: { source: r.reasonSource ?? '' } },
        r.reasonSource ? `${reasonSourceLabel(r.reasonSource)} ${r.reasonSource}` : '—')),
      item('模型版本 Model version', h('code', { class: 'model-version' }, r.modelVersion ?? '—'))),
    h('blockquote', { class: 'reason-text' }, r.reasonText || '买家未填写 No reason given'),
    reasonCorrection(r, reload));
}

function lines(list) {
  return h('table', { class: 'lines rma-lines' },
    h('thead', {}, h('tr', {},
      h('th', { class: 'num' }, '行 Line'), h('th', {}, '商品 Item'), h('th', {}, 'SKU'), h('th', { class: 'num' }, '数量 Qty'),
      h('th', { class: 'num' }, '已收良品 Received'), h('th', { class: 'num' }, '破损 Damaged'), h('th', {}, '仓库 Warehouse'))),
    h('tbody', {}, list.map((l) =>
      h('tr', { dataset: { line: String(l.lineNo), sku: l.sku } },
        h('td', { class: 'num' }, number(l.lineNo)),
        h('td', {}, l.title),
        h('td', {}, h('code', {}, l.sku)),
        h('td', { class: 'num', dataset: { field: 'quantity' } }, number(l.quantity)),
        h('td', { class: 'num', dataset: { field: 'received' } }, number(l.receivedQuantity)),
        h('td', { class: 'num', dataset: { field: 'damaged' } }, number(l.damagedQuantity)),
        h('td', { dataset: { field: 'warehouse' } }, l.warehouseId ?? '—')))));
}

function returnAddress(r) {
  const a = r.returnAddress;
  if (!a) {
    return empty(r.kind === 'refund_only' ? '仅退款，无需退货 Refund only: nothing comes back' : '尚无退货地址 No receiving warehouse yet');
  }
  return h('div', { class: 'return-address' },
    h('img', { class: 'qr', src: returnAddressQrUrl(r.rmaId), alt: `退货地址二维码 Return address QR: ${a.text}`, width: 180, height: 180 }),
    h('div', { class: 'return-address-text' },
      h('strong', {}, a.name), h('div', {}, h('code', {}, a.warehouseId)),
      h('p', { class: 'address-text' }, a.text),
      h('small', {}, '买家扫码获取退货地址 The buyer scans this for the address')));
}

function timeline(entries) {
  return h('ol', { class: 'timeline' }, entries.map((t) =>
    h('li', { dataset: { status: t.status } },
      rmaBadge(t.status),
      h('time', { datetime: t.at }, time(t.at)),
      h('span', { class: 'source' }, t.source),
      t.note ? h('div', { class: 'note' }, t.note) : null)));
}
