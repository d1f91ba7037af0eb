import { api } from '../api.js';
import { h } from '../dom.js';
import { money } from '../format.js';
import { REASON_CODES, rmaStatusLabel } from '../return-labels.js';
import { showInfo } from '../notices.js';
import { can } from '../session.js';
import { panel, runCommand } from '../widgets.js';

// What returns.write may do to an RMA: the moves its lifecycle takes now, as the server lists them
// (`nextStatuses`: Requested → Approved | Rejected; Approved → Received, or Refunded for a refund only, or
// Rejected; Received → Refunded, or Closed for an exchange; Refunded, Rejected → Closed). A move the RMA no
// longer takes (someone else moved it) is answered 409 with the status it is in now: that is shown, and the
// page reloads.

const offers = (rma, to) => (rma.nextStatuses ?? []).includes(to);

/** The buttons beside the RMA's status. */
export function statusCommands(rma, reload) {
  if (!can('returns.write')) {
    return [];
  }
  const moves = [];
  if (offers(rma, 'Approved')) {
    moves.push({ action: 'approve', tone: 'primary', label: '同意 Approve', busy: '同意中… Approving', verb: '已同意 approved',
      request: () => api.approveReturn(rma.rmaId) });
  }
  if (offers(rma, 'Rejected')) {
    moves.push({ action: 'reject', tone: 'danger', label: '拒绝 Reject', busy: '拒绝中… Rejecting', verb: '已拒绝 rejected',
      ask: () => prompt(`拒绝售后 ${rma.rmaId} 的原因 Reason for rejecting (可留空 optional):`, ''),
      request: (note) => api.rejectReturn(rma.rmaId, note.trim() || undefined) });
  }
  if (offers(rma, 'Refunded')) {
    const total = money(rma.refund?.totalFen);
    moves.push({ action: 'refund', tone: 'primary', label: `退款 Refund ${total}`, busy: '退款中… Refunding', verb: '已退款 refunded',
      ask: () => confirm(`向买家退款 ${total}？ Refund the buyer ${total}?`),
      request: () => api.refundReturn(rma.rmaId) });
  }
  if (offers(rma, 'Closed')) {
    moves.push({ action: 'close', tone: '', label: '关闭 Close', busy: '关闭中… Closing', verb: '已关闭 closed',
      request: () => api.closeReturn(rma.rmaId) });
  }
  return moves.map((m) => moveButton(rma, reload, m));
}

/** A button for one move; `ask` (a prompt or a confirm) may cancel it, or give the request what the operator typed. */
function moveButton(rma, reload, { action, tone, label, busy, verb, ask = () => true, request }) {
  const button = h('button', { type: 'button', class: tone, dataset: { action } }, label);
  button.addEventListener('click', () => {
    const answer = ask();
    if (answer !== null && answer !== false) {
      move(button, busy, () => request(answer), (changed) => announce(rma, verb, changed, reload), reload);
    }
  });
  return button;
}

const announce = (rma, verb, changed, reload) => {
  showInfo(`${rma.rmaId} ${verb} → ${rmaStatusLabel(changed.status)} ${changed.status}`);
  reload();
};

/** Runs a command on the RMA; a 409 says what the server said and the status the RMA is in, then the page reloads. */
async function move(element, busy, request, done, reload) {
  let conflict = false;
  const changed = await runCommand(element, busy, () => request().catch((error) => {
    if (error.status === 409) {
      conflict = true;
      throw explainConflict(error);
    }
    throw error;
  }));
  if (changed) {
    done(changed);
  } else if (conflict) {
    reload();
  }
}

function explainConflict(error) {
  const problem = error.problem ?? {};
  const status = problem.currentStatus;
  const now = status ? `当前状态 Current status: ${rmaStatusLabel(status)} ${status}` : '';
  return { status: error.status, problem: { ...problem, detail: [problem.detail, now].filter(Boolean).join(' — ') } };
}

/** The receive form while goods are on their way back: good and damaged units per line, and the warehouse they reach. */
export async function receiveForm(rma, reload) {
  if (!offers(rma, 'Received') || !can('returns.write')) {
    return null;
  }
  const warehouses = can('read') ? await api.warehouses() : [];
  const rows = rma.lines.map((line) => receiveRow(line));
  const warehouse = h('select', { name: 'warehouseId' },
    h('option', { value: '' }, '默认：发货仓 Default: where it shipped from'),
    warehouses.map((w) => h('option', { value: w.warehouseId }, `${w.name} ${w.warehouseId}`)));
  const note = h('input', { type: 'text', name: 'note', maxlength: 256, autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '确认收货 Receive');
  const form = h('form', { class: 'receive-form', dataset: { action: 'receive' } },
    h('table', { class: 'compact' },
      h('thead', {}, h('tr', {}, h('th', {}, '商品 Item'), h('th', { class: 'num' }, '退回 Qty'),
        h('th', {}, '良品 Good'), h('th', {}, '破损 Damaged'))),
      h('tbody', {}, rows.map((r) => r.row))),
    h('div', { class: 'order-form' },
      h('label', {}, '入库仓 Warehouse', warehouse),
      h('label', {}, '备注 Note', note),
      submit));
  form.addEventListener('input', () => rows.forEach((r) => r.check()));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    rows.forEach((r) => r.check());
    if (!form.reportValidity()) {
      return;
    }
    const body = {
      lines: rows.map((r) => r.value()),
      warehouseId: warehouse.value || undefined,
      note: note.value.trim() || undefined,
    };
    move(submit, '收货中… Receiving', () => api.receiveReturn(rma.rmaId, body), (changed) => announce(rma, '已收货 received', changed, reload), reload);
  });
  return panel('收货 Receive the goods', form);
}

function receiveRow(line) {
  const quantityInput = (name, value) =>
    h('input', { type: 'number', name, min: 0, max: line.quantity, step: 1, value, required: true, class: 'qty' });
  const good = quantityInput(`good-${line.lineNo}`, line.quantity);
  const damaged = quantityInput(`damaged-${line.lineNo}`, 0);
  return {
    row: h('tr', { dataset: { line: String(line.lineNo), sku: line.sku } },
      h('td', {}, line.title, ' ', h('code', {}, line.sku)),
      h('td', { class: 'num' }, String(line.quantity)),
      h('td', {}, good),
      h('td', {}, damaged)),
    check: () => damaged.setCustomValidity(Number(good.value) + Number(damaged.value) > line.quantity
      ? `良品加破损不能超过 ${line.quantity} 件 Good and damaged together are at most ${line.quantity}`
      : ''),
    value: () => ({ sku: line.sku, receivedQuantity: Number(good.value), damagedQuantity: Number(damaged.value) }),
  };
}

/** A person's correction of the classifier: one of the pool's codes. */
export function reasonCorrection(rma, reload) {
  if (!can('returns.write')) {
    return null;
  }
  const codes = REASON_CODES.includes(rma.reasonCode) || !rma.reasonCode ? REASON_CODES : [rma.reasonCode, ...REASON_CODES];
  const choice = h('select', { name: 'reasonCode' }, codes.map((code) => h('option', { value: code, selected: code === rma.reasonCode }, code)));
  const submit = h('button', { type: 'submit', disabled: true }, '更正原因 Correct');
  choice.addEventListener('change', () => {
    submit.disabled = choice.value === rma.reasonCode;
  });
  const form = h('form', { class: 'order-form reason-form', dataset: { action: 'reason' } },
    h('label', {}, '更正为 Correct to', choice), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (choice.value === rma.reasonCode) {
      return;
    }
    move(submit, '保存中… Saving', () => api.correctReason(rma.rmaId, choice.value),
      (changed) => {
        showInfo(`${rma.rmaId} 原因已更正 reason corrected → ${changed.reasonCode}`);
        reload();
      }, reload);
  });
  return form;
}
