import { api } from './api.js';
import { fill } from './dom.js';
import { connectLive } from './live.js';
import { showError, showInfo } from './notices.js';
import { createRouter } from './router.js';
import { begin, can } from './session.js';
import { showPrincipal, showTenantPicker } from './topbar.js';
import { empty, runCommand } from './widgets.js';
import { breakersView } from './views/breakers.js';
import { dashboardView } from './views/dashboard.js';
import { exceptionsView } from './views/exceptions.js';
import { orderView } from './views/order.js';
import { ordersView } from './views/orders.js';
import { notificationsView } from './views/notifications.js';
import { returnsView } from './views/returns.js';
import { rmaView } from './views/rma.js';

const DEMO_ORDERS = 300;

const ALL_VIEWS = {
  dashboard: dashboardView,
  breakers: breakersView,
  exceptions: exceptionsView,
  orders: ordersView,
  order: orderView,
};

// 售后 has a permission of its own (returns.read): a supplier has none of it yet.
const RETURN_VIEWS = {
  returns: returnsView,
  rma: rmaView,
};

// 通知 shows the outbox and the channels' (masked) addresses: notifications.read, which viewers and finance lack.
const NOTIFICATION_VIEWS = {
  notifications: notificationsView,
};

/**
 * The views the principal may read, and the one a bare or unknown hash opens: everything with `read`; a
 * supplier (orders.read only) its own orders; a machine's role (a connector) none. The 售后 views come with
 * returns.read, 通知 with notifications.read.
 */
function viewsOf() {
  const extra = {
    ...(can('returns.read') ? RETURN_VIEWS : {}),
    ...(can('notifications.read') ? NOTIFICATION_VIEWS : {}),
  };
  if (can('read')) {
    return { views: { ...ALL_VIEWS, ...extra }, fallback: 'dashboard' };
  }
  if (can('orders.read')) {
    return { views: { orders: ordersView, order: orderView, ...extra }, fallback: 'orders' };
  }
  return null;
}

// A failure nobody awaited (a handler's bug, a dropped connection) still reaches the operator.
window.addEventListener('unhandledrejection', (e) => showError(e.reason));

async function start() {
  let me;
  try {
    me = await api.me();
  } catch (error) {
    if (error.status !== 401) {
      showError(error);
    }
    return;
  }
  begin(me);
  showPrincipal(document.getElementById('principal'), me);
  showTenantPicker(document.getElementById('tenant-picker'), me);

  const signOut = document.getElementById('sign-out');
  signOut.addEventListener('click', async () => {
    if (await runCommand(signOut, '退出中… Signing out', () => api.signOut().then(() => true))) {
      location.assign('login.html');
    }
  });

  // The event stream needs `read`: a supplier's views load without it, a connector has none.
  const live = document.getElementById('live');
  live.hidden = !can('read');
  const readable = viewsOf();
  for (const link of document.querySelectorAll('nav a[data-route]')) {
    link.hidden = !readable || !(link.dataset.route in readable.views);
  }
  if (!readable) {
    fill(document.getElementById('outlet'), empty(`此账号不使用管理界面 This account (${me.roles.join(', ')}) has no views here: it works through the API`));
    return;
  }
  const router = createRouter(document.getElementById('outlet'), readable.views, readable.fallback);

  const demo = document.getElementById('demo');
  demo.hidden = !can('demo.seed');
  demo.addEventListener('click', async () => {
    const result = await runCommand(demo, '加载中… Loading', () => api.loadDemo(DEMO_ORDERS));
    if (result) {
      const afterSales = result.returnableOrders?.length ?? 0;
      showInfo(`已加载演示数据 Demo loaded: ${result.warehouses} 个仓库, ${result.skus} 个 SKU, ${result.orders} 单 — 分仓在后台进行` +
        (afterSales > 0 ? `；另有 ${afterSales} 单已签收，可试售后 (${afterSales} delivered orders to try returns on)` : ''));
      router.refresh();
    }
  });

  if (can('read')) {
    connectLive(live, router.notify, router.refresh);
  }
  router.start();
}

start();
