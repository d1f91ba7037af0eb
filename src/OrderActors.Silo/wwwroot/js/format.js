const yuan = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });
const dateTime = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});
const count = new Intl.NumberFormat('zh-CN');

/** Money arrives as integer fen. */
export const money = (fen) => (fen === null || fen === undefined ? '—' : yuan.format(fen / 100));

/** Times arrive as ISO-8601 UTC; operators read them in the browser's time zone. */
export const time = (iso) => (iso ? dateTime.format(new Date(iso)) : '—');

export const number = (value) => (value === null || value === undefined ? '—' : count.format(value));

export const percent = (ratio) => (ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(1)}%`);

export const celsius = (value) => (value === null || value === undefined ? '—' : `${value.toFixed(1)} °C`);
