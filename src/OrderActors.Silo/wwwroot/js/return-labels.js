// After-sales (售后) words: the English names are the API's, as with the order labels.

export const RMA_STATUSES = [
  ['Requested', '待审核'],
  ['Approved', '已同意'],
  ['Rejected', '已拒绝'],
  ['Received', '已收货'],
  ['Refunded', '已退款'],
  ['Closed', '已关闭'],
];

export const RETURN_KINDS = [
  ['return', '退货退款'],
  ['exchange', '换货'],
  ['refund_only', '仅退款'],
];

/** The classifier's pool of reason codes (GET /return-reasons names the same). */
export const REASON_CODES = [
  '质量问题', '发错货', '少件漏发', '尺寸不符', '与描述不符', '包装破损', '物流损毁', '口味不符', '不喜欢/不想要', '过敏不适', '其他',
];

const REASON_SOURCES = new Map([
  ['model', '模型'],
  ['operator', '人工'],
]);

const rmaStatusNames = new Map(RMA_STATUSES);
const kindNames = new Map(RETURN_KINDS);

export const rmaStatusLabel = (status) => rmaStatusNames.get(status) ?? status;
export const kindLabel = (kind) => kindNames.get(kind) ?? kind;
export const reasonSourceLabel = (source) => REASON_SOURCES.get(source) ?? source;
