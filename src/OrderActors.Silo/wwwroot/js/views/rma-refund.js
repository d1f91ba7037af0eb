import { h } from '../dom.js';
import { money, number } from '../format.js';
import { empty, panel } from '../widgets.js';

// The refund as the server quoted it, to the fen. Nothing is added up here: the buyer's total is the
// server's `totalFen` (goods − gift deduction − claw-back + shipping). The coupon's share of the returned
// units is already outside the goods figure, so it is shown for the explanation, not counted; 运费险 is
// the insurer paying the merchant, so it stands apart from what the buyer gets.
const ROWS = [
  { key: 'goodsFen', label: '商品 Goods', sign: '+', note: '退回商品的实付金额 paid for the returned units' },
  { key: 'couponReturnFen', label: '优惠券退回 Coupon return', sign: '', note: '退回商品分摊的优惠，已不在商品金额内 their coupon share, already outside goods' },
  { key: 'giftDeductionFen', label: '赠品扣减 Gift deduction', sign: '−', note: '未退回的赠品 gifts kept by the buyer' },
  { key: 'couponClawbackFen', label: '优惠追回 Claw-back', sign: '−', note: '剩余商品不再满足门槛 kept lines no longer reach the threshold' },
  { key: 'shippingFen', label: '运费 Shipping', sign: '+', note: '' },
];

/** 退款说明: the breakdown, the buyer's total, the 运费险 income apart, every line's share and every sentence of the explanation. */
export function refundPanel(refund) {
  if (!refund) {
    return panel('退款说明 Refund', empty('尚未报价 No refund quoted yet'));
  }
  return panel('退款说明 Refund, explained to the fen', h('div', { class: 'refund' },
    h('div', { class: 'refund-figures' },
      breakdown(refund),
      h('p', { class: 'insurance', dataset: { refund: 'insuranceFen' } },
        h('span', {}, '运费险 Shipping insurance'),
        h('strong', { class: 'amount' }, money(refund.insuranceFen)),
        h('small', {}, '保险公司赔付，计入商家收入，不含在买家退款内 paid by the insurer to the merchant, not part of the buyer’s refund'))),
    refundLines(refund.lines ?? []),
    h('ol', { class: 'refund-explanation' }, (refund.explanation ?? []).map((sentence) => h('li', {}, sentence)))));
}

function breakdown(refund) {
  return h('table', { class: 'compact refund-breakdown' },
    h('tbody', {}, ROWS.map((row) =>
      h('tr', { dataset: { refund: row.key } },
        h('th', { scope: 'row' }, row.label, row.note ? h('small', { class: 'row-note' }, row.note) : null),
        h('td', { class: 'sign' }, row.sign),
        h('td', { class: 'num amount' }, money(refund[row.key]))))),
    h('tfoot', {}, h('tr', { class: 'refund-total', dataset: { refund: 'totalFen' } },
      h('th', { scope: 'row' }, '买家实退 Buyer gets'),
      h('td', { class: 'sign' }, '='),
      h('td', { class: 'num amount' }, money(refund.totalFen)))));
}

function refundLines(lines) {
  if (lines.length === 0) {
    return null;
  }
  return h('table', { class: 'compact refund-lines' },
    h('thead', {}, h('tr', {},
      h('th', { class: 'num' }, '行 Line'), h('th', {}, 'SKU'), h('th', { class: 'num' }, '数量 Qty'), h('th', { class: 'num' }, '实付 Paid'),
      h('th', { class: 'num' }, '优惠分摊 Coupon share'), h('th', { class: 'num' }, '退款 Refund'))),
    h('tbody', {}, lines.map((l) =>
      h('tr', { dataset: { line: String(l.lineNo) } },
        h('td', { class: 'num' }, number(l.lineNo)),
        h('td', {}, h('code', {}, l.sku)),
        h('td', { class: 'num' }, number(l.quantity)),
        h('td', { class: 'num' }, money(l.paidFen)),
        h('td', { class: 'num' }, money(l.couponShareFen)),
        h('td', { class: 'num' }, money(l.refundFen))))));
}
