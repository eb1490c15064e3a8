/**
 * Whether a text is a day that exists, as YYYY-MM-DD in years 1000–9999: JavaScript rolls
 * 30 February over into March and takes year 0, which PostgreSQL refuses, so both are checked here.
 */
export function isCalendarDay(value: string): boolean {
  if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}
