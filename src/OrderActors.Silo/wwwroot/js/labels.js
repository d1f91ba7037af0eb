// Operators read Chinese; the English names are what the API, logs and CLI use, so both are shown.

export const ORDER_STATUSES = [
  ['PendingPayment', '待付款'],
  ['Paid', '已付款'],
  ['Reserved', '已锁库'],
  ['Allocated', '已分仓'],
  ['Shipped', '已出库'],
  ['InTransit', '在途'],
  ['Delivered', '已签收'],
  ['Completed', '已完成'],
  ['OnHold', '挂起'],
  ['Cancelled', '已取消'],
  ['Returning', '退货中'],
  ['Refunded', '已退款'],
];

export const CHANNELS = [
  ['taobao', '淘宝/天猫'],
  ['jd', '京东'],
  ['pdd', '拼多多'],
  ['douyin', '抖音小店'],
  ['meituan', '美团'],
  ['miniapp', '小程序'],
];

export const HOLD_CODES = [
  ['invalid_phone', '手机号无效'],
  ['invalid_division', '行政区划无效'],
  ['incomplete_address', '地址不完整'],
  ['unmapped_sku', 'SKU 未映射'],
  ['sku_variant_mismatch', '规格不符'],
  ['abnormal_amount', '金额异常'],
  ['price_deviation', '价格偏离'],
  ['suspected_duplicate', '疑似重复'],
  ['clock_skew', '时间异常'],
  ['high_value_approval', '大额待审'],
  ['out_of_stock', '缺货'],
  ['unroutable', '无法分仓'],
  ['carrier_discrepancy', '物流状态不一致'],
  ['pii_encrypted', '收件人待解密'],
  ['unknown_status', '平台状态未知'],
  ['unreadable_field', '字段无法读取'],
  ['unknown_coupon', '优惠格式未知'],
];

const BREAKER_STATES = [
  ['Closed', '正常'],
  ['Open', '熔断'],
  ['HalfOpen', '半开'],
];

const EXPLANATION_LAYERS = new Map([
  ['Candidates', '候选仓'],
  ['Nearest', '地理围栏'],
  ['ReservedRatio', '预占率'],
  ['Ranking', '排序'],
  ['Choice', '单仓/拆单'],
  ['Widening', '扩大范围'],
  ['Outcome', '结果'],
  ['Destination', '收货地'],
  ['Retry', '重试'],
]);

const statusNames = new Map(ORDER_STATUSES);
const channelNames = new Map(CHANNELS);
const holdNames = new Map(HOLD_CODES);
const breakerNames = new Map(BREAKER_STATES);

export const statusLabel = (status) => statusNames.get(status) ?? status;
export const channelLabel = (channel) => channelNames.get(channel) ?? channel;
export const holdLabel = (code) => holdNames.get(code) ?? code;
export const breakerLabel = (state) => breakerNames.get(state) ?? state;
export const layerLabel = (layer) => EXPLANATION_LAYERS.get(layer) ?? '';

const ROLES = new Map([
  ['admin', '管理员'],
  ['operator', '操作员'],
  ['viewer', '只读'],
  ['finance', '财务'],
  ['hq', '总部'],
  ['supplier', '供应商'],
  ['connector', '渠道接入'],
]);

/** `supplier:S1` reads 供应商 S1: the kind in Chinese, then whom it names. */
export function roleLabel(role) {
  const [kind, ...rest] = role.split(':');
  const name = ROLES.get(kind);
  return name ? [name, ...rest].join(' ') : role;
}
