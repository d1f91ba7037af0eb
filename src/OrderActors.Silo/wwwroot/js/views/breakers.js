import { api } from '../api.js';
import { h, fill } from '../dom.js';
import { celsius, number, percent, time } from '../format.js';
import { showInfo } from '../notices.js';
import { can } from '../session.js';
import { breakerBadge, empty, runCommand, title } from '../widgets.js';

// The board is rebuilt on every live event, so the outcome of the last trip per warehouse is kept
// here rather than in the DOM.
const lastTrips = new Map();

const RATIO_WARNING = 0.85;

/** 熔断看板: every warehouse's breaker, with Trip and Reset for a role that may use them (breakers.write). */
export function breakersView(section, route, reload) {
  const grid = h('div', { class: 'warehouse-grid' });
  section.append(title('熔断看板', 'Breaker board'), grid);

  const trip = async (warehouse, button) => {
    const reason = prompt(`熔断 ${warehouse.name} (${warehouse.warehouseId}) 的原因 Reason for tripping:`, '');
    if (reason === null) {
      return;
    }
    const result = await runCommand(button, '熔断中… Tripping', () => api.tripBreaker(warehouse.warehouseId, reason));
    if (result) {
      lastTrips.set(warehouse.warehouseId, { ...result, at: new Date().toISOString() });
      showInfo(`${warehouse.warehouseId} 已熔断：涉及 ${result.affectedOrders} 单，改派 ${result.reroutedOrders} 单，无法改派 ${result.unroutableOrders} 单，已不在该仓 ${result.notAffectedOrders} 单，处理中 ${result.pendingOrders} 单`);
      reload();
    }
  };

  const reset = async (warehouse, button) => {
    const result = await runCommand(button, '恢复中… Resetting', () => api.resetBreaker(warehouse.warehouseId));
    if (result) {
      showInfo(`${warehouse.warehouseId} 熔断已恢复 breaker ${result.state}`);
      reload();
    }
  };

  return {
    wants: (stream, event) => stream === 'warehouse' || event.kind === 'OrderRerouted',
    async refresh() {
      const warehouses = await api.warehouses();
      fill(grid, warehouses.length === 0
        ? empty('尚无仓库 No warehouses — 点击「加载演示数据」')
        : warehouses.map((w) => card(w, trip, reset)));
    },
  };
}

function card(w, trip, reset) {
  const state = w.breaker.state;
  return h('article', { class: `warehouse breaker-${state}`, dataset: { warehouse: w.warehouseId, state } },
    h('header', {},
      h('div', {},
        h('h2', {}, w.name),
        h('div', { class: 'muted' }, h('code', {}, w.warehouseId), ' · ', w.region || '—',
          w.coldChain ? h('span', { class: 'chip cold' }, '冷链 Cold chain') : null)),
      breakerBadge(state)),
    h('dl', {},
      item('原因 Reason', w.breaker.reason ?? '—'),
      item('来源 Source', w.breaker.source ?? '—'),
      item('状态起始 Since', time(w.breaker.since)),
      item('温度 Temperature', temperature(w)),
      item('预占率 Reserved', ratio(w.reservedRatio)),
      item('已改派 Rerouted orders', number(w.reroutedOrders)),
      item('备用仓 Backups', w.backups.length ? w.backups.join(', ') : '—')),
    tripOutcome(lastTrips.get(w.warehouseId)),
    can('breakers.write') ? controls(w, trip, reset) : null);
}

function controls(w, trip, reset) {
  const state = w.breaker.state;
  const tripButton = h('button', { type: 'button', class: 'danger', disabled: state === 'Open', dataset: { action: 'trip' } }, '熔断 Trip');
  const resetButton = h('button', { type: 'button', disabled: state === 'Closed', dataset: { action: 'reset' } }, '恢复 Reset');
  tripButton.addEventListener('click', () => trip(w, tripButton));
  resetButton.addEventListener('click', () => reset(w, resetButton));
  return h('footer', {}, tripButton, resetButton);
}

const item = (label, value) => h('div', {}, h('dt', {}, label), h('dd', {}, value));

function temperature(w) {
  if (w.temperatureC === null || w.temperatureC === undefined) {
    return '—';
  }
  const hot = w.coldChain && w.temperatureC > 8;
  return h('span', { class: hot ? 'hot' : '' }, celsius(w.temperatureC), h('small', {}, ` ${time(w.temperatureAt)}`));
}

function ratio(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  return h('span', { class: 'ratio' },
    h('span', { class: 'bar' }, h('span', { class: `bar-fill ${value > RATIO_WARNING ? 'high' : ''}`, style: { width: `${Math.min(100, value * 100)}%` } })),
    percent(value));
}

function tripOutcome(trip) {
  if (!trip) {
    return null;
  }
  return h('p', { class: 'trip-outcome', dataset: { rerouted: trip.reroutedOrders, unroutable: trip.unroutableOrders } },
    `最近熔断 Last trip ${time(trip.at)}：改派 rerouted `, h('strong', { class: 'rerouted' }, number(trip.reroutedOrders)),
    ' · 无法改派 unroutable ', h('strong', {}, number(trip.unroutableOrders)),
    trip.pendingOrders > 0 ? ` · 处理中 pending ${number(trip.pendingOrders)}` : '');
}
