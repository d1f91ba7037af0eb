import { api } from '../api.js';
import { h } from '../dom.js';
import { statusLabel } from '../labels.js';
import { showInfo } from '../notices.js';
import { can } from '../session.js';
import { panel, runCommand } from '../widgets.js';

// What a role may do to one order: orders.write releases, cancels and posts a decrypt result, orders.ship
// ships. Each command is offered in the statuses the order's state machine takes it in (OrderCommands);
// the server refuses any other with 409, and any role without the permission with 403, all the same.
const CANCELLABLE = ['PendingPayment', 'Paid', 'Reserved', 'Allocated', 'OnHold'];

/** The buttons beside the order's status: release its holds, cancel it. */
export function statusCommands(order, reload) {
  if (!can('orders.write')) {
    return [];
  }
  const commands = [];
  if (order.status === 'OnHold') {
    const release = button('release', 'primary', '放行 Release hold');
    release.addEventListener('click', () =>
      run(release, '放行中… Releasing', () => api.releaseHold(order.orderId), announce(order, '已放行 released', reload)));
    commands.push(release);
  }
  if (CANCELLABLE.includes(order.status)) {
    const cancel = button('cancel', 'danger', '取消订单 Cancel');
    cancel.addEventListener('click', () => {
      const reason = prompt(`取消订单 ${order.orderId} 的原因 Reason for cancelling (可留空 optional):`, '');
      if (reason !== null) {
        run(cancel, '取消中… Cancelling', () => api.cancel(order.orderId, reason.trim() || undefined), announce(order, '已取消 cancelled', reload));
      }
    });
    commands.push(cancel);
  }
  return commands;
}

/** The form the order waits for: an encrypted receiver's decrypt result, or else, once allocated, its shipment. */
export function orderForm(order, reload) {
  if (order.receiver.encrypted) {
    return can('orders.write') ? receiverForm(order, reload) : null;
  }
  return order.status === 'Allocated' && can('orders.ship') ? shipForm(order, reload) : null;
}

const receiverForm = (order, reload) => form({
  action: 'receiver',
  heading: '收件人解密 Decrypted receiver',
  fields: [field('name', '姓名 Name', 64), field('phone', '手机 Phone', 32), field('detail', '详细地址 Street', 256)],
  submit: ['保存 Save', '保存中… Saving'],
  command: (values) => api.receiver(order.orderId, values),
  done: announce(order, '收件人已更新 receiver decrypted', reload),
});

const shipForm = (order, reload) => form({
  action: 'ship',
  heading: '发货 Ship',
  fields: [field('carrier', '承运商 Carrier', 32), field('trackingNo', '运单号 Tracking no.', 64)],
  submit: ['出库 Ship', '出库中… Shipping'],
  command: (values) => api.ship(order.orderId, values.carrier, values.trackingNo),
  done: announce(order, '已出库 shipped', reload),
});

const announce = (order, verb, reload) => (changed) => {
  showInfo(`${order.orderId} ${verb} → ${statusLabel(changed.status)} ${changed.status}`);
  reload();
};

const button = (action, tone, label) => h('button', { type: 'button', class: tone, dataset: { action } }, label);

const field = (name, label, maxlength) =>
  h('label', {}, label, h('input', { type: 'text', name, maxlength, autocomplete: 'off' }));

async function run(element, busy, command, done) {
  const result = await runCommand(element, busy, command);
  if (result) {
    done(result);
  }
}

function form({ action, heading, fields, submit: [label, busy], command, done }) {
  const submit = h('button', { type: 'submit', class: 'primary' }, label);
  const element = h('form', { class: 'order-form', dataset: { action } }, fields, submit);
  element.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = Object.fromEntries([...new FormData(element)].map(([name, value]) => [name, value.trim()]));
    run(submit, busy, () => command(values), done);
  });
  return panel(heading, element);
}
