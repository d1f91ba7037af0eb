import { api } from '../api.js';
import { h, fill } from '../dom.js';
import { money, number, time } from '../format.js';
import { navigate } from '../hash.js';
import { REASON_CODES, RETURN_KINDS, RMA_STATUSES } from '../return-labels.js';
import { empty, kindChip, orderLink, pager, rmaBadge, rmaLink, select, statusTabs, title } from '../widgets.js';

const PAGE_SIZE = 50;
const FILTERS = ['status', 'reasonCode', 'kind'];

/** A live event that moves an RMA: the queue and its counts follow it. */
export const isRmaEvent = (event) => event.kind === 'RmaStatusChanged';

/** 售后队列: RMAs by status (tabs with counts), reason code and kind, newest first, paged. */
export function returnsView(section, route) {
  const current = Object.fromEntries(FILTERS.map((name) => [name, route.params.get(name) ?? '']));
  const page = Number(route.params.get('page') ?? '1');
  const go = (changes) => navigate('returns', { ...current, page: 1, ...changes });
  const tabs = h('nav', { class: 'status-tabs', 'aria-label': '售后状态 RMA status' });
  const filters = h('div', { class: 'filters' });
  const list = h('div', { class: 'list' });
  section.append(title('售后', 'Returns (RMA)'), tabs, filters, list);

  return {
    wants: (stream, event) => isRmaEvent(event),
    async refresh() {
      const [result, counts] = await Promise.all([
        api.returns({ ...current, page, pageSize: PAGE_SIZE }),
        api.returnCounts(),
      ]);
      fill(tabs, statusTabs(RMA_STATUSES, counts.byStatus, current.status, (status) => go({ status })));
      fill(filters,
        h('label', {}, '原因 Reason ', reasonSelect(counts.byReason, current.reasonCode, (e) => go({ reasonCode: e.target.value }))),
        h('label', {}, '类型 Kind ', select('kind', '全部 All', RETURN_KINDS.map(([v, zh]) => [v, `${zh} ${v}`]), current.kind,
          (e) => go({ kind: e.target.value }))));
      fill(list, result.items.length === 0
        ? empty('没有符合条件的售后单 No matching returns')
        : [table(result.items), pager(result, (p) => go({ page: p }))]);
    },
  };
}

/** The pool's codes first, then any other the counts name (a code an operator chose that the pool has since dropped). */
function reasonSelect(byReason, chosen, onchange) {
  const codes = [...new Set([...REASON_CODES, ...Object.keys(byReason)])];
  return select('reasonCode', '全部 All', codes.map((code) => [code, `${code} (${number(byReason[code] ?? 0)})`]), chosen, onchange);
}

function table(items) {
  return h('table', { class: 'returns' },
    h('thead', {}, h('tr', {},
      h('th', {}, '售后单 RMA'), h('th', {}, '订单 Order'), h('th', {}, '类型 Kind'), h('th', {}, '状态 Status'),
      h('th', {}, '原因 Reason'), h('th', { class: 'num' }, '退款 Refund'), h('th', {}, '申请 Created'), h('th', {}, '更新 Updated'))),
    h('tbody', {}, items.map((r) =>
      h('tr', { dataset: { rma: r.rmaId } },
        h('td', {}, rmaLink(r.rmaId)),
        h('td', {}, orderLink(r.orderId)),
        h('td', {}, kindChip(r.kind)),
        h('td', {}, rmaBadge(r.status)),
        h('td', { class: 'reason' }, h('span', { class: 'chip reason-code' }, r.reasonCode ?? '—'),
          r.reasonSource === 'operator' ? h('span', { class: 'chip', title: '人工更正 corrected by a person' }, '人工') : null,
          r.reasonText ? h('div', { class: 'reason-text muted', title: r.reasonText }, r.reasonText) : null),
        h('td', { class: 'num' }, money(r.totalFen)),
        h('td', {}, time(r.createdAt)),
        h('td', {}, time(r.updatedAt))))));
}
