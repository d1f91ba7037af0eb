import { api } from '../api.js';
import { h } from '../dom.js';
import { money, parseYuan } from '../format.js';
import { RETURN_KINDS } from '../return-labels.js';
import { showError, showInfo } from '../notices.js';
import { can } from '../session.js';
import { empty, kindChip, panel, rmaBadge, rmaLink, runCommand } from '../widgets.js';

// An order's after-sales side: the RMAs it has, and the form that starts one once the goods have left
// (the server takes a return from Shipped on, and while another is open).
const RETURNABLE = ['Shipped', 'InTransit', 'Delivered', 'Completed', 'Returning'];

/** 售后: the order's RMAs (the order JSON's `returns`), each linking to its page for a role that reads RMAs (returns.read). */
export function orderReturns(order) {
  const list = order.returns ?? [];
  if (list.length === 0) {
    return panel('售后 Returns', empty('无售后 No returns'));
  }
  return panel('售后 Returns', h('table', { class: 'compact order-returns' },
    h('thead', {}, h('tr', {}, h('th', {}, '售后单 RMA'), h('th', {}, '类型 Kind'), h('th', {}, '状态 Status'), h('th', {}, '进行中 Open'),
      h('th', { class: 'num' }, '退款 Refund'))),
    h('tbody', {}, list.map((r) =>
      h('tr', { dataset: { rma: r.rmaId } },
        h('td', {}, can('returns.read') ? rmaLink(r.rmaId) : h('code', {}, r.rmaId)),
        h('td', {}, kindChip(r.kind)),
        h('td', {}, rmaBadge(r.status)),
        h('td', {}, r.open ? h('span', { class: 'chip open' }, '处理中 Open') : h('span', { class: 'chip' }, '已结束 Done')),
        h('td', { class: 'num' }, money(r.totalFen)))))));
}

/** 发起售后: kind, units per line (up to what was bought), the buyer's reason, optional 运费险; opens the new RMA. */
export function startReturnForm(order) {
  if (!RETURNABLE.includes(order.status) || !can('returns.write')) {
    return null;
  }
  const lines = order.lines.filter((l) => l.sku);
  const quantities = lines.map((line, i) => ({
    sku: line.sku,
    input: h('input', { type: 'number', name: `quantity-${i}`, min: 0, max: line.quantity, step: 1, value: 0, required: true, class: 'qty' }),
  }));
  const kind = h('select', { name: 'kind' }, RETURN_KINDS.map(([value, zh]) => h('option', { value }, `${zh} ${value}`)));
  const reason = h('textarea', { name: 'reasonText', rows: 2, cols: 48, maxlength: 500, placeholder: '买家的原话 The buyer’s words' });
  const insurance = h('input', { type: 'text', name: 'shippingInsurance', inputmode: 'decimal', size: 8, placeholder: '0.00', autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '发起售后 Start return');
  const form = h('form', { class: 'return-form', dataset: { action: 'start-return' } },
    h('table', { class: 'compact' },
      h('thead', {}, h('tr', {}, h('th', {}, '商品 Item'), h('th', {}, 'SKU'), h('th', { class: 'num' }, '已购 Bought'), h('th', {}, '退回数量 Return qty'))),
      h('tbody', {}, lines.map((line, i) =>
        h('tr', { dataset: { sku: line.sku } },
          h('td', {}, line.title), h('td', {}, h('code', {}, line.sku)), h('td', { class: 'num' }, String(line.quantity)),
          h('td', {}, quantities[i].input))))),
    h('div', { class: 'order-form' },
      h('label', {}, '类型 Kind', kind),
      h('label', {}, '原因 Reason', reason),
      h('label', {}, '运费险 Shipping insurance (元, 可选 optional)', insurance),
      submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = quantities.filter((q) => Number(q.input.value) > 0).map((q) => ({ sku: q.sku, quantity: Number(q.input.value) }));
    const insuranceFen = insurance.value.trim() ? parseYuan(insurance.value) : undefined;
    insurance.setCustomValidity(insuranceFen === null ? '金额如 12 或 12.50 An amount such as 12 or 12.50' : '');
    if (!form.reportValidity()) {
      return;
    }
    if (chosen.length === 0) {
      showError({ problem: { title: '请选择退回数量 Choose at least one unit to return' } });
      return;
    }
    const rma = await runCommand(submit, '提交中… Submitting', () => api.startReturn(order.orderId, {
      kind: kind.value, lines: chosen, reasonText: reason.value.trim(), shippingInsuranceFen: insuranceFen,
    }));
    if (rma) {
      showInfo(`已发起售后 Return started: ${rma.rmaId}`);
      location.hash = `#/rma/${encodeURIComponent(rma.rmaId)}`;
    }
  });
  return panel('发起售后 Start a return', form);
}
