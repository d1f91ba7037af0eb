import { api } from '../api.js';
import { h, fill } from '../dom.js';
import { number, time } from '../format.js';
import { ORDER_STATUSES, holdLabel } from '../labels.js';
import { breakerBadge, empty, panel, stat, statusBadge, title } from '../widgets.js';

/** 订单健康度看板: counts from GET /api/v1/dashboard; every event can change them. */
export function dashboardView(section) {
  const body = h('div', { class: 'dashboard' });
  const stamp = h('span', { class: 'generated' });
  section.append(title('订单健康度看板', 'Order health', stamp), body);

  return {
    wants: () => true,
    async refresh() {
      const d = await api.dashboard();
      stamp.textContent = `更新于 ${time(d.generatedAt)}`;
      fill(body,
        oversold(d.oversold),
        h('div', { class: 'stats' },
          stat('订单总数 Total orders', number(d.totalOrders), { key: 'totalOrders' }),
          stat('每分钟订单 Orders/min', number(d.ordersPerMinute), { key: 'ordersPerMinute' }),
          stat('挂起 On hold', number(d.holds), { key: 'holds', tone: d.holds > 0 ? 'warn' : '' }),
          stat('熔断仓 Open breakers', number(d.openBreakers), { key: 'openBreakers', tone: d.openBreakers > 0 ? 'danger' : '' }),
          stat('改派 Reroutes', number(d.reroutes), { key: 'reroutes' }),
          stat('低库存 Low stock', number(d.lowStock.length), { key: 'lowStock', tone: d.lowStock.length > 0 ? 'warn' : '' })),
        h('div', { class: 'panels' },
          panel('按状态 Orders by status', statusBars(d.ordersByStatus)),
          panel('挂起原因 Holds by code', holdTable(d.holdsByCode)),
          panel('仓库熔断 Breakers', breakerList(d.breakers)),
          panel('低库存 Low stock', lowStockTable(d.lowStock)),
          panel('渠道拉单 Channel pulls', pullTable(d.pulls))));
    },
  };
}

function oversold(count) {
  const ok = count === 0;
  return h('div', { class: `oversold ${ok ? 'ok' : 'bad'}`, dataset: { stat: 'oversold' } },
    h('div', { class: 'oversold-value' }, number(count)),
    h('div', { class: 'oversold-text' },
      h('strong', {}, '超卖 Oversold'),
      h('span', {}, ok ? '库存无超卖，必须保持为 0' : '出现超卖！请立即核查库存审计 (GET /api/v1/audit)')));
}


function statusBars(byStatus) {
  const rows = ORDER_STATUSES.filter(([status]) => byStatus[status] > 0);
  if (rows.length === 0) {
    return empty('暂无订单 No orders yet — 点击「加载演示数据」试试');
  }
  const max = Math.max(...rows.map(([status]) => byStatus[status]));
  return h('ul', { class: 'bars' }, rows.map(([status]) =>
    h('li', { dataset: { status } },
      h('a', { href: `#/orders?status=${status}` }, statusBadge(status)),
      h('span', { class: 'bar' }, h('span', { class: `bar-fill status-${status}`, style: { width: `${(100 * byStatus[status]) / max}%` } })),
      h('span', { class: 'bar-count' }, number(byStatus[status])))));
}

function holdTable(byCode) {
  const rows = Object.entries(byCode).sort((a, b) => b[1] - a[1]);
  if (rows.length === 0) {
    return empty('没有挂起订单 Nothing on hold');
  }
  return h('table', { class: 'compact' },
    h('tbody', {}, rows.map(([code, count]) =>
      h('tr', {},
        h('td', {}, h('a', { href: `#/exceptions?holdCode=${encodeURIComponent(code)}` }, holdLabel(code)), ' ', h('code', {}, code)),
        h('td', { class: 'num' }, number(count))))));
}

function breakerList(breakers) {
  if (breakers.length === 0) {
    return empty('尚无仓库 No warehouses');
  }
  return h('ul', { class: 'breaker-list' }, breakers.map((b) =>
    h('li', {}, h('a', { href: '#/breakers' }, b.name ? `${b.name} ` : '', h('code', {}, b.warehouseId)), breakerBadge(b.state))));
}

function lowStockTable(alerts) {
  if (alerts.length === 0) {
    return empty('库存充足 Stock is healthy');
  }
  return h('table', { class: 'compact' },
    h('thead', {}, h('tr', {}, h('th', {}, 'SKU'), h('th', {}, '仓库'), h('th', { class: 'num' }, '可用'), h('th', { class: 'num' }, '安全库存'))),
    h('tbody', {}, alerts.map((a) =>
      h('tr', {}, h('td', {}, h('code', {}, a.sku)), h('td', {}, a.warehouseId), h('td', { class: 'num' }, number(a.available)),
        h('td', { class: 'num' }, number(a.safetyStock))))));
}

const PULL_STATES = { Running: '拉取中', Succeeded: '成功', Failed: '失败', Interrupted: '中断' };

/** The last pull of each channel (GET /api/v1/dashboard → pulls); channels not configured say so. */
function pullTable(pulls) {
  return h('table', { class: 'compact pulls' },
    h('thead', {}, h('tr', {}, h('th', {}, '渠道'), h('th', {}, '上次拉取 Last run'), h('th', { class: 'num' }, '拉到'),
      h('th', { class: 'num' }, '新增'), h('th', { class: 'num' }, '错误'))),
    h('tbody', {}, pulls.map((p) => h('tr', { dataset: { channel: p.channel } },
      h('td', {}, h('code', {}, p.channel)),
      p.configured
        ? h('td', { title: p.lastError ?? '' },
          p.lastRunAt ? time(p.lastRunAt) : '尚未运行 not run yet', ' ',
          p.state ? h('span', { class: `badge pull-${p.state}` }, PULL_STATES[p.state] ?? p.state, h('small', {}, p.state)) : '',
          p.scheduled ? '' : h('small', { class: 'muted' }, ' 未定时 not scheduled'))
        : h('td', { class: 'muted', title: p.notConfigured ?? '' }, '未配置 not configured'),
      h('td', { class: 'num' }, p.configured ? number(p.fetched) : '—'),
      h('td', { class: 'num' }, p.configured ? number(p.new) : '—'),
      h('td', { class: `num ${p.errors > 0 ? 'pull-errors' : ''}`, title: p.lastError ?? '' }, p.configured ? number(p.errors) : '—')))));
}
