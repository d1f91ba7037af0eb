// Notification words (通知): the English names are the API's, as with the order labels.

/** The outbox's statuses; `failed` is the dead letter, sent again only by hand. */
export const NOTIFICATION_STATUSES = [
  ['pending', '待发送'],
  ['delivered', '已送达'],
  ['failed', '失败'],
];

/** The events a channel can take, as its form offers them; `*` is every event. */
export const CHANNEL_EVENTS = [
  ['order.shipped', '订单已发货'],
  ['unpaid.reminder', '待付款提醒'],
  ['breaker.tripped', '仓库熔断'],
  ['*', '全部'],
];

// Kinds the templates know beyond the form's: a channel set through the API or CLI may take them.
const OTHER_EVENTS = [
  ['stock.low', '库存不足'],
  ['escalation.raised', '新升级工单'],
  ['escalation.levelled', '升级工单级别变更'],
  ['order.urgent', '加急订单'],
];

export const CHANNEL_KINDS = [
  ['wecom', '企业微信群机器人'],
  ['feishu', '飞书机器人'],
  ['dingtalk', '钉钉机器人'],
  ['sms', '短信'],
  ['webhook', 'Webhook'],
];

const statusNames = new Map(NOTIFICATION_STATUSES);
const eventNames = new Map([...CHANNEL_EVENTS, ...OTHER_EVENTS]);
const kindNames = new Map(CHANNEL_KINDS);

export const notificationStatusLabel = (status) => statusNames.get(status) ?? status;
export const eventLabel = (kind) => eventNames.get(kind) ?? kind;
export const channelKindLabel = (kind) => kindNames.get(kind) ?? kind;

/** What a value the server masked looks like: `***` for a credential, or a URL's token. */
export const isMasked = (value) => String(value).includes('***');
