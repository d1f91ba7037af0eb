const wholeYuan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});
const count = new Intl.NumberFormat('zh-CN');

/**
 * Money arrives as integer fen and is shown as ¥1,234.50: yuan and fen are split with integer arithmetic
 * (BigInt), so no binary fraction ever comes near a price. A value that is not a whole number of fen is
 * shown as it came, for someone to notice.
 */
export function money(fen) {
  if (fen === null || fen === undefined) {
    return '—';
  }
  if (!Number.isSafeInteger(fen)) {
    return `${fen} 分`;
  }
  const value = BigInt(fen);
  const magnitude = value < 0n ? -value : value;
  const cents = String(magnitude % 100n).padStart(2, '0');
  return `${value < 0n ? '-' : ''}¥${wholeYuan.format(magnitude / 100n)}.${cents}`;
}

/** A yuan amount typed by an operator ("12", "12.5", "12.50") as integer fen, or null when it is not one. */
export function parseYuan(text) {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) {
    return null;
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Times arrive as ISO-8601 UTC; operators read them in the browser's time zone. */
export const time = (iso) => (iso ? dateTime.format(new Date(iso)) : '—');

export const number = (value) => (value === null || value === undefined ? '—' : count.format(value));

export const percent = (ratio) => (ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(1)}%`);

export const celsius = (value) => (value === null || value === undefined ? '—' : `${value.toFixed(1)} °C`);

/**
 * A mainland mobile number as operators may see it, 138****5678. The server masks recipients already; masking
 * again keeps a full number off the screen should one ever come through.
 */
export function maskedPhone(phone) {
  if (phone === null || phone === undefined || phone === '') {
    return '—';
  }
  return /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
