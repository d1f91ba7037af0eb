import { api, operatorName, setOperatorName } from './api.js';
import { connectLive } from './live.js';
import { showError, showInfo } from './notices.js';
import { createRouter } from './router.js';
import { runCommand } from './widgets.js';
import { breakersView } from './views/breakers.js';
import { dashboardView } from './views/dashboard.js';
import { exceptionsView } from './views/exceptions.js';
import { orderView } from './views/order.js';
import { ordersView } from './views/orders.js';

const DEMO_ORDERS = 300;

const router = createRouter(document.getElementById('outlet'), {
  dashboard: dashboardView,
  breakers: breakersView,
  exceptions: exceptionsView,
  orders: ordersView,
  order: orderView,
}, 'dashboard');

const operator = document.getElementById('operator');
operator.value = operatorName();
operator.addEventListener('change', () => {
  setOperatorName(operator.value);
  operator.value = operatorName();
});

const demo = document.getElementById('demo');
demo.addEventListener('click', async () => {
  const result = await runCommand(demo, '加载中… Loading', () => api.loadDemo(DEMO_ORDERS));
  if (result) {
    showInfo(`已加载演示数据 Demo loaded: ${result.warehouses} 个仓库, ${result.skus} 个 SKU, ${result.orders} 单 — 分仓在后台进行`);
    router.refresh();
  }
});

// A failure nobody awaited (a handler's bug, a dropped connection) still reaches the operator.
window.addEventListener('unhandledrejection', (e) => showError(e.reason));

connectLive(document.getElementById('live'), router.notify, router.refresh);
router.start();
